// Every view in the real Chromium at 1280x720 and 1920x1080: PNGs for a person to look at in
// test-results/screenshots/, the improvement plan's layout, and two checks that screens.test.ts runs inside `npm test`: axe's
// colour contrast on every screen (jsdom cannot compute colours), and the seat's inbox holding
// still when an inject arrives (issue 7). Serves renderer/dist (the caller builds it) on 127.0.0.1
// with vite preview (the page runs the core in-page over the shipped scenarios) and drives a whole
// exercise.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';

const OUT = join(import.meta.dirname, '../../test-results/screenshots');
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }] as const;

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export interface ScreensResult {
  /** Text below WCAG AA contrast, found by axe in the real renderer. */
  contrastProblems: string[];
  /** How many text elements axe checked. */
  contrastChecked: number;
  /** Notes on checks that did not apply at a size (an inbox that fits needs no scrolling). */
  notes: string[];
  /** Fields too narrow to use, or controls outside the window (the improvement plan's row). */
  layoutProblems: string[];
}

async function shoot(page: Page, name: string, size: { width: number; height: number }, result: ScreensResult) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `${name}-${size.width}x${size.height}.png`) });
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    type Rule = { nodes: { target: string[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['color-contrast'] });
    return {
      bad: result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`)),
      passed: result.passes.reduce((sum, r) => sum + r.nodes.length, 0),
    };
  });
  result.contrastChecked += found.passed + found.bad.length;
  for (const f of found.bad) result.contrastProblems.push(`${name}-${size.width}: ${f.replace(/\s+/g, ' ')}`);
}

/** Scrolls the seat's inbox a little, waits for the next inject, and fails if what was at the top
 *  of the inbox moved (issue 7: no layout jump when an inject arrives). */
async function checkInboxHoldsStill(page: Page, result: ScreensResult) {
  const inbox = page.getByRole('list', { name: 'Injects, newest first' });
  const topRow = () => inbox.evaluate((list) => {
    const top = list.getBoundingClientRect().top;
    const rows = [...list.querySelectorAll<HTMLElement>('[role="listitem"]')];
    const row = rows.find((r) => r.getBoundingClientRect().top <= top && r.getBoundingClientRect().bottom > top) ?? rows[0];
    return row ? { key: row.dataset.key ?? '', y: row.getBoundingClientRect().top } : null;
  });
  const scrolled = await inbox.evaluate((list) => { list.scrollTop = 120; return list.scrollTop; });
  if (scrolled === 0) {
    result.notes.push(`inbox fits the ${page.viewportSize()?.width}px screen: nothing to scroll, the hold-still check is skipped`);
    return;
  }
  await page.waitForTimeout(200);
  const before = await topRow();
  await page.getByRole('button', { name: /new inject/ }).waitFor({ timeout: 90_000 });
  await page.waitForTimeout(300);
  const after = await inbox.evaluate((list, key) => list.querySelector<HTMLElement>(`[data-key="${key}"]`)?.getBoundingClientRect().top ?? null, before?.key ?? '');
  if (!before || after === null || Math.abs(after - before.y) > 1) {
    throw new Error(`The seat's inbox moved when an inject arrived: ${JSON.stringify(before)} then ${after}`);
  }
}

/** The improvement plan's row at this size: Issue and Corrective action wide enough to write in,
 *  the objective select inside its cell, and Remove inside the window (issue 14, item 14: at 1280 px
 *  the text boxes were 50 px wide, the select overflowed and Remove was off-screen). */
async function checkPlanLayout(page: Page, size: { width: number; height: number }, result: ScreensResult) {
  const plan = page.getByRole('region', { name: 'Improvement plan' });
  await plan.getByRole('button', { name: 'Add an item' }).click();
  const objective = plan.getByRole('combobox', { name: 'Objective 1' });
  // The longest objective title is the one that widened the select.
  const longest = await objective.evaluate((select) => [...(select as HTMLSelectElement).options].reduce((a, b) => (b.text.length > a.text.length ? b : a)).value);
  await objective.selectOption(longest);
  await plan.scrollIntoViewIfNeeded();
  const measured = await plan.evaluate((region) => {
    const box = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
    const field = (label: string) => box(region.querySelector(`[aria-label="${label}"]`));
    const select = region.querySelector('[aria-label="Objective 1"]');
    return {
      issue: field('Issue 1'), action: field('Corrective action 1'), owner: field('Owner 1'), select: box(select),
      cell: box(select?.closest('td') ?? null), remove: field('Remove item 1'),
      viewport: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth,
    };
  });
  const at = `plan at ${size.width}x${size.height}`;
  const wide = (what: string, rect: { width: number } | null, min: number) => {
    if (!rect || rect.width < min) result.layoutProblems.push(`${at}: ${what} is ${rect ? Math.round(rect.width) : 'not'} px wide (at least ${min} needed)`);
  };
  wide('Issue', measured.issue, 200);
  wide('Corrective action', measured.action, 200);
  wide('Owner', measured.owner, 100);
  wide('the objective select', measured.select, 120);
  if (!measured.select || !measured.cell || measured.select.right > measured.cell.right + 1) result.layoutProblems.push(`${at}: the objective select overflows its cell (${JSON.stringify(measured.select)} in ${JSON.stringify(measured.cell)})`);
  if (!measured.remove || measured.remove.right > measured.viewport || measured.remove.left < 0) result.layoutProblems.push(`${at}: Remove is outside the window (${JSON.stringify(measured.remove)}, window ${measured.viewport} px)`);
  if (measured.scrollWidth > measured.viewport) result.layoutProblems.push(`${at}: the page scrolls sideways (${measured.scrollWidth} px in ${measured.viewport})`);
}

