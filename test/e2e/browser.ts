// The system Chromium for the end-to-end suite, launched headless (no sandbox,
// nothing phoning home) with a throwaway HOME and profile, removed afterwards. It is found as the
// PDF export finds it (DRILLBOOK_CHROMIUM, then PATH, then the usual paths: findChromium), which is
// also what .ci/run checks before it installs one. Without a browser the suites skip with a loud
// message on a developer's machine, and fail under CI=true: CI must not pass without them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../electron/report/chromium.ts';

export type BrowserPlan = { run: true; executablePath: string } | { run: false; fail: boolean; message: string };

/** Under CI (CI set to anything but '' / 'false' / '0'), a missing browser is a failure, not a skip. */
export function underCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

export function browserPlan(env: Record<string, string | undefined> = process.env, find: (env: Record<string, string | undefined>) => string = findChromium): BrowserPlan {
  try {
    return { run: true, executablePath: find(env) };
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^cannot print the PDF: /, '') : String(error);
    return underCi(env)
      ? { run: false, fail: true, message: `The end-to-end suites need Chromium and CI=true is set, so they fail rather than skip: ${why}` }
      : { run: false, fail: false, message: `END-TO-END SUITES SKIPPED: ${why}` };
  }
}

export const PLAN = browserPlan();
/** Whether the suites run: with a browser, or under CI without one (where they fail loudly). */
export const runE2e = PLAN.run || PLAN.fail;

if (!PLAN.run) {
  console.warn(`\n${'!'.repeat(78)}\n!! ${PLAN.message}\n!! Install it (apt-get install -y chromium poppler-utils) or set DRILLBOOK_CHROMIUM.\n${'!'.repeat(78)}\n`);
}

/** The browser's path; throws (failing the suite) under CI when there is none. */
export function chromiumPath(): string {
  if (PLAN.run) return PLAN.executablePath;
  throw new Error(PLAN.message);
}
export const RESULTS = join(import.meta.dirname, '..', '..', 'test-results', 'e2e');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface E2eBrowser {
  browser: Browser;
  home: string;
  close(): Promise<void>;
}

export async function launch(): Promise<E2eBrowser> {
  const executablePath = chromiumPath();
  const home = mkdtempSync(join(tmpdir(), 'drillbook-e2e-'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    timeout: 60_000,
  });
  return {
    browser, home,
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * The join API answers 4xx when it should (a locked lobby, a wrong code, a seat another device
 * holds, a seat request the facilitator refused); nothing else may fail.
 */
function expectedRefusal(url: string, status: number): boolean {
  return new URL(url).pathname.startsWith('/api/') && [401, 403, 404, 409, 423, 429].includes(status);
}

/** Collects what a page should never do: uncaught errors, console errors, dialogs it did not expect. */
export function watchPage(page: Page, name: string, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`${name}: page error: ${error.message}`));
  page.on('console', (message) => {
    // A refused HTTP answer is logged by the browser too; those are checked where they are expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`${name}: console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expectedRefusal(response.url(), response.status())) problems.push(`${name}: ${response.status()} for ${response.url()}`);
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}
