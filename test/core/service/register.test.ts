// The register's pure parts (core/service/register.ts) and the engine's action.validate: the status
// rule (the later of a register edit and a run's verdict), overdue, what a run carries, the strict
// reading of an imported CSV, and the round trip through the export's formula guard.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../core/engine/index.ts';
import { parseCommand } from '../../../core/protocol/commands.ts';
import type { ActionRecord } from '../../../core/protocol/register.ts';
import {
  applyChanges, buildRegister, carriedActions, changesFromCsv, filterRegister, registerCsv, type RegisterSession,
} from '../../../core/service/register.ts';
import { computeDebrief } from '../../../core/scoring/index.ts';
import { harness, scenario } from '../engine/helpers.ts';

const withCapability = scenario({ injects: [], objectives: [{ id: 'detect', title: 'Detect', capability: 'Situational assessment' }, { id: 'communicate', title: 'Communicate' }] });

const validate = (action: string, validated: boolean, note = ''): Command => ({
  type: 'action.validate', action, validated, note, issue: 'Slow paging', corrective_action: 'Second rotation', owner: 'SRE', capability: null,
});

/** Run A with a plan; run B (started later) may record verdicts. */
function twoRuns() {
  const a = harness(withCapability);
  a.ok('facilitator', { type: 'plan.save', items: [
    { issue: 'Slow paging', corrective_action: 'Second rotation', owner: 'SRE', due: '2026-01-01', objective: 'detect' },
    { issue: 'Late comms', corrective_action: '+44 20 call tree', owner: 'Comms', due: '', objective: 'communicate' },
    { issue: 'Loose end', corrective_action: 'Tidy', owner: 'Ops', due: '', objective: null },
  ] });
  const b = harness(withCapability);
  b.setWall(1_700_000_100_000);
  const sessions = (): RegisterSession[] => [
    { sessionId: 'A', createdAt: 1, scenario: withCapability, events: a.runtime.events },
    { sessionId: 'B', createdAt: 2, scenario: withCapability, events: b.runtime.events },
  ];
  return { a, b, sessions };
}

