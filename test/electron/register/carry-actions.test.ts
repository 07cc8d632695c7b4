// Issue 18, items 2 and 3, through the real service on a real SQLite file: a corrective action
// raised in one run is tracked in the register, shown when the next run of the scenario starts,
// validated there with a note (an event in that run's log), and both runs' reports say so.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/index.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import type { BridgeResult } from '../../../core/protocol/bridge.ts';
import { readCsv } from '../../../electron/files/csv.ts';
import { createServiceStorage, openStore } from '../../../electron/store/index.ts';
import { QUICK_SCENARIO } from '../host/quick-scenario.ts';
import { tempDir, track } from '../store/helpers.ts';

const SCENARIO = QUICK_SCENARIO.replace('    title: Respond\n', '    title: Respond\n    capability: Operational coordination\n');
const T0 = Date.UTC(2026, 8, 21, 9, 0, 0); // 2026-09-21

function service(path: string) {
  const store = track(openStore(path));
  const timers = new VirtualTimers(0);
  const app = new AppService({ storage: createServiceStorage(store), timers, wall: () => T0 + timers.now(), newId: () => `s${randomBytes(6).toString('hex')}`, readCsv });
  return { store, timers, app, bridge: new InProcessBridge(app) };
}

async function must<T>(result: Promise<BridgeResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

type Service = ReturnType<typeof service>;

async function run(s: Service, entryId: string) {
  const session = await must(s.bridge.request('sessions.create', { entryId, facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }] }));
  return session.sessionId;
}

async function dispatch(s: Service, sessionId: string, command: unknown) {
  return must(s.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command }));
}

