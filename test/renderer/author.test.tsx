// @vitest-environment jsdom
// The Author view against the real core: a scenario built from a blank skeleton with the forms,
// the problems panel (the CLI's words, a click selects the element), renames that carry their
// references into the YAML, a bulk shift in the events table, a CSV and an XLSX import with a bad cell named
// by row and column, and a session that cannot start from a text with errors.
import './setup-dom.ts';
import { downloadedFiles } from './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { createHarness, goTo, renderApp, shippedPlays, shippedScenarios } from './harness.tsx';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import { loadPlay, loadScenario } from '../../core/scenario/load.ts';
import { simulatePlay } from '../../core/scoring/simulate.ts';
import { formatPercent } from '../../renderer/components/format.ts';
import { workbook } from '../fixtures/xlsx-workbook.ts';
import { formatLintFinding, lintScenarioText } from '../../core/scenario/lint/index.ts';

const click = async (el: HTMLElement) => { await act(async () => { fireEvent.click(el); }); };
const change = async (el: HTMLElement, value: string) => { await act(async () => { fireEvent.change(el, { target: { value } }); }); };
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const tab = (name: string) => click(screen.getByRole('tab', { name }));
const yamlText = async (): Promise<string> => {
  await tab('YAML');
  return (screen.getByLabelText('Scenario YAML') as HTMLTextAreaElement).value;
};
const problemsList = () => screen.queryByRole('list', { name: 'Problems list' });
const problemTexts = () => (problemsList() ? within(problemsList()!).getAllByRole('listitem').map((li) => li.textContent ?? '') : []);
async function rename(label: string, next: string) {
  const input = screen.getByLabelText(label);
  await change(input, next);
  await act(async () => { fireEvent.blur(input); });
}

async function openBlank(level = 'beginner') {
  const h = createHarness([]);
  renderApp(h, '#/library');
  await click(await screen.findByRole('button', { name: `New ${level} scenario` }));
  await screen.findByRole('heading', { name: `Author: New ${level} scenario` });
  return h;
}

