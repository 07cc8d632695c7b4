// @vitest-environment jsdom
// The Register view and the carried corrective actions against the real core (issue 18, items 2
// and 3): the register across sessions with its filters, a status changed from the table, CSV
// export and import; the next run's console shows the open action from the start and records
// the facilitator's verdict with a note.
import './setup-dom.ts';
import { downloadedFiles } from './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readCsv } from '../../electron/files/csv.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import { QUICK_SCENARIO } from '../electron/host/quick-scenario.ts';
import { createHarness, createSession, renderApp, type Harness } from './harness.tsx';

const SCENARIO = QUICK_SCENARIO.replace('    title: Respond\n', '    title: Respond\n    capability: Operational coordination\n');

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function runWithPlan(h: Harness) {
  const a = await createSession(h, 'shipped-quick-drill', [{ name: 'Al', roles: ['ic'] }]);
  await must(h.bridge.request('live.dispatch', { sessionId: a, actor: 'facilitator', command: { type: 'session.start' } }));
  await h.advance(5000);
  await must(h.bridge.request('live.dispatch', { sessionId: a, actor: 'facilitator', command: { type: 'session.end' } }));
  await must(h.bridge.request('debrief.savePlan', { sessionId: a, items: [
    { id: 'x1', issue: 'Paging took 9 minutes', corrective_action: 'Add a second pager rotation', owner: 'SRE', due: '2026-01-31', objective: 'respond' },
    { id: 'x2', issue: 'Status page lag', corrective_action: 'Write templates', owner: 'Comms', due: '', objective: null },
    { id: 'x3', issue: 'Runbook gaps', corrective_action: 'Own the runbook', owner: 'SRE', due: '2027-06-30', objective: 'respond' },
  ] }));
  return a;
}

const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-action-id')?.split('/')[1]);

