// The end-to-end suites' browser decision: run with a browser; without one, skip loudly on a
// developer's machine and fail under CI=true (issue 15: CI must not pass without the e2e suite).
import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError } from '../../electron/report/chromium.ts';
import { browserPlan, PLAN, underCi } from './browser.ts';

const none = () => {
  throw new ChromiumNotFoundError('cannot print the PDF: no Chromium was found (looked in /nowhere).');
};

describe('the end-to-end browser', () => {
  it('runs with the browser findChromium finds (DRILLBOOK_CHROMIUM, PATH, the usual paths)', () => {
    expect(browserPlan({ DRILLBOOK_CHROMIUM: '/opt/chrome' }, (env) => env.DRILLBOOK_CHROMIUM as string)).toEqual({ run: true, executablePath: '/opt/chrome' });
  });

  it('skips without a browser outside CI, and fails under CI=true', () => {
    expect(browserPlan({}, none)).toEqual({ run: false, fail: false, message: 'END-TO-END SUITES SKIPPED: no Chromium was found (looked in /nowhere).' });
    expect(browserPlan({ CI: 'true' }, none)).toMatchObject({ run: false, fail: true, message: expect.stringContaining('CI=true is set, so they fail rather than skip: no Chromium was found') });
    expect(browserPlan({ CI: '1' }, none)).toMatchObject({ fail: true });
    expect(underCi({ CI: 'false' })).toBe(false);
    expect(underCi({ CI: '' })).toBe(false);
  });

  it.runIf(underCi(process.env))('is present in this CI run', () => {
    expect(PLAN).toMatchObject({ run: true });
  });
});