describe('corrective actions carried into the next run', () => {
  it('raised in run A, shown at the start of run B, validated there, and validated in both reports', async () => {
    const path = join(tempDir(), 'drillbook.db');
    const s = service(path);
    const entry = await must(s.bridge.request('library.import', { fileName: 'quick.yaml', text: SCENARIO }));

    // Run A: the team finds two issues; one is tied to the objective.
    const a = await run(s, entry.entryId);
    await dispatch(s, a, { type: 'session.start' });
    s.timers.advanceBy(3000);
    await dispatch(s, a, { type: 'session.end' });
    await must(s.bridge.request('debrief.savePlan', { sessionId: a, items: [
      { id: 'draft-1', issue: 'Paging took 9 minutes', corrective_action: 'Add a second pager rotation', owner: 'SRE', due: '2026-10-31', objective: 'respond' },
      { id: 'draft-2', issue: 'Status page wording', corrective_action: 'Write templates', owner: 'Comms', due: '2026-01-15', objective: null },
    ] }));

    const register = await must(s.bridge.request('register.list', {}));
    expect(register.map((r) => [r.id, r.status, r.capability, r.owner, r.overdue])).toEqual([
      [`${a}/plan-1`, 'open', 'Operational coordination', 'SRE', false],
      [`${a}/plan-2`, 'open', null, 'Comms', true],
    ]);
    const changed = await must(s.bridge.request('register.update', { changes: [{ id: `${a}/plan-1`, status: 'done', contact: 'sre-leads@example.org', start: '2026-09-22' }] }));
    expect(changed.changes).toEqual([
      { id: `${a}/plan-1`, field: 'status', from: 'open', to: 'done' },
      { id: `${a}/plan-1`, field: 'contact', from: '', to: 'sre-leads@example.org' },
      { id: `${a}/plan-1`, field: 'start', from: '', to: '2026-09-22' },
    ]);

    // Run B of the same scenario: before the start the facilitator sees the action on the objective.
    s.timers.advanceBy(60_000);
    const b = await run(s, entry.entryId);
    const carried = await must(s.bridge.request('register.carried', { sessionId: b }));
    expect(carried.map((c) => [c.id, c.status, c.contact])).toEqual([[`${a}/plan-1`, 'done', 'sre-leads@example.org']]);
    // Nothing was tested before the clock starts.
    const early = await s.bridge.request('register.validate', { sessionId: b, action: `${a}/plan-1`, validated: true, note: 'too soon' });
    expect(early).toMatchObject({ ok: false, error: { code: 'not-started' } });
    await dispatch(s, b, { type: 'session.start' });
    s.timers.advanceBy(1000);
    // An action this run cannot test is refused by name: unknown, or not linked to an objective here.
    expect(await s.bridge.request('register.validate', { sessionId: b, action: `${a}/plan-9`, validated: true, note: '' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.bridge.request('register.validate', { sessionId: b, action: `${a}/plan-2`, validated: true, note: '' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const validated = await must(s.bridge.request('register.validate', { sessionId: b, action: `${a}/plan-1`, validated: true, note: 'Second rotation answered in 40 s' }));
    expect(validated).toMatchObject({ status: 'validated', validation: { sessionId: b, validated: true, note: 'Second rotation answered in 40 s' } });
    await dispatch(s, b, { type: 'session.end' });

    // The verdict is an event in run B's log, with the action's words.
    const event = s.store.events.load(b).find((e) => e.type === 'action.validated');
    expect(event).toMatchObject({ actor: 'facilitator', payload: { action: `${a}/plan-1`, validated: true, issue: 'Paging took 9 minutes', corrective_action: 'Add a second pager rotation' } });
    s.app.dispose();
    s.store.close();

    // After a restart, from the file alone.
    const again = service(path);
    const reg = await must(again.bridge.request('register.list', { filter: { status: ['validated'] } }));
    expect(reg.map((r) => r.id)).toEqual([`${a}/plan-1`]);
    // Run B still lists what it validated; a third run no longer carries it.
    expect((await must(again.bridge.request('register.carried', { sessionId: b }))).map((c) => [c.id, c.status])).toEqual([[`${a}/plan-1`, 'validated']]);
    const c = await run(again, entry.entryId);
    expect(await must(again.bridge.request('register.carried', { sessionId: c }))).toEqual([]);

    // Run B's report lists the action as validated, with the note.
    const bJson = JSON.parse((await must(again.bridge.request('report.export', { sessionId: b, format: 'json' }))).content);
    expect(bJson.validated_actions).toEqual([expect.objectContaining({ id: `${a}/plan-1`, validated: true, note: 'Second rotation answered in 40 s' })]);
    const bHtml = (await must(again.bridge.request('report.export', { sessionId: b, format: 'html' }))).content;
    expect(bHtml).toContain('Corrective actions tested in this run');
    expect(bHtml).toMatch(/Add a second pager rotation[\s\S]*Validated[\s\S]*Second rotation answered in 40 s/);
    const bMd = (await must(again.bridge.request('report.export', { sessionId: b, format: 'md' }))).content;
    expect(bMd).toMatch(/\| Add a second pager rotation \| Operational coordination \| SRE \| Validated \| Second rotation answered in 40 s \|/);
    // Run A's report shows its own item as validated, and by which run.
    const aJson = JSON.parse((await must(again.bridge.request('report.export', { sessionId: a, format: 'json' }))).content);
    expect(aJson.improvement_plan[0].register).toEqual({ id: `${a}/plan-1`, status: 'validated', validation: { session: b, validated: true, note: 'Second rotation answered in 40 s' } });
    expect(aJson.improvement_plan[1].register).toMatchObject({ status: 'open', validation: null });
    const aHtml = (await must(again.bridge.request('report.export', { sessionId: a, format: 'html' }))).content;
    expect(aHtml).toContain(`validated in run ${b}: Second rotation answered in 40 s`);
    const aMd = (await must(again.bridge.request('report.export', { sessionId: a, format: 'md' }))).content;
    expect(aMd).toMatch(new RegExp(`\\| 2026-10-31 \\| validated in run ${b}: Second rotation answered in 40 s \\|`));
    again.app.dispose();
  });

  it('a run that finds an action not validated sends it back to in progress, and the register filters', async () => {
    const s = service(join(tempDir(), 'drillbook.db'));
    const entry = await must(s.bridge.request('library.import', { fileName: 'quick.yaml', text: SCENARIO }));
    const a = await run(s, entry.entryId);
    await dispatch(s, a, { type: 'session.start' });
    await must(s.bridge.request('debrief.savePlan', { sessionId: a, items: [
      { id: 'n1', issue: 'Slow paging', corrective_action: 'Second rotation', owner: 'SRE', due: '2026-01-01', objective: 'respond' },
      { id: 'n2', issue: 'Runbook gaps', corrective_action: 'Update runbook', owner: 'sre', due: '2027-01-01', objective: 'respond' },
      { id: 'n3', issue: 'Comms lag', corrective_action: 'Templates', owner: 'Comms', due: '', objective: null },
    ] }));
    await must(s.bridge.request('register.update', { changes: [{ id: `${a}/plan-1`, status: 'done' }] }));
    s.timers.advanceBy(10_000);
    const b = await run(s, entry.entryId);
    await dispatch(s, b, { type: 'session.start' });
    s.timers.advanceBy(10_000);
    const verdict = await must(s.bridge.request('register.validate', { sessionId: b, action: `${a}/plan-1`, validated: false, note: 'Still slow' }));
    expect(verdict).toMatchObject({ status: 'in progress', validation: { validated: false, note: 'Still slow' } });
    // A later register edit outranks the earlier verdict.
    s.timers.advanceBy(1000);
    await must(s.bridge.request('register.update', { changes: [{ id: `${a}/plan-1`, status: 'done' }] }));

    const ids = async (filter: object) => (await must(s.bridge.request('register.list', { filter }))).map((r) => r.id.split('/')[1]);
    expect(await ids({})).toEqual(['plan-1', 'plan-2', 'plan-3']);
    expect(await ids({ status: ['done'] })).toEqual(['plan-1']);
    expect(await ids({ status: ['open', 'in progress'] })).toEqual(['plan-2', 'plan-3']);
    expect(await ids({ owner: 'SRE' })).toEqual(['plan-1', 'plan-2']);
    expect(await ids({ owner: 'comms' })).toEqual(['plan-3']);
    expect(await ids({ capability: 'operational coordination' })).toEqual(['plan-1', 'plan-2']);
    // 2026-01-01 is past, but plan-1 is done: not overdue; plan-2 is due next year.
    expect(await ids({ overdue: true })).toEqual([]);
    await must(s.bridge.request('register.update', { changes: [{ id: `${a}/plan-1`, status: 'open' }] }));
    expect(await ids({ overdue: true })).toEqual(['plan-1']);
    expect(await ids({ overdue: true, owner: 'Comms' })).toEqual([]);
    s.app.dispose();
  });

  it('an import is all or nothing, names the row and column, and refuses unknown ids', async () => {
    const s = service(join(tempDir(), 'drillbook.db'));
    const entry = await must(s.bridge.request('library.import', { fileName: 'quick.yaml', text: SCENARIO }));
    const a = await run(s, entry.entryId);
    await dispatch(s, a, { type: 'session.start' });
    await must(s.bridge.request('debrief.savePlan', { sessionId: a, items: [
      { id: 'n1', issue: 'Slow paging', corrective_action: '=HYPERLINK("x")', owner: 'SRE', due: '', objective: 'respond' },
    ] }));
    const csv = (await must(s.bridge.request('register.export', { format: 'csv' }))).content;
    // The formula guard of the reports' CSV holds here too.
    expect(csv).toContain(`'=HYPERLINK`);
    const lines = csv.trimEnd().split('\r\n');
    const bad = [lines[0], lines[1]!.replace(',open,', ',in progress,'), lines[1]!.replace(`${a}/plan-1`, `${a}/plan-7`).replace(',open,', ',finished,')].join('\r\n');
    const refused = await s.bridge.request('register.import', { text: bad });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid-register');
      expect(refused.error.message).toContain("row 3, column status (B): 'finished' is not a status");
    }
    const unknown = await s.bridge.request('register.import', { text: [lines[0], lines[1]!.replace(`${a}/plan-1`, `${a}/plan-7`)].join('\r\n') });
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringContaining(`row 2, column id: There is no corrective action '${a}/plan-7'`) } });
    expect((await must(s.bridge.request('register.list', {})))[0]?.status).toBe('open');
    const broken = await s.bridge.request('register.import', { text: `${lines[0]}\r\n"${a}/plan-1,open` });
    expect(broken).toMatchObject({ ok: false, error: { message: expect.stringContaining('not valid CSV') } });
    const done = await must(s.bridge.request('register.import', { text: [lines[0], lines[1]!.replace(',open,', ',in progress,')].join('\r\n') }));
    expect(done.changes).toEqual([{ id: `${a}/plan-1`, field: 'status', from: 'open', to: 'in progress' }]);
    // The same file again changes nothing.
    expect((await must(s.bridge.request('register.import', { text: [lines[0], lines[1]!.replace(',open,', ',in progress,')].join('\r\n') }))).changes).toEqual([]);
    s.app.dispose();
  });
});
