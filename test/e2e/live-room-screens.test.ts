// End to end, in the real Chromium against `drillbook serve`: the screens of issue 14.
// - A participant on a phone (390x844, touch) joins and plays a seat: one column, nothing wider
//   than the screen, every button at least 44 px high, the "new inject" pill above the list rather
//   than over a card, and a prompt answerable with its countdown shown (items 8, 17).
// - The console's Participants panel does not cover the clock controls (item 12).
// - The room screen at 1280x720: the join card does not cover the pending badges, the join URL is
//   in large type, and a PAUSED banner shows (item 10).
// Screenshots land in test-results/e2e/screens-*.png.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runE2e, shot, watchPage, type E2eBrowser } from './browser.ts';
import { startServed, withContexts, type Served } from './exercise-setup.ts';

const SCENARIO = 'model-latency-slo';
let served: Served | undefined;
let browser: E2eBrowser;
let facilitatorUrl: URL;
const problems: string[] = [];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not laid out');
  return b;
}

/** What does not fit a phone: page-wide horizontal scroll, controls and headings cut at the sides, buttons under 44 px. */
async function phoneProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.sr-only');
    };
    for (const el of document.querySelectorAll('h1, h2, legend, button, input, textarea, select, label, [role="timer"], .badge')) {
      if (!visible(el) || el.closest('.md-table, pre')) continue;
      const r = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label')}"`;
      if (r.left < -1 || r.right > width + 1) out.push(`${name} is cut: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      if (el.tagName === 'BUTTON' && r.height < 44) out.push(`${name} is ${Math.round(r.height)} px high`);
    }
    return out;
  });
}

describe.runIf(runE2e)('the screens on a phone, a projector and the console', () => {
  beforeAll(async () => {
    served = await startServed('drillbook-e2e-screens-', problems);
    ({ browser, facilitatorUrl } = served);
  });

  afterAll(async () => {
    if (served) expect(await served.close()).toBe(0);
  });

  it('a seat on a phone, the console\'s Participants panel and the room screen', async () => {
    await withContexts(problems, 'screens-failed', run);
  });
});

async function run(contexts: BrowserContext[]): Promise<void> {
  const fac = await browser.browser.newContext({ viewport: { width: 1280, height: 720 } });
  contexts.push(fac);
  const page = await fac.newPage();
  watchPage(page, 'facilitator', problems);
  page.on('dialog', (d) => void d.accept());
  await page.goto(facilitatorUrl.href);
  await page.locator(`a[href*="shipped-${SCENARIO}"]`).first().click();
  await page.getByRole('button', { name: 'Start a session…' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Fay');
  const names = ['Ivy', 'Eli', 'Dee', 'Pat'];
  for (let i = 0; i < names.length; i++) await page.getByLabel(`Participant ${i + 1} name`).fill(names[i]!);
  await page.getByLabel('each on their own device').check();
  await page.getByRole('button', { name: 'Create session' }).click();
  const clock = page.getByRole('toolbar', { name: 'Clock controls' });
  await clock.waitFor();

  // ---- item 12: the Participants panel opens beside, not over, the clock controls ----
  await page.getByRole('button', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Let participants join' }).click();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const joinUrl = (await page.getByTestId('join-url').textContent())!.trim();
  const panel = await box(page.getByRole('region', { name: "Participants' devices" }));
  for (const name of [/^Start/, /Slower/, /Faster/, /^End/]) {
    const b = await box(clock.getByRole('button', { name }));
    expect(overlaps(panel, b), `the Participants panel covers ${name}`).toBe(false);
  }
  await shot(page, 'screens-1280-console-participants');

  // ---- item 8: join and take a seat on a phone ----
  const phoneContext = await browser.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  contexts.push(phoneContext);
  const phone = await phoneContext.newPage();
  watchPage(phone, 'phone', problems);
  await phone.goto(joinUrl);
  await phone.getByLabel(/Join code/).waitFor();
  expect(await phoneProblems(phone)).toEqual([]);
  await shot(phone, 'screens-390-join-code');
  await phone.getByRole('button', { name: 'Continue' }).click();
  await phone.getByLabel('Your name').fill('Ivy');
  expect(await phoneProblems(phone)).toEqual([]);
  await shot(phone, 'screens-390-join-seat');
  await phone.getByRole('button', { name: 'Join' }).click();
  await phone.getByRole('region', { name: 'Inbox' }).waitFor();
  expect(await phoneProblems(phone)).toEqual([]);

  // ---- item 10: the room screen, while the lobby is open ----
  const roomPromise = fac.waitForEvent('page');
  await page.getByRole('button', { name: 'Open the room screen' }).click();
  const room = await roomPromise;
  watchPage(room, 'room', problems);
  await room.setViewportSize({ width: 1280, height: 720 });
  await room.getByRole('timer', { name: 'Exercise time' }).waitFor();
  const card = room.getByRole('complementary', { name: 'Join from your device' });
  await card.getByText(code, { exact: true }).waitFor();
  // Readable from the back of the room: the address in at least 24 px type, the code larger.
  expect(await room.getByTestId('room-join-url').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
  expect(await room.getByTestId('room-join-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);

  for (const speed of ['2×', '4×', '10×']) {
    await page.getByRole('button', { name: 'Faster' }).click();
    await page.getByText(`${speed} · planned`).waitFor();
  }
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // The IC's first question on the phone: answerable, with its window shown.
  const decisions = phone.getByRole('region', { name: 'Your decisions' });
  const prompt = decisions.locator('form.prompt').first();
  await prompt.waitFor({ timeout: 30_000 });
  await room.getByTestId('pending-badge').first().waitFor({ timeout: 30_000 });
  const cardBox = await box(card);
  for (const badge of await room.getByTestId('pending-badge').all()) expect(overlaps(cardBox, await box(badge)), 'the join card covers a pending badge').toBe(false);
  for (const part of [room.getByRole('region', { name: 'Injects for everyone' }), room.getByRole('timer', { name: 'Exercise time' }), room.getByTestId('next-inject')]) {
    expect(overlaps(cardBox, await box(part)), 'the join card covers the room screen').toBe(false);
  }
  await shot(room, 'screens-1280-room-running');

  expect(await phoneProblems(phone)).toEqual([]);
  await shot(phone, 'screens-390-seat-question');
  const window = decisions.getByTestId('prompt-window').first();
  if (await window.count()) expect(await window.textContent()).toMatch(/left to answer in time|Past its time/);
  if (await prompt.locator('textarea').count()) await prompt.locator('textarea').fill('Page the on-call: the error budget burns fast');
  else await prompt.getByRole('radio').first().tap();
  await prompt.getByRole('button', { name: 'Submit answer' }).tap();
  await decisions.getByText('Your answer:').first().waitFor();

  // The "new inject" pill: the reader is down the inbox when the next inject arrives.
  const list = phone.getByRole('list', { name: 'Injects, newest first' });
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); });
  // At 10x the IC's next scheduled inject arrives within a minute and a half.
  const pill = phone.getByRole('button', { name: /new inject/ });
  const arrived = await pill.waitFor({ timeout: 90_000 }).then(() => true, () => false);
  if (arrived) {
    const pillBox = await box(pill);
    const listBox = await box(list);
    expect(pillBox.y + pillBox.height, 'the pill covers the list').toBeLessThanOrEqual(listBox.y + 1);
    await shot(phone, 'screens-390-seat-new-pill');
  }
  expect(await phoneProblems(phone)).toEqual([]);

  // PAUSED on the room screen, in a banner.
  await page.getByRole('button', { name: /^Pause/ }).click();
  await room.getByText('PAUSED', { exact: true }).waitFor();
  const pausedCard = await box(card);
  for (const part of [room.getByRole('region', { name: 'Injects for everyone' }), room.getByText('PAUSED', { exact: true }), room.getByTestId('next-inject')]) {
    expect(overlaps(pausedCard, await box(part)), 'the join card covers the paused room screen').toBe(false);
  }
  await shot(room, 'screens-1280-room-paused');
  await shot(page, 'screens-1280-console-paused');
  await shot(phone, 'screens-390-seat-paused');
  expect(await phoneProblems(phone)).toEqual([]);
  // And on the narrowest phones the issue names: 360 px.
  await phone.setViewportSize({ width: 360, height: 740 });
  expect(await phoneProblems(phone)).toEqual([]);
  await shot(phone, 'screens-360-seat-paused');
  expect(arrived, 'no inject arrived above the phone reader\'s place within 90 s').toBe(true);
  expect(problems).toEqual([]);
}