describe('the Register view', () => {
  it('lists the actions across sessions, filters them, changes a status, exports and imports CSV', async () => {
    const h = createHarness([{ fileName: 'quick.yaml', text: SCENARIO }], createMemoryStorage(), { readCsv });
    const a = await runWithPlan(h);
    renderApp(h, '#/register');
    const table = await screen.findByRole('table', { name: 'Corrective actions' });
    expect(rows(table)).toEqual(['plan-1', 'plan-2', 'plan-3']);
    expect(within(table).getAllByText('overdue')).toHaveLength(1);

    const filters = screen.getByRole('region', { name: 'Filters' });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Owner' }), { target: { value: 'SRE' } });
    await waitFor(() => expect(rows(screen.getByRole('table', { name: 'Corrective actions' }))).toEqual(['plan-1', 'plan-3']));
    fireEvent.click(within(filters).getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(rows(screen.getByRole('table', { name: 'Corrective actions' }))).toEqual(['plan-1']));
    fireEvent.click(within(filters).getByRole('checkbox', { name: 'Overdue only' }));
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Owner' }), { target: { value: '' } });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Capability' }), { target: { value: 'Operational coordination' } });
    await waitFor(() => expect(rows(screen.getByRole('table', { name: 'Corrective actions' }))).toEqual(['plan-1', 'plan-3']));
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Capability' }), { target: { value: '' } });
    await waitFor(() => expect(rows(screen.getByRole('table', { name: 'Corrective actions' }))).toEqual(['plan-1', 'plan-2', 'plan-3']));

    // A status set from the table is kept (the register says so) and the filter by status sees it.
    await act(async () => {
      fireEvent.change(await screen.findByRole('combobox', { name: `Status of ${a}/plan-2` }), { target: { value: 'in progress' } });
    });
    await waitFor(async () => expect((await must(h.bridge.request('register.list', {}))).map((r) => r.status)).toEqual(['open', 'in progress', 'open']));
    fireEvent.click(within(filters).getByRole('checkbox', { name: 'in progress' }));
    await waitFor(() => expect(rows(screen.getByRole('table', { name: 'Corrective actions' }))).toEqual(['plan-2']));
    fireEvent.click(within(filters).getByRole('checkbox', { name: 'in progress' }));

    // Contact and start date are edited in place and kept.
    const contact = screen.getByRole('textbox', { name: `Contact of ${a}/plan-1` });
    fireEvent.change(contact, { target: { value: 'noc@example.org' } });
    await act(async () => { fireEvent.blur(contact); });
    const start = screen.getByLabelText(`Start of ${a}/plan-1`);
    fireEvent.change(start, { target: { value: '2026-02-01' } });
    await act(async () => { fireEvent.blur(start); });
    await waitFor(async () => expect((await must(h.bridge.request('register.list', {})))[0]).toMatchObject({ contact: 'noc@example.org', start: '2026-02-01' }));

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Export CSV' })); });
    await waitFor(() => expect(downloadedFiles).toContain('drillbook-register.csv'));

    // A CSV from the ticket system: one action done. Then one with an unknown id: nothing changes.
    const csv = (await must(h.bridge.request('register.export', { format: 'csv' }))).content;
    const edited = csv.replace(`${a}/plan-3,open,`, `${a}/plan-3,done,`);
    const input = screen.getByLabelText('Register CSV to import');
    await act(async () => { fireEvent.change(input, { target: { files: [new File([edited], 'register.csv', { type: 'text/csv' })] } }); });
    const result = await screen.findByRole('status', { name: 'Import result' });
    await waitFor(() => expect(within(result).getByText(`${a}/plan-3: status open → done`)).toBeTruthy());
    const unknown = csv.replace(`${a}/plan-1,open,`, `${a}/plan-8,done,`);
    await act(async () => { fireEvent.change(input, { target: { files: [new File([unknown], 'register.csv', { type: 'text/csv' })] } }); });
    expect((await screen.findByRole('alert')).textContent).toContain(`row 2, column id: There is no corrective action '${a}/plan-8'`);
    expect((await must(h.bridge.request('register.list', {}))).map((r) => r.status)).toEqual(['open', 'in progress', 'done']);
  });

  it('the next run shows the open actions on its objectives from the start and records the verdict', async () => {
    const h = createHarness([{ fileName: 'quick.yaml', text: SCENARIO }]);
    const a = await runWithPlan(h);
    await h.advance(60_000);
    const b = await createSession(h, 'shipped-quick-drill', [{ name: 'Al', roles: ['ic'] }]);
    renderApp(h, `#/session/${b}/console`);
    const panel = await screen.findByRole('region', { name: 'Corrective actions to validate' });
    // Linked to the objective: plan-1 and plan-3, not plan-2 (no objective).
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(2));
    expect(within(panel).getByText('Add a second pager rotation')).toBeTruthy();
    expect(within(panel).queryByText('Write templates')).toBeNull();
    const first = within(panel).getByRole('listitem', { name: 'Corrective action 1' });
    expect(within(first).getByRole('button', { name: 'Validated' }).hasAttribute('disabled')).toBe(true);

    await act(async () => { await h.bridge.request('live.dispatch', { sessionId: b, actor: 'facilitator', command: { type: 'session.start' } }); });
    await h.advance(1000);
    await waitFor(() => expect(within(first).getByRole('button', { name: 'Validated' }).hasAttribute('disabled')).toBe(false));
    fireEvent.change(within(first).getByRole('textbox', { name: 'Validation note 1' }), { target: { value: 'Second rotation answered in 40 s' } });
    await act(async () => { fireEvent.click(within(first).getByRole('button', { name: 'Validated' })); });
    await waitFor(() => expect(within(panel).getByText('Validated in this run: Second rotation answered in 40 s')).toBeTruthy());
    const register = await must(h.bridge.request('register.list', {}));
    expect(register.find((r) => r.id === `${a}/plan-1`)).toMatchObject({ status: 'validated', validation: { sessionId: b, validated: true, note: 'Second rotation answered in 40 s' } });
    expect(h.storage.events.load(b).filter((e) => e.type === 'action.validated')).toHaveLength(1);
  });
});
