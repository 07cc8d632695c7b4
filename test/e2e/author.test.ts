// End to end, in the real Chromium against `drillbook serve` (browser mode): the facilitator builds
// a small scenario from a blank skeleton with the Author view's forms, fixes a lint warning from the
// problems panel (the click selects the element), rehearses it to the debrief in the Rehearse tab
// (answering as a role from its seat), saves it to the library and to a file, and the saved file
// passes `drillbook validate`; the library lists it, and Setup opens from it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runE2e, shot, watchPage } from './browser.ts';
import { startServed, withContexts, type Served } from './exercise-setup.ts';

let served: Served | undefined;
const problems: string[] = [];
const ROOT = join(import.meta.dirname, '..', '..');

describe.runIf(runE2e)('the Author view, end to end', () => {
  beforeAll(async () => {
    served = await startServed('drillbook-e2e-author-', problems);
  });

  afterAll(async () => {
    if (served) expect(await served.close()).toBe(0);
  });

  it('builds a scenario from blank with the forms, fixes a lint warning from the problems panel, rehearses it to the debrief and saves it', async () => {
    await withContexts(problems, 'author-failed', async (contexts) => {
      const { browser, dir, facilitatorUrl } = served!;
      const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      watchPage(page, 'author', problems);
      await page.goto(facilitatorUrl.href);
      await page.getByRole('listbox', { name: 'Scenarios' }).waitFor();
      await page.getByRole('button', { name: 'New intermediate scenario' }).click();
      await page.getByRole('heading', { name: 'Author: New intermediate scenario' }).waitFor();

      await page.getByLabel('Scenario title', { exact: true }).fill('Model rollback drill');
      await page.getByLabel('Scenario id', { exact: true }).fill('model-rollback-drill');
      await page.getByRole('button', { name: 'Add a role' }).click();
      await page.getByLabel('Role 3 title', { exact: true }).fill('Data lead');
      await page.getByRole('button', { name: 'Add an objective' }).click();
      await page.getByLabel('Objective 2 title', { exact: true }).fill('Roll back safely');
      await page.getByRole('button', { name: 'The first alert' }).click();
      await page.getByRole('button', { name: 'Add a prompt' }).click();
      await page.getByLabel('Prompt 1 question', { exact: true }).fill('Do you roll back now?');
      await shot(page, 'author-01-forms');

      // The new role has nothing to do: the lint's warning, in the CLI's words, selects it.
      const warning = page.getByRole('button', { name: /idle-role: role 'role-1' has 0 prompts/ });
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(/new-intermediate-scenario\.yaml:\d+:\d+: warning: idle-role: role 'role-1'/);
      await page.getByRole('tab', { name: 'YAML' }).click();
      await page.getByRole('tab', { name: 'Events' }).click();
      await warning.click();
      const role = page.getByRole('group', { name: 'Role 3' });
      expect(await role.getAttribute('aria-current')).toBe('true');
      await shot(page, 'author-02-warning-selected');
      await role.getByRole('button', { name: 'Delete Role 3' }).click();
      await page.getByRole('button', { name: /idle-role: role 'role-1'/ }).waitFor({ state: 'detached' });
      await page.getByText(/^Ready to run/).waitFor();

      // Rehearsed before it is saved: the first alert reaches the Incident Commander's seat, who
      // answers there; the facilitator's side has the answer to grade; ended, the debrief.
      await page.getByRole('tab', { name: 'Rehearse' }).click();
      await page.getByTestId('rehearse-panel').waitFor();
      expect(await page.getByRole('timer', { name: 'Exercise time' }).textContent()).toBe('0:00');
      await page.getByRole('button', { name: '+1 min' }).click();
      await page.getByRole('timer', { name: 'Exercise time' }).getByText('1:00').waitFor();
      const seat = page.getByRole('region', { name: 'Seat: Incident Commander' });
      await seat.getByLabel('Answer: Do you roll back now?').fill('Roll back to the last good model, then tell the business.');
      await seat.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByText(/^1 recorded/).waitFor();
      await page.getByRole('region', { name: 'Facilitator' }).getByText('Roll back to the last good model, then tell the business.').first().waitFor();
      await shot(page, 'author-03-rehearsal');
      await page.getByRole('button', { name: 'End', exact: true }).click();
      const debrief = page.getByRole('region', { name: 'Debrief of this rehearsal' });
      await debrief.waitFor();
      expect(await debrief.textContent()).toMatch(/\(\d+ of \d+ points\)[\s\S]*Runbook: \d+ of \d+ steps met\./);
      expect(await debrief.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^The first thing the team should do well: /), expect.stringMatching(/^Roll back safely: /)]);
      await shot(page, 'author-04-rehearsal-debrief');
      // Rehearsing changed nothing in the scenario, and stored nothing: the library's save is still to come.
      await page.getByText('Not saved').waitFor();

      // Saved to a file: what drillbook validate accepts.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save to file' }).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      expect(download.suggestedFilename()).toBe('new-intermediate-scenario.yaml');
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('title: Model rollback drill');
      expect(text).toContain('ask: Do you roll back now?');
      const validated = execFileSync(process.execPath, [join(ROOT, 'bin', 'drillbook.js'), 'validate', path], { encoding: 'utf8' });
      expect(validated).toContain("OK: 'Model rollback drill' — 2 roles, 1 inject, 1 prompt");

      // Saved to the library, and a session can be set up from it.
      await page.getByRole('button', { name: 'Save to library' }).click();
      await page.getByText('Saved version 1 of Model rollback drill to the library.').waitFor();
      await page.getByRole('button', { name: 'Start a session…' }).click();
      await page.getByRole('heading', { name: 'New session: Model rollback drill' }).waitFor();
      await shot(page, 'author-05-setup');
      await page.getByRole('link', { name: 'Library' }).click();
      await page.getByRole('option', { name: /Model rollback drill/ }).waitFor();
      expect(problems).toEqual([]);
    });
  });
});