describe('the register', () => {
  it('takes the later of a register edit and a run verdict; a failed verdict sends done back to in progress', () => {
    const { b, sessions } = twoRuns();
    const at = (records: ActionRecord[]) => buildRegister(sessions(), records, '2026-06-01').find((r) => r.id === 'A/plan-1')!;
    expect(at([])).toMatchObject({ status: 'open', overdue: true, capability: 'Situational assessment' });
    const done: ActionRecord = { id: 'A/plan-1', status: 'done', contact: '', start: '', updatedAt: 5 };
    expect(at([done])).toMatchObject({ status: 'done', overdue: false });
    b.ok('facilitator', validate('A/plan-1', false, 'still slow'));
    expect(at([done])).toMatchObject({ status: 'in progress', validation: { sessionId: 'B', validated: false, note: 'still slow' } });
    expect(at([])).toMatchObject({ status: 'open' });
    b.ok('facilitator', validate('A/plan-1', true, 'fixed'));
    expect(at([done])).toMatchObject({ status: 'validated', validation: { validated: true, note: 'fixed' } });
    // An edit made after the verdict wins.
    expect(at([{ ...done, status: 'open', updatedAt: 2_000_000_000_000 }])).toMatchObject({ status: 'open' });
    // This run's debrief lists the last verdict on each action once.
    expect(computeDebrief(withCapability, b.runtime.events).validated_actions).toEqual([
      expect.objectContaining({ id: 'A/plan-1', validated: true, note: 'fixed', corrective_action: 'Second rotation' }),
    ]);
  });

  it('carries the open actions of earlier runs linked by objective or capability, never its own', () => {
    const { b, sessions } = twoRuns();
    const register = buildRegister(sessions(), [], '2026-06-01');
    const bSession = sessions()[1]!;
    expect(carriedActions(register, bSession).map((r) => r.id)).toEqual(['A/plan-1', 'A/plan-2']);
    // Another scenario that shares the capability (not the objective ids) carries the first only.
    const other = scenario({ id: 'other', injects: [], objectives: [{ id: 'assess', title: 'Assess', capability: 'situational assessment' }] });
    expect(carriedActions(register, { ...bSession, scenario: other }).map((r) => r.id)).toEqual(['A/plan-1']);
    b.ok('facilitator', validate('A/plan-1', true));
    const after = buildRegister(sessions(), [], '2026-06-01');
    expect(carriedActions(after, sessions()[1]!).map((r) => [r.id, r.status])).toEqual([['A/plan-1', 'validated'], ['A/plan-2', 'open']]);
    // A third run no longer carries what B validated.
    expect(carriedActions(after, { ...bSession, sessionId: 'C' }).map((r) => r.id)).toEqual(['A/plan-2']);
    // A run does not carry its own items.
    expect(carriedActions(after, sessions()[0]!)).toEqual([]);
  });

  it('filters by status, owner and capability ignoring case, and by overdue', () => {
    const { sessions } = twoRuns();
    const register = buildRegister(sessions(), [], '2026-06-01');
    const ids = (f: Parameters<typeof filterRegister>[1]) => filterRegister(register, f).map((r) => r.id);
    expect(ids({ owner: 'sre' })).toEqual(['A/plan-1']);
    expect(ids({ capability: 'SITUATIONAL ASSESSMENT' })).toEqual(['A/plan-1']);
    expect(ids({ overdue: true })).toEqual(['A/plan-1']);
    expect(ids({ overdue: false })).toEqual(['A/plan-2', 'A/plan-3']);
    expect(ids({ status: ['done', 'validated'] })).toEqual([]);
    expect(ids({ status: [] })).toHaveLength(3);
  });

  it('reads its own export back, formula guard and all, and refuses malformed files with row and column', () => {
    const { sessions } = twoRuns();
    const register = buildRegister(sessions(), [{ id: 'A/plan-2', status: 'open', contact: '+44 20 7946 0000', start: '', updatedAt: 1 }], '2026-06-01');
    const csv = registerCsv(register);
    expect(csv).toContain("'+44 20 7946 0000");
    const records = csv.trimEnd().split('\r\n').map((l) => l.split(','));
    const read = changesFromCsv(records);
    expect(read.ok).toBe(true);
    if (read.ok) {
      // The apostrophe was the export's, not the contact's: nothing changes.
      const applied = applyChanges(register, read.changes, 9);
      expect(applied).toEqual({ ok: true, records: [], changes: [] });
    }
    const header = ['ID', 'Status', 'contact', 'start'];
    expect(changesFromCsv([header, ['A/plan-1', 'In_Progress', '', '2026-02-30x']])).toEqual({ ok: false, problems: [{ row: 2, column: 'start (D)', message: "'2026-02-30x' is not a date: write YYYY-MM-DD, or leave it empty." }] });
    expect(changesFromCsv([header, ['A/plan-1', 'in-progress', '', '']])).toMatchObject({ ok: true, changes: [{ id: 'A/plan-1', status: 'in progress', contact: '', start: '' }] });
    expect(changesFromCsv([header, ['A/plan-1', 'open']])).toMatchObject({ ok: false, problems: [{ row: 2, message: 'The row has 2 cells; the header has 4.' }] });
    expect(changesFromCsv([['id', 'status', 'status'], ['A/plan-1', 'open', 'done']])).toMatchObject({ ok: false, problems: [{ row: 1, column: 'status (C)' }] });
    expect(changesFromCsv([])).toMatchObject({ ok: false, problems: [{ row: 1 }] });
    const twice = applyChanges(register, [{ id: 'A/plan-1', status: 'done' }, { id: 'A/plan-1', status: 'open' }, { id: 'B/plan-1', status: 'done' }], 9);
    expect(twice).toMatchObject({ ok: false, problems: [{ row: 2, column: 'id', message: expect.stringContaining('appears twice') }, { row: 3, column: 'id', message: expect.stringContaining("no corrective action 'B/plan-1'") }] });
  });
});

describe('action.validate', () => {
  it('is the facilitator\'s, after the start, with a bounded note, and never reaches the engine from the wire', () => {
    const h = harness(withCapability, { start: false });
    expect(h.run('facilitator', validate('A/plan-1', true))).toMatchObject({ ok: false, rejection: { code: 'not-started' } });
    h.ok('facilitator', { type: 'session.start' });
    expect(h.run('role:ic', validate('A/plan-1', true))).toMatchObject({ ok: false, rejection: { code: 'forbidden' } });
    expect(h.run('facilitator', validate('A/plan-1', true, 'x'.repeat(2001)))).toMatchObject({ ok: false, rejection: { code: 'too-long' } });
    const [event] = h.ok('facilitator', validate('A/plan-1', true, 'ok'));
    expect(event).toMatchObject({ type: 'action.validated', actor: 'facilitator', payload: { action: 'A/plan-1', validated: true, note: 'ok', issue: 'Slow paging' } });
    h.ok('facilitator', { type: 'session.end' });
    // After the run (at the debrief) a verdict can still be given.
    expect(h.run('facilitator', validate('A/plan-1', false, 'on reflection')).ok).toBe(true);
    // Only the service sends it, with the register's words: live.dispatch's schema does not know it.
    expect(parseCommand(validate('A/plan-1', true)).ok).toBe(false);
  });
});
