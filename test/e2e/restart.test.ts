// End to end, in the real Chromium against `drillbook serve` (issue 14 item 5): the server is
// stopped mid-exercise and started again on the same data file and port, with the facilitator's
// console and a participant's seat open. The seat says it is not connected (its clock stands),
// reconnects by itself to "Paused: the facilitator's computer restarted"; the console's tab
// reconnects with the key in its URL (same key after the restart), shows Resume, and the seat
// carries on. Nobody reloads a page or joins again. Screenshots land in test-results/e2e/restart-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../electron/lan/renderer-build.ts';
import { runE2e, launch, shot, watchPage, type E2eBrowser } from './browser.ts';
import { serveOn } from './exercise-setup.ts';

const SCENARIO = 'model-latency-slo';
let browser: E2eBrowser;
let dir: string;
const problems: string[] = [];

/** `drillbook serve` on this suite's data file and `port`; its stop expects a clean exit. */
async function serve(port: number): Promise<{ url: URL; out: string[]; stop(): Promise<void> }> {
  const run = await serveOn(dir, port, problems);
  return { url: run.url, out: run.out, stop: async () => void expect(await run.stop()).toBe(0) };
}

describe.runIf(runE2e)('a restart of browser mode in the middle of an exercise', () => {
  beforeAll(async () => {
    const build = ensureRendererBuilt();
    if (!build.ok) throw new Error(build.message);
    dir = mkdtempSync(join(tmpdir(), 'drillbook-e2e-restart-'));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the seat shows the restart pause and carries on after the facilitator resumes', async () => {
    const contexts: BrowserContext[] = [];
    let server: Awaited<ReturnType<typeof serve>> | null = await serve(0);
    try {
      const fac = await browser.browser.newContext({ viewport: { width: 1280, height: 720 } });
      contexts.push(fac);
      const page = await fac.newPage();
      watchPage(page, 'facilitator', problems);
      page.on('dialog', (d) => void d.accept());
      await page.goto(server.url.href);
      await page.locator(`a[href*="shipped-${SCENARIO}"]`).first().click();
      await page.getByRole('button', { name: 'Start a session…' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Fay');
      const names = ['Ivy', 'Eli', 'Dee', 'Pat'];
      for (let i = 0; i < names.length; i++) await page.getByLabel(`Participant ${i + 1} name`).fill(names[i]!);
      await page.getByLabel('each on their own device').check();
      await page.getByRole('button', { name: 'Create session' }).click();
      const clock = page.getByRole('toolbar', { name: 'Clock controls' });
      await clock.waitFor();
      await page.getByRole('button', { name: 'Participants' }).click();
      await page.getByRole('button', { name: 'Let participants join' }).click();
      const code = (await page.getByTestId('join-code').textContent())!.trim();
      const joinUrl = (await page.getByTestId('join-url').textContent())!.trim();

      const ivyContext = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(ivyContext);
      const ivy = await ivyContext.newPage();
      watchPage(ivy, 'ivy', problems);
      await ivy.goto(joinUrl);
      await ivy.getByRole('button', { name: 'Continue' }).click();
      await ivy.getByLabel('Your name').fill('Ivy');
      await ivy.getByRole('button', { name: 'Join' }).click();
      await ivy.getByRole('region', { name: 'Inbox' }).waitFor();

      await clock.getByRole('button', { name: 'Start', exact: true }).click();
      const status = ivy.getByTestId('seat-status');
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Running');
      await ivy.waitForTimeout(1500);

      // The facilitator's computer goes away.
      const port = server.url.port;
      const key = server.url.searchParams.get('token');
      await server.stop();
      server = null;
      const lost = ivy.getByRole('alert').filter({ hasText: 'Connection to the facilitator lost. Reconnecting by itself; answers already sent are saved.' });
      await lost.waitFor({ timeout: 15_000 });
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Not connected');
      const timer = ivy.getByRole('timer').first();
      const standing = await timer.textContent();
      await ivy.waitForTimeout(2500);
      expect(await timer.textContent(), 'the seat\'s clock ran on while disconnected').toBe(standing);
      // Through several attempts the banner keeps saying it is a reconnection.
      expect(await lost.count()).toBe(1);
      await shot(ivy, 'restart-1-seat-disconnected');

      // It comes back on the same file and port: same console link, same code.
      server = await serve(Number(port));
      expect(server.url.searchParams.get('token')).toBe(key);
      expect(server.out.some((l) => l.includes(`join code ${code}, 1 device(s)`))).toBe(true);
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('Paused: the facilitator\'s computer restarted');
      await ivy.getByText(/^Paused: the facilitator's computer restarted\. Your answers so far are saved/).waitFor();
      expect(await ivy.getByRole('alert').filter({ hasText: /facilitator/ }).count(), 'the connection banner stayed').toBe(0);
      await shot(ivy, 'restart-2-seat-paused');

      // The console's tab reconnects by itself (same key), shows the recovered pause and Resume.
      const resume = clock.getByRole('button', { name: 'Resume', exact: true });
      await resume.waitFor({ timeout: 30_000 });
      await shot(page, 'restart-3-console-recovered');
      await resume.click();
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Running');
      const resumedAt = await timer.textContent();
      await expect.poll(() => timer.textContent(), { timeout: 10_000 }).not.toBe(resumedAt);
      await shot(ivy, 'restart-4-seat-running');
      // While the server was away the browser logged each socket it could not open: expected here.
      expect(problems.filter((p) => !/console error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws\?token=[^']*' failed/.test(p))).toEqual([]);
    } catch (error) {
      let n = 0;
      for (const c of contexts) for (const p of c.pages()) await shot(p, `restart-failed-${n++}`).catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nPage problems: ${problems.join('\n')}`, { cause: error });
    } finally {
      for (const c of contexts) await c.close().catch(() => undefined);
      await server?.stop();
    }
  });
});
