// The colour-contrast and layout-stability checks over every view, in the real Chromium, as part
// of `npm test` (screens.ts does the driving and writes the PNGs to test-results/screenshots/).
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../electron/lan/renderer-build.ts';
import { chromiumPath, runE2e } from './browser.ts';
import { captureScreens } from './screens.ts';

describe.runIf(runE2e)('every screen in Chromium', () => {
  it('has no text below WCAG AA contrast, and the seat inbox holds still when an inject arrives', async () => {
    const build = ensureRendererBuilt();
    if (!build.ok) throw new Error(build.message);
    const result = await captureScreens(chromiumPath());
    for (const note of result.notes) console.log(`screens: ${note}`);
    console.log(`screens: axe checked ${result.contrastChecked} text elements`);
    expect(result.contrastChecked).toBeGreaterThan(0);
    expect(result.contrastProblems, 'text below AA contrast (axe, color-contrast)').toEqual([]);
    expect(result.layoutProblems, 'the improvement plan: usable field widths, Remove within the window').toEqual([]);
    // Two sizes, each a whole exercise at 10x with waits for injects (about 2.5 minutes on 2 cores).
  }, 600_000);
});
