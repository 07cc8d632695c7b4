// The set-up the end-to-end suites share: `drillbook serve` (browser mode) on a throwaway data file
// on 127.0.0.1 with the renderer built, and the system Chromium (browser.ts); and the wrapper that
// photographs every page when a run fails and closes the browser contexts either way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { runServe } from '../../electron/cli/serve.ts';
import { ensureRendererBuilt } from '../../electron/lan/renderer-build.ts';
import { launch, shot, type E2eBrowser } from './browser.ts';

export interface Served {
  browser: E2eBrowser;
  /** The throwaway directory of the data file (and of anything a suite saves). */
  dir: string;
  /** The facilitator console's URL, with its token. */
  facilitatorUrl: URL;
  /** Closes the browser, stops the server and removes the directory; resolves to serve's exit code. */
  close(): Promise<number>;
}

/**
 * Builds the renderer if needed, starts `drillbook serve` on a new data file in a temporary
 * directory named from `prefix`, waits for its URL, and launches the browser. What serve writes to
 * stderr lands in `problems` (a suite ends by checking that it stayed empty).
 */
export async function startServed(prefix: string, problems: string[]): Promise<Served> {
  const build = ensureRendererBuilt();
  if (!build.ok) throw new Error(build.message);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let stop: () => void = () => {};
  const out: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void problems.push(`serve: ${t}`), cwd: dir };
  const served = runServe({ db: join(dir, 'e2e.db'), host: '127.0.0.1', port: 0, scenario: null, build: false }, io, new Promise<void>((r) => (stop = r)));
  let browser: E2eBrowser | undefined;
  const close = async (): Promise<number> => {
    try {
      await browser?.close();
    } finally {
      stop();
    }
    const code = await served;
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  try {
    const deadline = Date.now() + 30_000;
    while (!out.some((l) => l.includes('?token=')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const line = out.find((l) => l.includes('?token='));
    if (!line) throw new Error(`drillbook serve printed no URL: ${out.join('\n')} ${problems.join('\n')}`);
    const facilitatorUrl = new URL(/http:\/\/\S+/.exec(line)![0]);
    browser = await launch();
    return { browser, dir, facilitatorUrl, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `run` with a list it adds its browser contexts to. On failure every page is photographed
 * (test-results/e2e/<failedShot>-N.png) and the error names what the pages complained about; the
 * contexts are closed either way.
 */
export async function withContexts(problems: string[], failedShot: string, run: (contexts: BrowserContext[]) => Promise<void>): Promise<void> {
  const contexts: BrowserContext[] = [];
  try {
    await run(contexts);
  } catch (error) {
    // What every page showed when it failed, and what they complained about.
    let n = 0;
    for (const c of contexts) for (const p of c.pages()) await shot(p, `${failedShot}-${n++}`).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nPage problems: ${problems.join('\n')}`, { cause: error });
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}
