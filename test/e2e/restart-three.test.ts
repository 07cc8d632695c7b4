// End to end, in the real Chromium against `drillbook serve` (issue 14, "Done when"): the server is
// stopped in the middle of an exercise with three participants on their own devices, one of them
// on a phone and one holding two roles, and started again on the same data file and port. Every
// page stays open and reconnects by itself (none reloads); each seat shows the restart pause, on the
// phone within the screen; the facilitator's tab resumes; answers carry on. An action tapped while
// the computer was away is refused after the restart (paused) and the device says so. After the end
// the debrief (its Decisions table, and the JSON export) holds every decision a seat showed as
// sent, before and after the restart, each once, and nothing else.
// Screenshots land in test-results/e2e/three-*.png.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Debrief } from '../../core/scoring/debrief-types.ts';
import { ensureRendererBuilt } from '../../electron/lan/renderer-build.ts';
import { runE2e, launch, shot, watchPage, type E2eBrowser } from './browser.ts';
import { serveOn, withContexts, type ServeRun } from './exercise-setup.ts';

const SCENARIO = 'model-latency-slo';
const RESTARTED = 'Paused: the facilitator\'s computer restarted';
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let browser: E2eBrowser;
let dir: string;
const problems: string[] = [];

/** A decision a seat showed as sent: an answer (its prompt and what was chosen or written) or an action taken. */
type Acknowledged =
  | { kind: 'answer'; role: string; prompt: string; ask: string; answer: string; shown: string }
  | { kind: 'action'; role: string; action: string; title: string };

describe.runIf(runE2e)('a restart in the middle of an exercise with three participants', () => {
  beforeAll(async () => {
    const build = ensureRendererBuilt();
    if (!build.ok) throw new Error(build.message);
    dir = mkdtempSync(join(tmpdir(), 'drillbook-e2e-three-'));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every decision acknowledged before and after the restart is in the debrief, once', async () => {
    let server: ServeRun | null = await serveOn(dir, 0, problems);
    try {
      await withContexts(problems, 'three-failed', async (contexts) => {
        server = await run(contexts, server!, (next) => (server = next));
      });
    } finally {
      const last = server as ServeRun | null;
      if (last) expect(await last.stop()).toBe(0);
    }
  });
});

