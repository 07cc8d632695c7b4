// The HTML report with hostile text in every field, opened in the real Chromium WITH JavaScript
// on (a reader's browser): no dialog, no console message (a CSP refusal would log one), no page
// error, no request beyond the file itself. A control page proves the detectors work.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../core/report/index.ts';
import { findChromium } from '../../../electron/report/chromium.ts';
import { CHROMIUM_ARGS } from '../../../electron/report/pdf.ts';
import { PAYLOADS, poisonEveryString } from '../../fixtures/debrief/hostile.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

let home = '';
let context: BrowserContext;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'drillbook-xss-'));
  context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home },
    javaScriptEnabled: true,
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(home, { recursive: true, force: true });
});

/** Opens a file and reports everything that showed a sign of life. */
async function open(name: string, html: string): Promise<string[]> {
  const file = join(home, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const signs: string[] = [];
  page.on('dialog', (dialog) => {
    signs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => signs.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => signs.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) signs.push(`request: ${request.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  // Give handlers (onload, onerror of a broken image) a moment to fire if they exist.
  await page.waitForTimeout(100);
  await page.close();
  return signs;
}

describe('the HTML report in Chromium with JavaScript on', () => {
  it('the detectors see a script, and a CSP refusal', async () => {
    expect(await open('control.html', '<!DOCTYPE html><script>alert("control")</script>')).toContain('dialog: control');
    const refused = await open('csp.html', `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><script>alert(1)</script>`);
    expect(refused.some((s) => s.startsWith('console:') && /Content Security Policy/i.test(s))).toBe(true);
  });

  it.each(PAYLOADS.map((p, i) => [i, p] as const))('payload %i stays text: %s', async (i, payload) => {
    const { debrief } = poisonEveryString({ ...sampleDebrief(), rejected: [{ at_s: 1, event: 'x', reason: 'y' }] }, payload);
    expect(await open(`report-${i}.html`, renderHtml(debrief))).toEqual([]);
  });
});
