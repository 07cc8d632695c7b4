// The PDF of a debrief: the very HTML of renderHtml, printed by headless Chromium (the system one,
// through playwright-core) with JavaScript off and every network request refused, on A4 with
// backgrounds. Chromium gets a throwaway HOME and profile, removed afterwards, so it leaves
// nothing behind on a trainer's machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const FOOTER = '<div style="font-size:7pt;color:#5b6670;width:100%;text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

export interface PdfOptions {
  /** Defaults to findChromium(env). */
  executablePath?: string;
  /** Where DRILLBOOK_CHROMIUM is looked up; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? findChromium(options.env ?? process.env);
  const home = mkdtempSync(join(tmpdir(), 'drillbook-pdf-'));
  try {
    const file = join(home, 'debrief.html');
    writeFileSync(file, html);
    const pageUrl = pathToFileURL(file).href;
    const context = await chromium.launchPersistentContext(join(home, 'profile'), {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
      javaScriptEnabled: false,
      offline: true,
      timeout: 60_000,
    });
    try {
      // Only the report file itself may load; the CSP forbids the rest anyway.
      await context.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort()));
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(pageUrl, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: FOOTER,
      });
    } finally {
      await context.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