async function device(contexts: BrowserContext[], name: string, options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }): Promise<Page> {
  const context = await browser.browser.newContext({ ...options, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  watchPage(page, name, problems);
  return page;
}

/** One prompt's form on a seat, found by its prompt id (the form is labelled by its question). */
function promptForm(seat: Page, prompt: string): Locator {
  return seat.locator('form.prompt', { has: seat.locator(`#prompt-${prompt}-ask`) });
}

/** Answers a prompt and waits until the seat shows the answer as sent; returns what was acknowledged. */
async function answer(seat: Page, role: string, prompt: string, with_: { option: string } | { text: string }): Promise<Acknowledged> {
  const form = promptForm(seat, prompt);
  await form.waitFor({ timeout: 90_000 });
  const ask = (await form.locator(`#prompt-${prompt}-ask`).textContent())!.trim();
  let value: string;
  let shown: string;
  if ('option' in with_) {
    const radio = form.locator(`input[type="radio"][value="${with_.option}"]`);
    await radio.check();
    value = with_.option;
    shown = (await form.locator('label', { has: seat.locator(`input[value="${with_.option}"]`) }).textContent())!.trim();
  } else {
    await form.getByRole('textbox').fill(with_.text);
    value = with_.text;
    shown = with_.text;
  }
  await form.getByRole('button', { name: 'Submit answer' }).click();
  // Acknowledged: the seat's own view now carries the answer (it comes back from the host after the commit).
  await form.getByText('Your answer:').waitFor({ timeout: 30_000 });
  await form.getByRole('button', { name: 'Change answer' }).waitFor();
  return { kind: 'answer', role, prompt, ask, answer: value, shown };
}

/** Takes an action and waits for its tick on the seat. */
async function act(seat: Page, role: string, action: string, title: string): Promise<Acknowledged> {
  const actions = seat.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: title, exact: true }).click();
  await actions.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ✓`) }).waitFor({ timeout: 30_000 });
  return { kind: 'action', role, action, title };
}

/**
 * How far a page reaches sideways beyond its viewport: the document, and the seat's own scroller
 * (the page's main area scrolls inside the viewport, so the document alone would not show it).
 */
async function overflow(page: Page): Promise<{ document: number; main: number }> {
  return page.evaluate(() => {
    const main = document.getElementById('main')!;
    return { document: document.documentElement.scrollWidth - window.innerWidth, main: main.scrollWidth - main.clientWidth };
  });
}

async function run(contexts: BrowserContext[], first: ServeRun, restarted: (server: ServeRun) => void): Promise<ServeRun> {
  const acknowledged: Acknowledged[] = [];

  // ---- the facilitator sets up four roles for three people: Ivy plays the IC and operations ----
  const page = await device(contexts, 'facilitator');
  page.on('dialog', (d) => void d.accept());
  await page.goto(first.url.href);
  await page.locator(`a[href*="shipped-${SCENARIO}"]`).first().click();
  await page.getByRole('button', { name: 'Start a session…' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Fay');
  // Rows follow the roles: 1 IC, 2 engineer, 3 data scientist (left empty), 4 product, 5 operations (left empty).
  await page.getByLabel('Participant 1 name').fill('Ivy');
  await page.getByLabel('Participant 1 plays Partner and customer operations lead').check();
  await page.getByLabel('Participant 2 name').fill('Eli');
  await page.getByLabel('Participant 4 name').fill('Pat');
  await page.getByLabel('each on their own device').check();
  await page.getByRole('button', { name: 'Create session' }).click();
  const clock = page.getByRole('toolbar', { name: 'Clock controls' });
  await clock.waitFor();
  await page.getByRole('button', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Let participants join' }).click();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const joinUrl = (await page.getByTestId('join-url').textContent())!.trim();

  // ---- three devices join with the code: Ivy's holds two roles, Eli's is a phone ----
  const joinAs = async (name: string, options?: BrowserContextOptions): Promise<Page> => {
    const seat = await device(contexts, name, options);
    await seat.goto(joinUrl);
    expect(await seat.getByLabel(/Join code/).inputValue()).toBe(code);
    await seat.getByRole('button', { name: 'Continue' }).click();
    await seat.getByLabel('Your name').fill(name);
    await seat.getByRole('button', { name: 'Join' }).click();
    await seat.getByRole('region', { name: 'Inbox' }).waitFor();
    return seat;
  };
  const ivy = await joinAs('Ivy');
  const eli = await joinAs('Eli', PHONE);
  const pat = await joinAs('Pat');
  await ivy.getByRole('navigation', { name: 'Your roles' }).waitFor();
  expect(await ivy.getByRole('heading', { level: 1 }).textContent()).toBe('Incident Commander');
  expect(await eli.getByRole('heading', { level: 1 }).textContent()).toBe('ML on-call engineer');
  expect(await pat.getByRole('heading', { level: 1 }).textContent()).toBe('Product owner, checkout');
  for (const [role, who] of [['ic', 'Ivy'], ['ops', 'Ivy'], ['eng', 'Eli'], ['product', 'Pat']] as const) await page.getByTestId(`seat-role:${role}`).getByText(who, { exact: true }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Lock the lobby' }).click();
  await page.getByText('Locked: nobody new can join').waitFor();
  await page.getByRole('button', { name: 'Hide participants' }).click();
  await shot(eli, 'three-01-phone-joined');
  expect(await overflow(eli), 'the phone seat scrolls sideways').toEqual({ document: 0, main: 0 });

  // ---- at 10x, before the restart: each participant decides ----
  for (const speed of ['2×', '4×', '10×']) {
    await page.getByRole('button', { name: 'Faster' }).click();
    await page.getByText(`${speed} · planned`).waitFor();
  }
  await clock.getByRole('button', { name: 'Start', exact: true }).click();

  // Ivy, as the IC: the first alert's question, and the incident declared.
  acknowledged.push(await answer(ivy, 'ic', 'burn-meaning', { text: 'At a burn rate of 15 the budget lasts about 2 days; declaring a SEV2 incident now.' }));
  acknowledged.push(await act(ivy, 'ic', 'declare-incident', 'Declare an incident in #inc-eta'));
  // Eli, on the phone: the rollback (its branch is due 2:00 later), and the dashboard's question at 2:00.
  acknowledged.push(await act(eli, 'eng', 'rollback-v42', 'Shift 100% of eta-model traffic to v41'));
  // Pat: the checkout inject is due at 7:00; the facilitator sends it now.
  await page.locator('[data-inject="checkout-impact"]').click();
  await page.getByRole('toolbar', { name: 'Inject controls' }).getByRole('button', { name: /Deliver now/ }).click();
  acknowledged.push(await answer(pat, 'product', 'degrade-choice', { option: 'cached-eta' }));
  // Ivy, as the operations lead: the partners' chat (due at 8:00), sent now; she switches tabs to answer.
  await page.locator('[data-inject="partner-chat"]').click();
  await page.getByRole('toolbar', { name: 'Inject controls' }).getByRole('button', { name: /Deliver now/ }).click();
  await ivy.getByTestId('unread-ops').waitFor({ timeout: 30_000 });
  await ivy.getByTestId('role-tab-ops').click();
  await ivy.getByRole('heading', { level: 1, name: 'Partner and customer operations lead' }).waitFor();
  acknowledged.push(await answer(ivy, 'ops', 'partner-notice', { text: 'Pickup times may be missing for now: please tap Ready when the food is ready. We are on it; next update at 12:30.' }));
  acknowledged.push(await answer(eli, 'eng', 'hypotheses', { option: 'regression' }));
  await shot(eli, 'three-02-phone-before');
  await shot(ivy, 'three-03-two-roles-before');

  // ---- the facilitator's computer goes away; every page stays open ----
  // A mark in each page's document: still there after the restart, so nothing reloaded a page.
  const pages = [page, ivy, eli, pat];
  for (const p of pages) await p.evaluate(() => { (window as unknown as { beforeRestart?: boolean }).beforeRestart = true; });
  const port = Number(first.url.port);
  const key = first.url.searchParams.get('token');
  expect(await first.stop()).toBe(0);
  const seats = [ivy, eli, pat];
  for (const seat of seats) {
    await seat.getByRole('alert').filter({ hasText: 'Connection to the facilitator lost.' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => seat.getByTestId('seat-status').textContent(), { timeout: 10_000 }).toBe('Not connected');
  }
  await shot(eli, 'three-04-phone-disconnected');
  // Pat taps an action while the computer is away: the device holds it until it is back, where the
  // restarted session is paused and refuses it. Pat is told; it is not acknowledged, and not recorded.
  const offline = { title: 'Post the internal update to #incidents' };
  await pat.getByRole('region', { name: 'Actions' }).getByRole('button', { name: offline.title, exact: true }).click();
  expect(await overflow(eli), 'the phone seat scrolls sideways while disconnected').toEqual({ document: 0, main: 0 });

  // ---- it comes back on the same file and port: same key, the three devices back by themselves ----
  const second = await serveOn(dir, port, problems);
  restarted(second);
  expect(second.url.searchParams.get('token')).toBe(key);
  expect(second.out.some((l) => l.includes(`join code ${code}, 3 device(s)`)), second.out.join('\n')).toBe(true);
  for (const seat of seats) {
    await expect.poll(() => seat.getByTestId('seat-status').textContent(), { timeout: 45_000 }).toBe(RESTARTED);
    await seat.getByRole('region', { name: 'Your decisions' }).getByText(/^Paused: the facilitator's computer restarted\. Your answers so far are saved/).waitFor();
    await seat.getByRole('alert').filter({ hasText: /facilitator/ }).waitFor({ state: 'detached', timeout: 15_000 });
  }
  // What was sent before the restart is still shown as sent.
  for (const a of acknowledged) {
    if (a.kind !== 'answer') continue;
    const seat = a.role === 'eng' ? eli : a.role === 'product' ? pat : ivy;
    if (seat === ivy) await ivy.getByTestId(`role-tab-${a.role}`).click();
    await promptForm(seat, a.prompt).getByText('Your answer:').waitFor();
  }
  await pat.getByRole('status').getByText('The session is paused, so you cannot take an action now. Wait until the facilitator resumes it.').waitFor({ timeout: 15_000 });
  expect(await pat.getByRole('region', { name: 'Actions' }).getByRole('button', { name: `${offline.title} ✓` }).count()).toBe(0);
  await shot(pat, 'three-05a-refused-while-away');
  await shot(eli, 'three-05-phone-paused');
  await shot(ivy, 'three-06-two-roles-paused');
  // On the phone the pause reads on the first screen: nothing sideways, the notice within the viewport.
  expect(await overflow(eli), 'the phone seat scrolls sideways on the restart pause').toEqual({ document: 0, main: 0 });
  const pause = await eli.getByRole('region', { name: 'Your decisions' }).getByRole('status').boundingBox();
  expect(pause, 'the pause notice is not laid out').not.toBeNull();
  expect(pause!.x).toBeGreaterThanOrEqual(0);
  expect(pause!.x + pause!.width).toBeLessThanOrEqual(390);
  expect(pause!.y).toBeGreaterThanOrEqual(0);
  expect(pause!.y + pause!.height).toBeLessThanOrEqual(844);

  // ---- the console's tab reconnects with its key and resumes ----
  const resume = clock.getByRole('button', { name: 'Resume', exact: true });
  await resume.waitFor({ timeout: 45_000 });
  await shot(page, 'three-07-console-recovered');
  await resume.click();
  for (const seat of seats) await expect.poll(() => seat.getByTestId('seat-status').textContent(), { timeout: 15_000 }).toBe('Running');
  for (const p of pages) expect(await p.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart), 'a page reloaded').toBe(true);

  // ---- after the restart: more decisions ----
  // Eli: the rollback's branch (due 2:00 after it), on the phone.
  acknowledged.push(await answer(eli, 'eng', 'after-rollback', { option: 'gate-then-retry' }));
  // Pat: the cached ETA switched on.
  acknowledged.push(await act(pat, 'product', 'enable-cached-eta', 'Turn on eta.cache_fallback (serve cached zone ETAs after 300 ms)'));
  // Ivy, back on the IC's tab: the update reminder (due at 10:00), sent now.
  await page.locator('[data-inject="update-due"]').click();
  await page.getByRole('toolbar', { name: 'Inject controls' }).getByRole('button', { name: /Deliver now/ }).click();
  await ivy.getByTestId('role-tab-ic').click();
  await ivy.getByRole('heading', { level: 1, name: 'Incident Commander' }).waitFor();
  acknowledged.push(await answer(ivy, 'ic', 'internal-update', { text: 'ETA p99 latency over SLO since 11:50, checkout conversion down; rolled back v42 to v41. Next update at 12:30.' }));
  await shot(eli, 'three-08-phone-after');

  // ---- the end ----
  await page.getByRole('button', { name: /^End\b/ }).click();
  for (const seat of seats) await expect.poll(() => seat.getByTestId('seat-status').textContent(), { timeout: 15_000 }).toMatch(/Ended/);

  // ---- the debrief: every acknowledged decision, in the view and in the JSON export, once ----
  await page.getByRole('button', { name: 'Debrief' }).click();
  const decisions = page.getByRole('region', { name: 'Decisions' });
  await decisions.waitFor();
  await decisions.scrollIntoViewIfNeeded();
  await shot(page, 'three-09-debrief');
  const answers = acknowledged.filter((a) => a.kind === 'answer');
  const actions = acknowledged.filter((a) => a.kind === 'action');
  expect(answers).toHaveLength(6);
  expect(actions).toHaveLength(3);
  for (const a of answers) {
    const row = decisions.locator('tr', { hasText: a.ask });
    expect(await row.count(), `one row for ${a.prompt}`).toBe(1);
    expect(await row.textContent(), `the debrief's answer to ${a.prompt}`).toContain(a.shown);
  }

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('region', { name: 'Export' }).getByRole('button', { name: 'JSON', exact: true }).click()]);
  const path = join(dir, 'debrief.json');
  await download.saveAs(path);
  const debrief = JSON.parse(readFileSync(path, 'utf8')) as Debrief;
  // Each answered prompt has the answer the seat showed.
  for (const a of answers) {
    const p = debrief.prompts.find((x) => x.id === a.prompt);
    expect(p, `the prompt ${a.prompt} in the debrief`).toBeDefined();
    expect({ prompt: p!.id, role: p!.role, answer: p!.answer }).toEqual({ prompt: a.prompt, role: a.role, answer: a.answer });
  }
  // Nothing answered that no seat acknowledged, and every answer and action recorded once.
  expect(debrief.prompts.filter((p) => p.answer !== null).map((p) => p.id).sort()).toEqual(answers.map((a) => a.prompt).sort());
  const answered = debrief.timeline.filter((t) => t.type === 'prompt.answered').map((t) => `${t.role} ${t.prompt}`);
  expect(answered.sort()).toEqual(answers.map((a) => `${a.role} ${a.prompt}`).sort());
  const taken = debrief.timeline.filter((t) => t.type === 'action.taken').map((t) => t.summary);
  expect(taken).toHaveLength(actions.length);
  for (const a of actions) expect(taken.filter((s) => s.includes(`'${a.title}'`)), `the action ${a.action} once`).toHaveLength(1);
  expect(taken.filter((s) => s.includes(`'${offline.title}'`)), 'the action refused after the restart').toHaveLength(0);
  // The restart shows in the record as a recovery and its pause.
  expect(debrief.timeline.some((t) => t.type === 'session.recovered')).toBe(true);
  expect(debrief.session.people).toBe(3);

  // While the server was away the browsers logged each socket they could not open: expected here.
  expect(problems.filter((p) => !/console error: WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws\?token=[^']*' failed/.test(p))).toEqual([]);
  return second;
}
