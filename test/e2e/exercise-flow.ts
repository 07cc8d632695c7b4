// The main exercise, end to end, in the real Chromium against `drillbook serve` (browser mode): a
// facilitator and three participants, each in their own browser context, run a shipped scenario at
// 10x from start to finish: join with the code, injects arrive, decisions, a branch fires, notes,
// the end, the debrief, and the exports (the HTML report opened in the browser with hostile text in
// it, the PDF produced). Every view is photographed into test-results/e2e/. exercise.test.ts runs
// it on a quiet machine, under-load.test.ts with every core kept busy.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { RESULTS, shot as takeShot, watchPage } from './browser.ts';
import type { Served } from './exercise-setup.ts';
import { giveFeedback } from './feedback-flow.ts';

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const SCENARIO = 'model-latency-slo';

export interface ExerciseOptions {
  /** Put before every screenshot's name, so that a second run does not overwrite the first's. */
  shots?: string;
  /** Playwright's default timeout for every action and wait without its own (ms); its default is 30 s. */
  timeout?: number;
}

/** The whole exercise; every page's problems go to `problems`, every browser context to `contexts`. */
export async function exercise(served: Served, problems: string[], contexts: BrowserContext[], options: ExerciseOptions = {}): Promise<void> {
  const { browser, dir, facilitatorUrl } = served;
  const prefix = options.shots ?? '';
  const shot = (page: Page, name: string): Promise<void> => takeShot(page, `${prefix}${name}`);
  const save = async (download: Download, name: string): Promise<string> => {
    const path = join(dir, name);
    await download.saveAs(path);
    return path;
  };
  {
    const context = async (name: string): Promise<{ context: BrowserContext; page: Page }> => {
      const c = await browser.browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
      if (options.timeout !== undefined) c.setDefaultTimeout(options.timeout);
      contexts.push(c);
      const page = await c.newPage();
      watchPage(page, name, problems);
      return { context: c, page };
    };

    // ---- the facilitator: library, setup ----
    const fac = await context('facilitator');
    const page = fac.page;
    page.on('dialog', (d) => void d.accept());
    await page.goto(facilitatorUrl.href);
    await page.getByRole('listbox', { name: 'Scenarios' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await shot(page, '01-library');
    await page.locator(`a[href*="shipped-${SCENARIO}"]`).first().click();
    await page.getByRole('button', { name: 'Start a session…' }).click();
    await page.getByRole('heading', { name: /New session/ }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(`Fay ${HOSTILE}`);
    const names = ['Ivy', 'Eli', 'Dee', 'Pat'];
    for (let i = 0; i < names.length; i++) await page.getByLabel(`Participant ${i + 1} name`).fill(names[i]!);
    await page.getByLabel('each on their own device').check();
    await shot(page, '02-setup');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('toolbar', { name: 'Clock controls' }).waitFor();
    const sessionId = /#\/session\/([^/]+)\/console/.exec(page.url())![1]!;

    // ---- let participants join ----
    await page.getByRole('button', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'Let participants join' }).click();
    const code = (await page.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    const joinUrl = (await page.getByTestId('join-url').textContent())!.trim();
    expect(joinUrl).toContain(`code=${code}`);
    await shot(page, '03-console-lobby');
    await page.getByRole('button', { name: 'Show on the room screen' }).click();
    await shot(page, '04-join-qr');
    await page.getByRole('dialog', { name: 'Join the exercise' }).click();

    const seats: Record<string, Page> = {};
    for (const [name, role] of [['Ivy', 'ic'], ['Eli', 'eng'], ['Pat', 'product']] as const) {
      const p = (await context(`participant ${name}`)).page;
      await p.goto(joinUrl);
      await p.getByLabel(/Join code/).waitFor();
      expect(await p.getByLabel(/Join code/).inputValue()).toBe(code);
      if (name === 'Ivy') await shot(p, '05-join-code');
      await p.getByRole('button', { name: 'Continue' }).click();
      await p.getByLabel('Your name').fill(name);
      if (name === 'Ivy') await shot(p, '06-join-seat');
      await p.getByRole('button', { name: 'Join' }).click();
      await p.getByRole('region', { name: 'Inbox' }).waitFor();
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
      seats[role] = p;
    }
    // The room screen shows the code and the QR code while people may join.
    const roomPromise = fac.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open the room screen' }).click();
    const room = await roomPromise;
    watchPage(room, 'room', problems);
    await room.getByRole('timer', { name: 'Exercise time' }).waitFor();
    await room.getByRole('complementary', { name: 'Join from your device' }).getByText(code, { exact: true }).waitFor();
    await shot(room, '07a-room-join-code');

    await page.getByRole('button', { name: 'Lock the lobby' }).click();
    await page.getByText('Locked: nobody new can join').waitFor();
    await page.getByRole('list', { name: 'Joined' }).getByText('Pat').waitFor();
    await shot(page, '07-console-joined');
    await page.getByRole('button', { name: 'Hide participants' }).click();

    // A latecomer is refused while the lobby is locked, at the code, before any form (issue 14 item 3).
    const late = (await context('latecomer')).page;
    await late.goto(joinUrl);
    await late.getByRole('button', { name: 'Continue' }).click();
    await late.getByText(/locked the lobby/).waitFor();
    expect(await late.getByLabel('Your name').count()).toBe(0);

    // Locked: the room screen no longer invites anyone.
    await room.getByRole('complementary', { name: 'Join from your device' }).waitFor({ state: 'detached', timeout: 10_000 });

    // ---- run at 10x ----
    for (const speed of ['2×', '4×', '10×']) {
      await page.getByRole('button', { name: 'Faster' }).click();
      await page.getByText(`${speed} · planned`).waitFor();
    }
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // The first inject arrives on the IC's and the engineer's devices.
    const ic = seats.ic!;
    const eng = seats.eng!;
    const product = seats.product!;
    // The IC's first question asks for words (what the burn rate means), not a pick.
    const icAnswer = ic.getByRole('region', { name: 'Your decisions' }).getByRole('textbox').first();
    await icAnswer.waitFor({ timeout: 30_000 });
    await eng.getByRole('region', { name: 'Inbox' }).locator('article, .inject').first().waitFor();
    await shot(ic, '08-seat-ic-first-inject');
    await icAnswer.fill('At a burn of 15 the budget lasts 2 days: 2% of it per hour. Declaring a SEV2 incident now.');
    await ic.getByRole('button', { name: 'Submit answer' }).first().click();
    await ic.getByText('Your answer:').first().waitFor();

    // The engineer rolls back: the `rollback-effect` branch is set off, due 2:00 later (12 s here).
    await eng.getByRole('region', { name: 'Actions' }).getByRole('button', { name: /Shift 100% of eta-model traffic to v41/ }).click();
    await eng.getByRole('region', { name: 'Actions' }).getByRole('button', { name: /to v41 ✓/ }).waitFor();

    // The product owner's inject is due at 7:00; the facilitator sends it now.
    await page.locator('[data-inject="checkout-impact"]').click();
    await page.getByRole('toolbar', { name: 'Inject controls' }).getByRole('button', { name: /Deliver now/ }).click();
    await product.getByRole('region', { name: 'Your decisions' }).getByRole('radio').first().waitFor({ timeout: 30_000 });
    await product.getByRole('region', { name: 'Your decisions' }).getByRole('radio').first().check();
    await product.getByRole('button', { name: 'Submit answer' }).first().click();
    await product.getByText('Your answer:').first().waitFor();
    await shot(product, '10-seat-product');

    // A timed inject arrives by itself at 2:00: the latency breakdown, with a question for the engineer.
    await eng.locator('form.prompt input[type="radio"]').first().waitFor({ timeout: 60_000 });
    await eng.locator('form.prompt input[type="radio"]').first().check();
    await eng.getByRole('button', { name: 'Submit answer' }).first().click();
    await eng.getByRole('textbox', { name: 'Message to the room' }).fill(`Chat ${HOSTILE}`);
    await eng.getByRole('button', { name: 'Send' }).click();

    // The branch the rollback set off goes to everyone, the room screen included.
    await eng.getByRole('region', { name: 'Inbox' }).getByText('eta-service p99 after the traffic shift').waitFor({ timeout: 60_000 });
    await ic.getByRole('region', { name: 'Inbox' }).getByText('eta-service p99 after the traffic shift').waitFor();
    await product.getByRole('region', { name: 'Inbox' }).getByText('eta-service p99 after the traffic shift').waitFor();
    await shot(eng, '09-seat-eng-branch');
    await page.locator('[data-inject="rollback-effect"]').getByText('delivered').first().waitFor();
    // The HPA ticket (5:00) goes to the engineer and the IC only: not to the product owner, not to the
    // room. A seat holds the card being read still, so each opens its tickets to see it.
    for (const seat of [eng, ic]) {
      await seat.getByRole('region', { name: 'Inbox' }).getByRole('button', { name: /^Ticket \(1\)/ }).click({ timeout: 60_000 });
      await seat.getByRole('region', { name: 'Inbox' }).getByText(/OPS-9934/).first().waitFor();
    }
    expect(await product.getByRole('region', { name: 'Inbox' }).getByRole('button', { name: /^Ticket/ }).count()).toBe(0);
    expect(await product.getByText(/OPS-9934/).count()).toBe(0);

    // A facilitator note, with hostile text in it.
    await page.getByRole('textbox', { name: 'Note text' }).fill(`Good rollback call ${HOSTILE}`);
    await page.getByRole('button', { name: 'Save note' }).click();
    // In the list of notes taken (the text box is cleared by the save: waiting on it raced the save).
    await page.getByRole('list', { name: 'Notes taken' }).getByText('Good rollback call').first().waitFor();
    await shot(page, '11-console-running');
    await shot(room, '12-room');
    // The room screen's view is pushed on its own: wait for the branch there before reading the region once.
    await room.getByRole('region', { name: 'Injects for everyone' }).getByText('eta-service p99 after the traffic shift').first().waitFor();
    const roomInjects = await room.getByRole('region', { name: 'Injects for everyone' }).textContent();
    expect(roomInjects).toContain('eta-service p99 after the traffic shift');
    expect(roomInjects).not.toMatch(/OPS-9934|Checkout conversion slipping/);

    // ---- the end ----
    await page.getByRole('button', { name: /^End\b/ }).click();
    await page.getByText(/Ended/).first().waitFor();
    await ic.getByText(/Ended/).first().waitFor();
    await shot(ic, '13-seat-ic-ended');

    // ---- feedback from three devices (issue 18 item 1); the room counts the forms, never shows them ----
    await giveFeedback(ic, { strength: 'Declared the incident early', improvement: 'Burn-rate maths was slow', action: 'Add a burn-rate cheat sheet', priority: 'High', owner: 'SRE team', design: 4, conduct: 5 });
    await giveFeedback(eng, { strength: `Fast rollback ${HOSTILE}`, improvement: 'Quota limits were unclear', action: 'Document the GPU quota process', priority: 'Medium', owner: 'Platform', design: 3, conduct: 4 });
    await giveFeedback(product, { strength: 'Clear updates to product', improvement: 'Burn-rate maths was slow', action: 'Practise the checkout-impact call', priority: 'Low', owner: '', design: 5, conduct: 4 });
    await shot(eng, '13b-seat-feedback');
    await room.getByTestId('feedback-count').getByText(/3 of 4 roles have given feedback/).waitFor({ timeout: 30_000 });
    expect(await room.getByText('Declared the incident early').count()).toBe(0);

    // The facilitator removes the product owner's device: it is told, and back at the join screen.
    await page.getByRole('button', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'Remove Pat' }).click();
    await product.getByText(/removed this device/).waitFor();
    await product.getByLabel(/Join code/).waitFor();
    await shot(product, '13a-removed');
    await page.getByRole('button', { name: 'Hide participants' }).click();

    // ---- debrief and exports ----
    await page.getByRole('button', { name: 'Debrief' }).click();
    await page.getByRole('region', { name: 'Objectives' }).waitFor();
    await shot(page, '14-debrief');
    const exportPanel = page.getByRole('region', { name: 'Export' });
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), exportPanel.getByRole('button', { name: 'HTML report' }).click()]);
    const htmlPath = await save(htmlDownload, 'report.html');
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).not.toContain('<img src=x onerror');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain('Good rollback call');
    expect(html).toContain('Document the GPU quota process');

    const reportPage = await fac.context.newPage();
    watchPage(reportPage, 'report', problems);
    const dialogs: string[] = [];
    reportPage.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await reportPage.goto(pathToFileURL(htmlPath).href);
    await reportPage.getByText('Good rollback call').first().waitFor();
    expect(await reportPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await reportPage.locator('img[src="x"]').count()).toBe(0);
    expect(await reportPage.getByText(/onerror=/).count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    await shot(reportPage, '15-report-html');

    const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), exportPanel.getByRole('button', { name: 'PDF' }).click()]);
    const pdfPath = await save(pdfDownload, 'report.pdf');
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Good rollback call/);
      // The feedback summary, anonymous: three forms, the medians, the grouped text, the suggested actions.
      expect(text).toMatch(/Participant feedback/);
      expect(text).toMatch(/3 of 4 roles gave feedback/);
      expect(text).toMatch(/Burn-rate maths was slow \(×2\)/);
      expect(text).toMatch(/Add a burn-rate cheat sheet/);
      expect(text).toMatch(/Fast rollback/);
    }
    writeFileSync(join(RESULTS, `${prefix}report.pdf`), readFileSync(pdfPath));

    // ---- history ----
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByText(sessionId.slice(0, 6)).first().waitFor().catch(() => undefined);
    await shot(page, '16-history');

    expect(problems).toEqual([]);
  }
}
