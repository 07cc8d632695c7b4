// The system Chromium for the end-to-end suite, launched as DESIGN.md says (headless, no sandbox,
// nothing phoning home) with a throwaway HOME and profile, removed afterwards.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
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
  const home = mkdtempSync(join(tmpdir(), 'drillbook-e2e-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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

/** The join API answers 4xx when it should (a locked lobby, a wrong code); nothing else may fail. */
function expectedRefusal(url: string, status: number): boolean {
  return new URL(url).pathname.startsWith('/api/') && [401, 404, 423, 429].includes(status);
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
