// End to end, in the real Chromium against `drillbook serve` (browser mode): a facilitator and
// three participants, each in their own browser context, run a shipped scenario at 10x from start
// to finish: join with the code, injects arrive, decisions, a branch fires, notes, the end, the
// debrief, and the exports (the HTML report opened in the browser with hostile text in it, the PDF
// produced). Every view is photographed into test-results/e2e/. The exercise itself is in
// exercise-flow.ts (under-load.test.ts runs it too, on a busy machine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runE2e } from './browser.ts';
import { exercise } from './exercise-flow.ts';
import { startServed, withContexts, type Served } from './exercise-setup.ts';

let served: Served | undefined;
const problems: string[] = [];

describe.runIf(runE2e)('browser mode, end to end', () => {
  beforeAll(async () => {
    served = await startServed('drillbook-e2e-data-', problems);
  });

  afterAll(async () => {
    if (served) expect(await served.close()).toBe(0);
  });

  it('runs a shipped scenario with three participants on their own devices, to the debrief and the exports', async () => {
    await withContexts(problems, 'failed', (contexts) => exercise(served!, problems, contexts));
  });
});