describe('the Author view', () => {
  it('builds a small scenario from blank with the forms; a lint warning selects its element and goes away once fixed', async () => {
    await openBlank();
    expect(screen.getByText(/^Ready to run/)).toBeTruthy();

    await click(button('Add a role'));
    await change(screen.getByLabelText('Role 2 title'), 'Comms lead');
    await click(button('Add an objective'));
    await change(screen.getByLabelText('Objective 2 title'), 'Tell customers in time');
    await click(button('Add an inject'));
    await change(screen.getByLabelText('Inject title'), 'Customers notice');
    await change(screen.getByLabelText('Time'), '5m');
    await click(button('Add a prompt'));
    await change(screen.getByLabelText('Prompt 1 question'), 'What do you tell customers?');

    const text = await yamlText();
    expect(text).toContain('title: Comms lead');
    expect(text).toContain('title: Tell customers in time');
    expect(text).toContain('title: Customers notice');
    expect(text).toContain('ask: What do you tell customers?');
    // The text the forms wrote loads, as drillbook validate would read it.
    const loaded = loadScenario(text, 'new.yaml');
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.value.roles.map((r) => r.id)).toEqual(['incident-commander', 'role-1']);
      expect(loaded.value.injects[1]?.prompts[0]?.ask).toBe('What do you tell customers?');
    }

    // The new role has nothing to do: the lint says so, in the CLI's words.
    const idle = problemTexts().find((t) => t.includes("idle-role: role 'role-1'"));
    expect(idle).toMatch(/^warning new-beginner-scenario\.yaml:\d+:\d+: warning: idle-role: role 'role-1' has 0 prompts and 0 actions/);
    const cli = lintScenarioText(text, 'new-beginner-scenario.yaml').findings.map((f) => formatLintFinding('new-beginner-scenario.yaml', f));
    expect(cli).toContain(idle!.replace(/^warning /, ''));
    // From the events table, a click selects the role in the forms (from the YAML tab, its line).
    await tab('Events');
    await click(within(problemsList()!).getByRole('button', { name: /idle-role: role 'role-1'/ }));
    expect(screen.getByRole('tab', { name: 'Forms' }).getAttribute('aria-selected')).toBe('true');
    const selected = screen.getByRole('group', { name: 'Role 2' });
    expect(selected.getAttribute('aria-current')).toBe('true');

    // Fixed: the role is merged into the other (deleted), and the warning is gone.
    await click(within(selected).getByRole('button', { name: 'Delete Role 2' }));
    expect(problemTexts().some((t) => t.includes("role 'role-1'"))).toBe(false);
    expect(screen.getByText(/^Ready to run/)).toBeTruthy();
  });

  it('builds a runbook step with the forms: its objective, by time and met_by entry reach the YAML, and the no-step warning goes', async () => {
    await openBlank();
    const noStep = (id: string) => problemTexts().some((t) => t.includes(`objective '${id}' has no runbook step`));
    await click(button('Add an objective'));
    expect(noStep('first-objective')).toBe(true);
    expect(noStep('objective-1')).toBe(true);

    // A new step takes the first objective no step names; with nothing to meet it by yet, its met_by is empty (an error).
    await click(button('Add a runbook step'));
    expect((screen.getByLabelText('Step 1 objective') as HTMLSelectElement).value).toBe('first-objective');
    expect(noStep('first-objective')).toBe(false);
    expect(screen.getByText(/^Not ready to run: 1 error/)).toBeTruthy();
    expect(problemTexts().some((t) => t.startsWith('error') && t.includes('runbook[0].met_by'))).toBe(true);

    await change(screen.getByLabelText('Step 1 objective'), 'objective-1');
    await change(screen.getByLabelText('Step 1 by'), '8m');
    await change(screen.getByLabelText('Step 1 text'), 'Page the owner of the service');
    await click(button('Add an action'));
    await change(screen.getByLabelText('Action 1 title'), 'Page the owner');
    await click(button('Step 1: add an action'));
    expect((screen.getByLabelText('Step 1 met by 1 action') as HTMLSelectElement).value).toBe('action-1');
    await rename('Step 1 id', 'paged');

    const text = await yamlText();
    expect(text).toContain('\nrunbook:\n  - id: paged\n    step: Page the owner of the service\n    objective: objective-1\n    by: 8m\n    met_by:\n      - {action: action-1}\n');
    const loaded = loadScenario(text, 'new.yaml');
    expect(loaded.ok && loaded.value.runbook).toEqual([expect.objectContaining({ id: 'paged', objective: 'objective-1', by: 480, metBy: [{ kind: 'action', action: 'action-1' }] })]);
    expect(noStep('objective-1')).toBe(false);
    expect(noStep('first-objective')).toBe(true);
    expect(screen.getByText(/^Ready to run/)).toBeTruthy();

    // Duplicate, reorder, then delete the copy; an entry deleted leaves the step unmet (an error again).
    await tab('Forms');
    await click(button('Duplicate Step 1'));
    expect((screen.getByLabelText('Step 2 id') as HTMLInputElement).value).toBe('paged-copy');
    await click(button('Move Step 2 up'));
    expect((screen.getByLabelText('Step 1 id') as HTMLInputElement).value).toBe('paged-copy');
    await click(button('Delete Step 1'));
    expect((screen.getByLabelText('Step 1 id') as HTMLInputElement).value).toBe('paged');
    expect(screen.queryByLabelText('Step 2 id')).toBeNull();
    await click(button('Delete Step 1 met by 1'));
    expect(problemTexts().some((t) => t.startsWith('error') && t.includes('runbook[0].met_by'))).toBe(true);
    await click(within(problemsList()!).getByRole('button', { name: /runbook\[0\]\.met_by/ }));
    expect(screen.getByRole('group', { name: 'Step 1' }).getAttribute('aria-current')).toBe('true');

    // An answer entry names a prompt and, for a choice prompt, the options that meet the step.
    await click(button('The first alert'));
    await click(button('Add a prompt'));
    await change(screen.getByLabelText('Prompt 1 type'), 'choice');
    await click(button('Add an option to prompt 1'));
    await click(button('Add an option to prompt 1'));
    await click(button('Step 1: add an answer'));
    const answers = screen.getByRole('group', { name: 'Step 1 met by 1: answers that meet it' });
    await click(within(answers).getAllByRole('checkbox')[1]!);
    const answered = loadScenario(await yamlText(), 'new.yaml');
    expect(answered.ok && answered.value.runbook[0]?.metBy).toEqual([{ kind: 'prompt', prompt: 'first-alert-prompt-1', with: ['option-1', 'option-2'] }]);

    // An all-of group: the action and the answer together; its parts are edited like entries.
    await tab('Forms');
    await click(button('Step 1: add an all-of group'));
    const group = screen.getByRole('group', { name: 'Step 1 met by 2: all of' });
    expect((within(group).getByLabelText('Step 1 met by 2 part 1 action') as HTMLSelectElement).value).toBe('action-1');
    await click(within(group).getByRole('button', { name: 'Step 1 met by 2, all of: add an action' }));
    await click(within(group).getByRole('button', { name: 'Delete Step 1 met by 2 part 2' }));
    const grouped = loadScenario(await yamlText(), 'new.yaml');
    expect(grouped.ok && grouped.value.runbook[0]?.metBy[1]).toEqual({ kind: 'all', entries: [{ kind: 'action', action: 'action-1' }, { kind: 'action', action: 'action-1' }] });
    await tab('Forms');
    const violations = (await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order').map((v) => v.id);
    expect(violations).toEqual([]);
  });

  it('sets what prompts expect with the forms: best and acceptable options, keyword and avoid groups, within, points and objective', async () => {
    await openBlank();
    await click(button('The first alert'));
    await click(button('Add a prompt'));
    await act(async () => {
      const keywords = screen.getByLabelText('Prompt 1 keywords');
      fireEvent.change(keywords, { target: { value: 'rollback, roll back\n\n status page ,\n' } });
      fireEvent.blur(keywords);
    });
    await click(button('Add an avoid group to prompt 1'));
    await act(async () => {
      const words = screen.getByLabelText('Prompt 1 avoid group 1 words');
      fireEvent.change(words, { target: { value: 'never again, RecoCloud' } });
      fireEvent.blur(words);
    });
    await change(screen.getByLabelText('Prompt 1 within'), '4m');
    await change(screen.getByLabelText('Prompt 1 points'), '15');
    await change(screen.getByLabelText('Prompt 1 objective'), 'first-objective');

    await click(button('Add a prompt'));
    await change(screen.getByLabelText('Prompt 2 type'), 'choice');
    await click(button('Add an option to prompt 2'));
    await click(button('Add an option to prompt 2'));
    await change(screen.getByLabelText('Prompt 2 option 1 label'), 'Roll back');
    await change(screen.getByLabelText('Prompt 2 option 2 label'), 'Wait');
    await click(within(screen.getByRole('group', { name: 'Prompt 2 best options' })).getByRole('checkbox', { name: 'Roll back' }));
    await click(within(screen.getByRole('group', { name: 'Prompt 2 acceptable options' })).getByRole('checkbox', { name: 'Wait' }));

    const text = await yamlText();
    // The first prompt of the inject is written as a block, as every later one.
    expect(text).toContain('    prompts:\n      - id: first-alert-prompt-1\n        role: incident-commander\n');
    expect(text).toContain('        expect:\n          keywords:\n            - [rollback, roll back]\n            - [status page]\n');
    expect(text).toContain('expect: {best: [option-1], acceptable: [option-2]}');
    const loaded = loadScenario(text, 'new.yaml');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const [first, second] = loaded.value.injects[0]!.prompts;
    expect(first?.expect).toMatchObject({ keywords: [['rollback', 'roll back'], ['status page']], avoid: [{ any: ['never again', 'RecoCloud'], why: 'Promises what no one can promise' }], within: 240 });
    expect(first?.points).toBe(15);
    expect(first?.objective).toBe('first-objective');
    expect(second?.expect).toMatchObject({ best: ['option-1'], acceptable: ['option-2'] });

    // Emptied, a list goes, and the last key takes expect with it.
    await tab('Forms');
    await click(button('The first alert'));
    await click(within(screen.getByRole('group', { name: 'Prompt 2 best options' })).getByRole('checkbox', { name: 'Roll back' }));
    await click(within(screen.getByRole('group', { name: 'Prompt 2 acceptable options' })).getByRole('checkbox', { name: 'Wait' }));
    const after = await yamlText();
    const reloaded = loadScenario(after, 'new.yaml');
    expect(reloaded.ok && reloaded.value.injects[0]?.prompts[1]?.expect).toMatchObject({ best: [], acceptable: [] });
    expect(after.slice(after.indexOf('id: first-alert-prompt-2'))).not.toContain('expect');
  });

  it('renames a role in the forms and every reference follows into the YAML tab', async () => {
    await openBlank();
    await click(button('The first alert'));
    await click(button('Add a prompt'));
    expect(await yamlText()).toContain('role: incident-commander');
    await tab('Forms');
    await click(button('The first alert'));
    await click(screen.getByRole('button', { name: 'The first alert' }));
    await act(async () => {
      const to = screen.getByLabelText(/^Sent to/);
      fireEvent.change(to, { target: { value: 'incident-commander' } });
      fireEvent.blur(to);
    });
    await rename('Role 1 id', 'ic');
    const text = await yamlText();
    expect(text).toContain('  - id: ic\n');
    expect(text).toContain('role: ic');
    expect(text).toMatch(/to: \[ ?ic ?\]|to:\n\s+- ic/);
    expect(text).not.toContain('incident-commander');

    // A rename onto a taken id is refused with the model's reason, and nothing changes.
    await tab('Forms');
    await click(button('Add a role'));
    await rename('Role 2 id', 'ic');
    expect(screen.getByRole('alert').textContent).toContain("there is already a role 'ic'");
    expect((screen.getByLabelText('Role 2 id') as HTMLInputElement).value).toBe('role-1');
  });

  it('shifts the times of two selected rows of the events table', async () => {
    await openBlank();
    await tab('Events');
    await click(button('Add an inject'));
    await click(button('Add an inject'));
    const table = screen.getByRole('table', { name: 'Master scenario events list' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await click(screen.getByLabelText('Select first-alert'));
    await click(screen.getByLabelText('Select inject-2'));
    await change(screen.getByLabelText('Shift by'), '+2m');
    await click(button('Shift times'));
    const times = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    expect(times).toEqual(['02:00', '0:00', '02:00']);

    await click(screen.getByLabelText('Select inject-1'));
    await change(screen.getByLabelText('Channel for the selected rows'), 'email');
    await click(button('Set channel'));
    const channels = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[3]?.textContent);
    expect(channels).toEqual(['email', 'email', 'email']);

    // Recipients of the selected rows: a role id, checked against the roles.
    await act(async () => {
      const to = screen.getByLabelText(/^Recipients of the selected rows/);
      fireEvent.change(to, { target: { value: 'incident-commander' } });
      fireEvent.blur(to);
    });
    const recipients = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[2]?.textContent);
    expect(recipients).toEqual(['incident-commander', 'incident-commander', 'incident-commander']);
    await act(async () => {
      const to = screen.getByLabelText(/^Recipients of the selected rows/);
      fireEvent.change(to, { target: { value: 'incident-comander' } });
      fireEvent.blur(to);
    });
    expect(screen.getByRole('alert').textContent).toContain("unknown role 'incident-comander'");
    // Undo takes the last edit back: the recipients go back to all.
    await click(button('Undo'));
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual(['all', 'all', 'all']);
    await click(button('Redo'));

    // A shift before the start is refused with the reason, and nothing moves.
    await change(screen.getByLabelText('Shift by'), '-10m');
    await click(button('Shift times'));
    expect(screen.getByRole('alert').textContent).toContain('would put it before the start');
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual(['02:00', '0:00', '02:00']);
  });

  it('imports an events list from CSV, naming the bad row and column, and adds the good rows', async () => {
    await openBlank();
    await click(button('Import events…'));
    const dialog = screen.getByRole('dialog', { name: 'Import events…' });
    const csv = 'Time,Title,To,Channel\n1:00,Pager fires,all,alert\nsoon,Bad time,all,chat\n3:00,Exec asks,incident-commander,email\n';
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Events file (CSV or XLSX)'), { target: { files: [new File([csv], 'msel.csv', { type: 'text/csv' })] } });
    });
    await within(dialog).findByRole('table', { name: 'Preview' });
    expect((within(dialog).getByLabelText('Time') as HTMLSelectElement).value).toBe('Time');
    const problems = within(dialog).getByRole('list', { name: 'Import problems' });
    expect(problems.textContent).toMatch(/^row 3, column 'Time': /);
    const preview = within(within(dialog).getByRole('table', { name: 'Preview' })).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(preview).toHaveLength(2);
    expect(preview[0]).toContain('Pager fires');

    await click(within(dialog).getByRole('button', { name: 'Add 2 injects' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await tab('Events');
    const titles = within(screen.getByRole('table', { name: 'Master scenario events list' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[4]?.textContent);
    expect(titles).toEqual(['The first alert', 'Pager fires', 'Exec asks']);

    await click(button('Export events CSV'));
    expect(downloadedFiles.at(-1)).toBe('new-beginner-scenario-events.csv');
  });

  it('imports an events list from an .xlsx workbook: a sheet to pick, time cells, rows numbered as the sheet shows them', async () => {
    await openBlank();
    await click(button('Import events…'));
    const dialog = screen.getByRole('dialog', { name: 'Import events…' });
    const xlsx = workbook([
      { name: 'Read me', rows: { 1: ['Nightfall exercise'] } },
      { name: 'Events', rows: {
        2: ['Time', 'Title', 'To', 'Channel'],
        3: [{ time: 1 / 1440 }, 'Pager fires', 'all', 'alert'],
        5: ['soon', 'Bad time', 'all', 'chat'],
        6: [{ time: 3 / 1440 }, 'Exec asks', 'incident-commander', { formula: 'LOWER("EMAIL")', cached: 'email' }],
      } },
    ]);
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Events file (CSV or XLSX)'), { target: { files: [new File([new Uint8Array(xlsx)], 'msel.xlsx')] } });
    });
    // The first sheet has no time or title column: the mapping says so.
    const sheet = await within(dialog).findByLabelText('Sheet');
    expect(within(dialog).getByRole('list', { name: 'Import problems' }).textContent).toContain('map a column to the title');
    await change(sheet, '1');
    await within(dialog).findByRole('table', { name: 'Preview' });
    expect((within(dialog).getByLabelText('Time') as HTMLSelectElement).value).toBe('Time');
    const problems = within(dialog).getByRole('list', { name: 'Import problems' });
    expect(problems.textContent).toBe("row 5, column 'Time': 'soon' is not a time like 5:00, 1:05:00 or +5m");
    const preview = within(within(dialog).getByRole('table', { name: 'Preview' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(preview).toEqual([['pager-fires', '1m', 'all', 'alert', 'Pager fires'], ['exec-asks', '3m', 'incident-commander', 'email', 'Exec asks']]);
    await click(within(dialog).getByRole('button', { name: 'Add 2 injects' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await tab('Events');
    const titles = within(screen.getByRole('table', { name: 'Master scenario events list' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[4]?.textContent);
    expect(titles).toEqual(['The first alert', 'Pager fires', 'Exec asks']);
  });

  it('says why a file is not a workbook it can read', async () => {
    await openBlank();
    await click(button('Import events…'));
    const dialog = screen.getByRole('dialog', { name: 'Import events…' });
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Events file (CSV or XLSX)'), { target: { files: [new File(['not a zip'], 'broken.xlsx')] } });
    });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('broken.xlsx: row 1: the file is not a readable .xlsx workbook: it is not a zip archive (an .xlsx is one)');
    expect(within(dialog).queryByRole('table', { name: 'Preview' })).toBeNull();
  });

  it('blocks Start while the text has errors and keeps a save as a draft; once fixed it saves the next version and opens the setup', async () => {
    const h = await openBlank();
    await tab('YAML');
    const area = screen.getByLabelText('Scenario YAML') as HTMLTextAreaElement;
    await change(area, area.value.replace('channel: alert', 'channel: pigeon'));
    expect(screen.getByText('Not ready to run: 1 error')).toBeTruthy();
    expect((button('Start a session…') as HTMLButtonElement).disabled).toBe(true);
    const error = problemTexts().find((t) => t.startsWith('error'));
    expect(error).toContain('pigeon');

    // A click on the error goes to its line in the YAML tab.
    await click(within(problemsList()!).getByRole('button', { name: /pigeon/ }));
    const text = area.value;
    expect(text.slice(area.selectionStart, area.selectionEnd)).toContain('pigeon');

    // Saving keeps the text as a draft version (nothing typed is lost); the library keeps offering
    // only versions without errors, so a session still cannot start from it.
    await click(button('Save to library'));
    await screen.findByText(/as a draft: it has errors/);
    const draft = h.bridge.requests.filter((r) => r.method === 'library.save');
    expect(draft.map((r) => r.result.ok && (r.result.value as { ready: boolean }).ready)).toEqual([false]);

    await change(area, area.value.replace('channel: pigeon', 'channel: alert'));
    expect(screen.getByText(/^Ready to run/)).toBeTruthy();
    await click(button('Start a session…'));
    await screen.findByRole('heading', { name: 'New session: New beginner scenario' });
    const saved = h.bridge.requests.filter((r) => r.method === 'library.save');
    // Warnings do not stop a session; the setup shows them.
    const warnings = screen.getByRole('list', { name: 'Lint warnings' });
    expect(warnings.textContent).toContain("role 'incident-commander' has 0 prompts and 0 actions");
    // The draft, then the version Start saved: version 2 of the same entry, ready to run.
    const values = saved.map((r) => (r.result.ok ? r.result.value as { entryId: string; version: number; ready: boolean } : null));
    expect(values.map((v) => v && { version: v.version, ready: v.ready })).toEqual([{ version: 1, ready: false }, { version: 2, ready: true }]);
    expect(values[1]?.entryId).toBe(values[0]?.entryId);
  });

  it('edits a copy of a shipped scenario from the Library and saves it twice as the same entry', async () => {
    const h = createHarness();
    renderApp(h, '#/library/shipped-latency-runbook-101');
    await click(await screen.findByRole('button', { name: 'Edit a copy' }));
    await screen.findByRole('tab', { name: 'Forms' });
    await change(screen.getByLabelText('Scenario title'), 'Latency runbook, our version');
    await click(button('Save to library'));
    await act(async () => {});
    await change(screen.getByLabelText('Scenario title'), 'Latency runbook, our version 2');
    await click(button('Save to library'));
    await act(async () => {});
    const saves = h.bridge.requests.filter((r) => r.method === 'library.save');
    expect(saves.map((r) => r.result.ok)).toEqual([true, true]);
    const ids = saves.map((r) => (r.result.ok ? (r.result.value as { entryId: string }).entryId : ''));
    expect(ids[1]).toBe(ids[0]);
    const list = await h.bridge.request('library.list', {});
    expect(list.ok && list.value.filter((e) => e.source === 'imported').map((e) => e.title)).toEqual(['Latency runbook, our version 2']);
    // The shipped file itself is unchanged.
    expect(list.ok && list.value.some((e) => e.entryId === 'shipped-latency-runbook-101' && !e.title.includes('our version'))).toBe(true);
  });

  it("rehearses a shipped scenario's copy with the plays written for its id, runs one to its debrief, and has none once the id changes", async () => {
    const h = createHarness(shippedScenarios(), createMemoryStorage(), { shippedPlays: shippedPlays() });
    renderApp(h, '#/library/shipped-latency-runbook-101');
    await click(await screen.findByRole('button', { name: 'Edit a copy' }));
    await screen.findByRole('tab', { name: 'Rehearse' });
    await tab('Rehearse');
    const plays = await screen.findByRole('region', { name: 'Run a play' });
    const names = ['latency-runbook-101.mixed.yaml', 'latency-runbook-101.strong.yaml', 'latency-runbook-101.struggling.yaml', 'latency-runbook-101.tech-only.yaml'];
    await within(plays).findByRole('button', { name: names[0] });
    expect(within(plays).getAllByRole('button').map((b) => b.textContent)).toEqual(names);
    expect(h.bridge.requests.filter((r) => r.method === 'library.plays').map((r) => r.params)).toEqual([{ scenarioId: 'latency-runbook-101' }]);

    await click(within(plays).getByRole('button', { name: 'latency-runbook-101.struggling.yaml' }));
    const summary = await within(plays).findByRole('region', { name: 'Debrief of latency-runbook-101.struggling.yaml' });
    const file = shippedScenarios().find((f) => f.fileName === 'latency-runbook-101.yaml')!;
    const scenario = loadScenario(file.text, file.fileName);
    const play = shippedPlays().find((p) => p.fileName === 'latency-runbook-101.struggling.yaml')!;
    const parsed = loadPlay(play.text, play.fileName);
    if (!scenario.ok || !parsed.ok) throw new Error('shipped files load');
    const expected = simulatePlay(scenario.value, parsed.value).debrief;
    expect(within(summary).getByTestId('debrief-percent').textContent).toBe(formatPercent(expected.score.percent));
    expect(summary.textContent).toContain(`Runbook: ${expected.steps.filter((st) => st.met_at_s !== null).length} of ${expected.steps.length} steps met.`);

    // A copy given its own id: no shipped play names it, and the tab says so.
    await tab('Forms');
    await rename('Scenario id', 'latency-runbook-ours');
    await tab('Rehearse');
    const none = await screen.findByText(/No play is written for the scenario id/);
    expect(none.textContent).toContain('latency-runbook-ours');
    expect(within(screen.getByRole('region', { name: 'Run a play' })).queryByRole('button')).toBeNull();
  });

  it('keeps unsaved text as a draft when the author leaves for another view, restores it on return, and discards it on request', async () => {
    const h = await openBlank();
    await change(screen.getByLabelText('Scenario title'), 'Half-written drill');
    await click(button('Add an objective'));
    const edited = await yamlText();
    expect(screen.queryByRole('status', { name: 'Draft restored' })).toBeNull();

    await goTo('#/history');
    await screen.findByRole('heading', { name: /History|Sessions/ });
    expect(screen.queryByRole('heading', { name: /^Author:/ })).toBeNull();
    await goTo('#/new/beginner');
    await screen.findByRole('heading', { name: 'Author: Half-written drill' });
    expect(screen.getByRole('status', { name: 'Draft restored' }).textContent).toMatch(/^Draft restored/);
    expect(screen.getByText('Not saved')).toBeTruthy();
    expect(await yamlText()).toBe(edited);
    // Another level's new scenario is another draft: it starts from its skeleton.
    await goTo('#/new/advanced');
    await screen.findByRole('heading', { name: 'Author: New advanced scenario' });
    expect(screen.queryByRole('status', { name: 'Draft restored' })).toBeNull();

    // Discard: the skeleton again, and no draft left to restore.
    await goTo('#/new/beginner');
    await screen.findByRole('heading', { name: 'Author: Half-written drill' });
    await click(within(screen.getByRole('status', { name: 'Draft restored' })).getByRole('button', { name: 'Discard' }));
    await screen.findByRole('heading', { name: 'Author: New beginner scenario' });
    expect(screen.queryByRole('status', { name: 'Draft restored' })).toBeNull();
    await goTo('#/library');
    await goTo('#/new/beginner');
    await screen.findByRole('heading', { name: 'Author: New beginner scenario' });
    expect(screen.queryByRole('status', { name: 'Draft restored' })).toBeNull();

    // A saved text is no draft: back from another view, the saved entry's text, nothing restored.
    await change(screen.getByLabelText('Scenario title'), 'Saved drill');
    await goTo('#/library');
    await goTo('#/new/beginner');
    await screen.findByRole('heading', { name: 'Author: Saved drill' });
    await click(button('Save to library'));
    await screen.findByText('Saved version 1 of Saved drill to the library.');
    expect(screen.queryByText('Not saved')).toBeNull();
    expect(screen.queryByRole('status', { name: 'Draft restored' })).toBeNull();
    await goTo('#/library');
    await goTo('#/new/beginner');
    await screen.findByRole('heading', { name: 'Author: New beginner scenario' });
    expect(screen.queryByRole('status', { name: 'Draft restored' })).toBeNull();
    expect(h.bridge.requests.filter((r) => r.method === 'library.save')).toHaveLength(1);
  });

  it('restores the draft of a library entry, and says when the library has a newer text than the one it started from', async () => {
    const h = createHarness([]);
    renderApp(h, '#/new/beginner');
    await screen.findByRole('heading', { name: 'Author: New beginner scenario' });
    await click(button('Save to library'));
    const first = h.bridge.requests.find((r) => r.method === 'library.save')!;
    const entryId = first.result.ok ? (first.result.value as { entryId: string }).entryId : '';
    expect(entryId).not.toBe('');

    await goTo(`#/author/${entryId}`);
    await screen.findByRole('heading', { name: 'Author: New beginner scenario' });
    await change(screen.getByLabelText('Scenario title'), 'My edit, not saved');
    const mine = await yamlText();
    await goTo('#/library');
    // Meanwhile the entry gets a new version (another window, a restore).
    const text = (await h.bridge.request('library.get', { entryId }));
    if (!text.ok) throw new Error('entry');
    await h.bridge.request('library.save', { entryId, fileName: text.value.fileName, text: text.value.text.replace('summary: |', '# A newer version.\nsummary: |'), note: '' });
    await goTo(`#/author/${entryId}`);
    await screen.findByRole('heading', { name: 'Author: My edit, not saved' });
    expect(await yamlText()).toBe(mine);
    expect(screen.getByRole('status', { name: 'Draft restored' }).textContent).toMatch(/The library's text has changed since you started them/);
    await click(within(screen.getByRole('status', { name: 'Draft restored' })).getByRole('button', { name: 'Discard' }));
    await screen.findByRole('heading', { name: 'Author: New beginner scenario' });
    expect(await yamlText()).toContain('# A newer version.');
  });

  it('edits a choice prompt\'s options (add, rename, reorder) and has no serious axe finding on any tab', async () => {
    await openBlank();
    await click(button('The first alert'));
    await click(button('Add a prompt'));
    await change(screen.getByLabelText('Prompt 1 type'), 'choice');
    await click(button('Add an option to prompt 1'));
    await click(button('Add an option to prompt 1'));
    await change(screen.getByLabelText('Prompt 1 option 2 label'), 'Page the on-call');
    await rename('Prompt 1 option 2 id', 'page');
    await click(button('Move Prompt 1 option 2 up'));
    let text = await yamlText();
    const loaded = loadScenario(text, 'new.yaml');
    expect(loaded.ok && loaded.value.injects[0]?.prompts[0]?.options).toEqual([{ id: 'page', label: 'Page the on-call' }, { id: 'option-1', label: 'New option' }]);

    const serious = async () => (await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await tab('Forms');
    await click(button('The first alert'));
    expect(await serious()).toEqual([]);
    await tab('Events');
    await click(screen.getByLabelText('Select first-alert'));
    expect(await serious()).toEqual([]);
    await click(button('Import events…'));
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Events file (CSV or XLSX)'), { target: { files: [new File(['time,title\n1:00,A\nx,B\n'], 'a.csv', { type: 'text/csv' })] } });
    });
    await screen.findByRole('table', { name: 'Preview' });
    expect(await serious()).toEqual([]);
    text = await yamlText();
    expect(text).toContain('type: choice');
  });
});