/** Photographs every view and runs the checks; throws when the inbox moves or a page fails. */
export async function captureScreens(executablePath: string): Promise<ScreensResult> {
  const result: ScreensResult = { contrastProblems: [], contrastChecked: 0, notes: [], layoutProblems: [] };
  const pageErrors: string[] = [];
  mkdirSync(OUT, { recursive: true });
  const server = await preview({ root: join(import.meta.dirname, '../../renderer'), configFile: join(import.meta.dirname, '../../vite.config.ts'), preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not listen on a port');
  const base = `http://127.0.0.1:${address.port}/`;
  const home = mkdtempSync(join(tmpdir(), 'drillbook-shots-'));
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: home },
  });
  try {
    for (const size of SIZES) {
      // bypassCSP only lets the contrast check inject axe; the page's own policy forbids inline script.
      const page = await browser.newPage({ viewport: size, bypassCSP: true });
      page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
      await page.goto(`${base}#/library`);
      await page.getByRole('listbox', { name: 'Scenarios' }).getByRole('option').first().waitFor();
      await shoot(page, '01-library-empty-preview', size, result);
      await page.getByRole('listbox', { name: 'Scenarios' }).getByRole('option', { name: /Empty shelves/ }).click();
      await page.getByRole('heading', { name: /Empty shelves/ }).waitFor();
      await shoot(page, '02-library-preview', size, result);

      await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('format: drillbook/scenario@1\nid: Bad Id\ntitle: 3\nduration: soon\n') });
      await page.getByText('broken.yaml was not imported').waitFor();
      await shoot(page, '03-library-import-errors', size, result);

      await page.getByRole('button', { name: 'Start a session…' }).click();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Fran Facilitator');
      const names = ['Ada Lovelace', 'Bo Chen', 'Carmen Díaz'];
      for (const [i, n] of names.entries()) await page.getByRole('textbox', { name: `Participant ${i + 1} name` }).fill(n);
      await shoot(page, '04-setup', size, result);
      await page.getByRole('button', { name: 'Create session' }).click();
      await page.getByRole('listbox', { name: 'Injects' }).waitFor();
      const sessionUrl = page.url();
      const sessionId = sessionUrl.split('/session/')[1]!.split('/')[0]!;
      await shoot(page, '05-console-setup', size, result);

      await page.getByRole('button', { name: /^Start/ }).click();
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^Faster/ }).click();
      await page.waitForTimeout(13_000);
      await shoot(page, '06-console-running', size, result);

      await page.keyboard.press('Shift+?');
      await page.getByRole('dialog').waitFor();
      await shoot(page, '07-console-shortcuts', size, result);
      await page.keyboard.press('Escape');

      await page.goto(`${base}#/session/${sessionId}/seat/ic`);
      await page.getByRole('button', { name: 'Show my screen' }).click();
      await page.getByRole('heading', { name: 'Incident Commander' }).waitFor();
      await shoot(page, '08-seat-ic', size, result);
      await page.getByRole('radio', { name: /SEV2/ }).check();
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.goto(`${base}#/session/${sessionId}/seat/eng`);
      await shoot(page, '09-seat-cover', size, result);
      await page.getByRole('button', { name: 'Show my screen' }).click();
      await page.getByRole('heading', { name: /ML on-call/ }).waitFor();
      await shoot(page, '10-seat-eng-dashboard', size, result);
      await checkInboxHoldsStill(page, result);
      await shoot(page, '10b-seat-new-inject-above', size, result);

      // The shared screen is locked to the seats: the facilitator unlocks it (no PIN was set).
      await page.getByRole('button', { name: /Facilitator: unlock/ }).click();
      await page.getByRole('button', { name: 'Unlock and open the console' }).click();
      await page.getByRole('textbox', { name: 'Inject title' }).fill('Status page: degraded recommendations');
      await page.getByRole('textbox', { name: 'Inject body' }).fill('Customers report an **empty** "For you" row. <b>Not HTML</b>.');
      await page.getByRole('button', { name: 'Send inject' }).click();
      await page.waitForTimeout(500);
      await page.goto(`${base}#/session/${sessionId}/room`);
      await page.getByRole('timer', { name: 'Exercise time' }).waitFor();
      await shoot(page, '11-room', size, result);

      await page.goto(`${base}#/session/${sessionId}/console`);
      await page.getByRole('textbox', { name: 'Note text' }).fill('IC declared SEV2 within a minute <b>not bold</b>');
      await page.keyboard.press('Alt+2');
      await page.keyboard.press('Enter');
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: /^End the session/ }).click();
      await page.getByText('Ended', { exact: false }).first().waitFor();
      await shoot(page, '12-console-ended', size, result);

      await page.goto(`${base}#/session/${sessionId}/debrief`);
      await page.getByRole('heading', { name: /Debrief/ }).waitFor();
      await shoot(page, '13-debrief-top', size, result);
      await page.getByRole('region', { name: 'Replay' }).scrollIntoViewIfNeeded();
      await shoot(page, '14-debrief-replay', size, result);
      await checkPlanLayout(page, size, result);
      await shoot(page, '14b-debrief-plan', size, result);

      await page.goto(`${base}#/history`);
      // History holds the trends' table too: wait for the list of sessions.
      await page.getByRole('table', { name: 'Past sessions' }).waitFor();
      await shoot(page, '15-history', size, result);
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(home, { recursive: true, force: true });
  }
  if (pageErrors.length) result.notes.push(...pageErrors);
  return result;
}
