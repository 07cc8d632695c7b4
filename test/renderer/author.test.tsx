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
import { createHarness, renderApp } from './harness.tsx';
import { loadScenario } from '../../core/scenario/load.ts';
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
