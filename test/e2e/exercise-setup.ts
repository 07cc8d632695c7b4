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

/** One run of `drillbook serve` in this process; `stop` ends it as Ctrl-C would. */
export interface ServeRun {
  /** The facilitator console's URL, with its token. */
  url: URL;
  /** What serve printed. */
  out: string[];
  /** Stops the server; resolves to serve's exit code. */
  stop(): Promise<number>;
}

/**
 * Starts `drillbook serve` on `<dir>/e2e.db` and `port` (0: any) without building the renderer, and
 * waits for the console's link. What serve writes to stderr lands in `problems`. Started again on
 * the same directory and port, it is the facilitator's computer after a restart.
 */
export async function serveOn(dir: string, port: number, problems: string[]): Promise<ServeRun> {
  const out: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void problems.push(`serve: ${t}`), cwd: dir };
  let stop: () => void = () => {};
  const served = runServe({ db: join(dir, 'e2e.db'), host: '127.0.0.1', port, scenario: null, build: false }, io, new Promise<void>((r) => (stop = r)));
  const stopped = async (): Promise<number> => {
    stop();
    return served;
  };
  const deadline = Date.now() + 30_000;
  while (!out.some((l) => l.includes('?token=')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const line = out.find((l) => l.includes('?token='));
  if (!line) {
    await stopped().catch(() => undefined);
    throw new Error(`drillbook serve printed no URL: ${out.join('\n')} ${problems.join('\n')}`);
  }
  return { url: new URL(/http:\/\/\S+/.exec(line)![0]), out, stop: stopped };
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
  let run: ServeRun;
  try {
    run = await serveOn(dir, 0, problems);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let browser: E2eBrowser | undefined;
  const close = async (): Promise<number> => {
    let code: number;
    try {
      await browser?.close();
    } finally {
      code = await run.stop();
    }
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  try {
    browser = await launch();
    return { browser, dir, facilitatorUrl: run.url, close };
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
