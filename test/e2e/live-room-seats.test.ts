// End to end, in the real Chromium against `drillbook serve` on 127.0.0.1: joining and seats
// (issue 14 items 1-4), across devices.
// - The lobby panel says that no other device can reach 127.0.0.1, and lists every role, with
//   "No device" where nobody holds it (items 4, 1).
// - A person set up with two roles joins with "Give me my seat" and holds both on one device,
//   switching between them, with unread counts (item 1).
// - Another device sees who holds each seat, asks for a held one; the facilitator refuses, then
//   allows: the holder's device is told it was removed, the asking one takes the seat (item 2).
// - A locked lobby is refused at the code, before any form (item 3).
// Screenshots land in test-results/e2e/seats-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe } from '../../electron/cli/serve.ts';
import { ensureRendererBuilt } from '../../electron/lan/renderer-build.ts';
import { runE2e, launch, shot, watchPage, type E2eBrowser } from './browser.ts';

const SCENARIO = 'model-latency-slo';
let browser: E2eBrowser;
let dir: string;
let stop: () => void = () => {};
let served: Promise<number>;
let facilitatorUrl: URL;
const problems: string[] = [];

describe.runIf(runE2e)('joining and seats across devices', () => {
  beforeAll(async () => {
    const build = ensureRendererBuilt();
    if (!build.ok) throw new Error(build.message);
    dir = mkdtempSync(join(tmpdir(), 'drillbook-e2e-seats-'));
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void problems.push(`serve: ${t}`), cwd: dir };
    served = runServe({ db: join(dir, 'e2e.db'), host: '127.0.0.1', port: 0, scenario: null, build: false }, io, new Promise<void>((r) => (stop = r)));
    const deadline = Date.now() + 30_000;
    while (!out.some((l) => l.includes('?token=')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const line = out.find((l) => l.includes('?token='));
    if (!line) throw new Error(`drillbook serve printed no URL: ${out.join('\n')} ${problems.join('\n')}`);
    facilitatorUrl = new URL(/http:\/\/\S+/.exec(line)![0]);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    stop();
    expect(await served).toBe(0);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('two roles on one device, a held seat asked for and given, a locked lobby refused at the code', async () => {
    const contexts: BrowserContext[] = [];
    try {
      await run(contexts);
      expect(problems).toEqual([]);
    } catch (error) {
      let n = 0;
      for (const c of contexts) for (const p of c.pages()) await shot(p, `seats-failed-${n++}`).catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nPage problems: ${problems.join('\n')}`, { cause: error });
    } finally {
      for (const c of contexts) await c.close().catch(() => undefined);
    }
  });
});

async function device(contexts: BrowserContext[], name: string): Promise<Page> {
  const context = await browser.browser.newContext({ viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  const page = await context.newPage();
  watchPage(page, name, problems);
  return page;
}

async function run(contexts: BrowserContext[]): Promise<void> {
  const page = await device(contexts, 'facilitator');
  page.on('dialog', (d) => void d.accept());
  await page.goto(facilitatorUrl.href);
  await page.locator(`a[href*="shipped-${SCENARIO}"]`).first().click();
  await page.getByRole('button', { name: 'Start a session…' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Fay');
  // Ivy holds two roles (Incident Commander and the operations lead); the operations row stays empty.
  for (const [i, name] of ['Ivy', 'Eli', 'Dee', 'Pat'].entries()) await page.getByLabel(`Participant ${i + 1} name`).fill(name);
  await page.getByLabel('Participant 1 plays Partner and customer operations lead').check();
  await page.getByLabel('each on their own device').check();
  await page.getByRole('button', { name: 'Create session' }).click();
  await page.getByRole('toolbar', { name: 'Clock controls' }).waitFor();

  await page.getByRole('button', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Let participants join' }).click();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const joinUrl = (await page.getByTestId('join-url').textContent())!.trim();
  // ---- item 4: served on 127.0.0.1, the panel says no other device can reach it ----
  expect(await page.getByTestId('join-unreachable').textContent()).toMatch(/Only this computer can open this address and QR code/);
  // ---- item 1: every role is listed, none with a device yet ----
  for (const role of ['ic', 'eng', 'ds', 'product', 'ops']) expect(await page.getByTestId(`seat-role:${role}`).textContent()).toMatch(/No device/);
  await shot(page, 'seats-console-lobby');

  // ---- item 1: Ivy's one device holds both her roles ----
  const ivy = await device(contexts, 'Ivy');
  await ivy.goto(joinUrl);
  await ivy.getByRole('button', { name: 'Continue' }).click();
  await ivy.getByLabel('Your name').fill('Ivy');
  await ivy.getByRole('button', { name: 'Join' }).click();
  const roles = ivy.getByRole('navigation', { name: 'Your roles' });
  await roles.waitFor();
  expect(await ivy.getByRole('heading', { level: 1 }).textContent()).toBe('Incident Commander');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // The first alert goes to everyone: read on the IC's screen, unread on the operations lead's.
  await ivy.getByRole('region', { name: 'Inbox' }).locator('article, .inject').first().waitFor({ timeout: 30_000 });
  await ivy.getByTestId('unread-ops').waitFor({ timeout: 30_000 });
  await shot(ivy, 'seats-two-roles');
  await ivy.getByTestId('role-tab-ops').click();
  await ivy.getByRole('heading', { level: 1, name: 'Partner and customer operations lead' }).waitFor();
  await ivy.getByTestId('unread-ops').waitFor({ state: 'detached' });
  await page.getByTestId('seat-role:ops').getByText('Ivy').waitFor({ timeout: 10_000 });
  await page.getByTestId('seat-role:ic').getByText('Ivy').waitFor();
  expect(await page.getByTestId('seat-role:eng').textContent()).toMatch(/No device/);

  // ---- item 2: Eve sees who holds each seat and asks for the IC's ----
  const eve = await device(contexts, 'Eve');
  await eve.goto(joinUrl);
  await eve.getByRole('button', { name: 'Continue' }).click();
  await eve.getByLabel('Your name').fill('Eve');
  const held = eve.locator('label', { hasText: 'Incident Commander' });
  expect(await held.getByTestId('seat-held').textContent()).toBe("Held by Ivy's device");
  await held.getByRole('radio').check();
  await shot(eve, 'seats-join-held');
  await eve.getByRole('button', { name: 'Ask the facilitator for this seat' }).click();
  await eve.getByTestId('seat-waiting').waitFor();
  await page.getByRole('list', { name: 'Seat requests' }).getByText(/Eve asks for Incident Commander, held by Ivy's device/).waitFor({ timeout: 10_000 });
  await shot(page, 'seats-console-request');
  await page.getByRole('button', { name: 'Keep Incident Commander with Ivy' }).click();
  await eve.getByText(/kept that seat/).waitFor({ timeout: 10_000 });
  // Asked again, and given: Ivy's device is told, Eve's takes the seat.
  await eve.getByRole('button', { name: 'Ask the facilitator for this seat' }).click();
  await page.getByRole('button', { name: 'Give Incident Commander to Eve' }).click({ timeout: 10_000 });
  await eve.getByRole('heading', { level: 1, name: 'Incident Commander' }).waitFor({ timeout: 10_000 });
  await ivy.getByText(/removed this device/).waitFor({ timeout: 10_000 });
  await page.getByTestId('seat-role:ic').getByText('Eve').waitFor({ timeout: 10_000 });

  // ---- item 3: locked, a newcomer is refused at the code ----
  await page.getByRole('button', { name: 'Lock the lobby' }).click();
  await page.getByText('Locked: nobody new can join').waitFor();
  const late = await device(contexts, 'latecomer');
  await late.goto(joinUrl);
  expect(await late.getByLabel(/Join code/).inputValue()).toBe(code);
  await late.getByRole('button', { name: 'Continue' }).click();
  await late.getByText(/locked the lobby/).waitFor();
  expect(await late.getByLabel('Your name').count()).toBe(0);
  await shot(late, 'seats-locked-at-code');
}
