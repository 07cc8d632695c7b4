// drillbook register (issue 18, item 2), the built command spawned: the register of a data file
// exported as CSV and JSON with stable ids, the CSV edited (as a ticket system would) and imported
// back, which prints what it changed; a bad file or an unknown id changes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/index.ts';
import type { BridgeResult } from '../../../core/protocol/bridge.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createServiceStorage, openStore } from '../../../electron/store/index.ts';
import { QUICK_SCENARIO } from '../host/quick-scenario.ts';
import { fileHash, tempDir } from '../store/helpers.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const SCENARIO = QUICK_SCENARIO.replace('    title: Respond\n', '    title: Respond\n    capability: Operational coordination\n');

function drillbook(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/drillbook.js'), 'register', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function must<T>(result: Promise<BridgeResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A data file with one ended run and three improvement items. */
async function dataFile(dir: string): Promise<{ path: string; session: string }> {
  const path = join(dir, 'drillbook.db');
  const store = openStore(path);
  const timers = new VirtualTimers(0);
  const ids = ['entry-00000001', 'run-0001'];
  const app = new AppService({ storage: createServiceStorage(store), timers, wall: () => Date.UTC(2026, 0, 10) + timers.now(), newId: () => ids.shift() ?? 'unexpected' });
  const bridge = new InProcessBridge(app);
  const entry = await must(bridge.request('library.import', { fileName: 'quick.yaml', text: SCENARIO }));
  await must(bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }] }));
  await must(bridge.request('live.dispatch', { sessionId: 'run-0001', actor: 'facilitator', command: { type: 'session.start' } }));
  await must(bridge.request('live.dispatch', { sessionId: 'run-0001', actor: 'facilitator', command: { type: 'session.end' } }));
  await must(bridge.request('debrief.savePlan', { sessionId: 'run-0001', items: [
    { id: 'a', issue: 'Paging took 9 minutes', corrective_action: 'Add a second pager rotation', owner: 'SRE', due: '2020-01-31', objective: 'respond' },
    { id: 'b', issue: 'Status page, "late"', corrective_action: 'Write templates,\nreview them', owner: 'Comms', due: '', objective: null },
    { id: 'c', issue: 'No runbook owner', corrective_action: 'Name one', owner: 'sre', due: '2999-01-01', objective: 'respond' },
  ] }));
  app.dispose();
  store.close();
  return { path, session: 'run-0001' };
}

describe('drillbook register', () => {
  it('exports CSV and JSON with stable ids, and a CSV brought back updates statuses', async () => {
    const dir = tempDir();
    const { path } = await dataFile(dir);

    const csv = drillbook(dir, 'drillbook.db');
    expect(csv.err).toBe('');
    expect(csv.code).toBe(0);
    const rows = parse(csv.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.status, r.capability, r.owner, r.overdue])).toEqual([
      ['run-0001/plan-1', 'open', 'Operational coordination', 'SRE', 'yes'],
      ['run-0001/plan-2', 'open', '', 'Comms', 'no'],
      ['run-0001/plan-3', 'open', 'Operational coordination', 'sre', 'no'],
    ]);
    expect(rows[1]?.corrective_action).toBe('Write templates,\nreview them');

    const json = drillbook(dir, 'drillbook.db', '--format', 'json', '--owner', 'SRE');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as { format: string; actions: { id: string }[] };
    expect(doc.format).toBe('drillbook/register@1');
    expect(doc.actions.map((a) => a.id)).toEqual(['run-0001/plan-1', 'run-0001/plan-3']);
    expect(JSON.parse(drillbook(dir, 'drillbook.db', '--format', 'json', '--overdue').out).actions.map((a: { id: string }) => a.id)).toEqual(['run-0001/plan-1']);

    // --out writes the file, and keeps an existing one without --force.
    expect(drillbook(dir, 'drillbook.db', '--out', 'register.csv').code).toBe(0);
    expect(readFileSync(join(dir, 'register.csv'), 'utf8')).toBe(csv.out);
    const kept = drillbook(dir, 'drillbook.db', '--out', 'register.csv', '--format', 'json');
    expect(kept.code).toBe(1);
    expect(kept.err).toMatch(/already exists\. Drillbook did not change it\. Add --force/);
    expect(drillbook(dir, 'drillbook.db', '--out', 'register.csv', '--force').code).toBe(0);

    // The ticket system closes one, starts another and names a contact.
    const edited = readFileSync(join(dir, 'register.csv'), 'utf8')
      .replace(/^(run-0001\/plan-1),open,/m, '$1,done,')
      .replace(/^(run-0001\/plan-3),open,(.*?),sre,,,/m, '$1,in progress,$2,sre,noc@example.org,2026-02-01,');
    writeFileSync(join(dir, 'edited.csv'), edited);
    const imported = drillbook(dir, 'drillbook.db', '--import', 'edited.csv');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out.trim().split('\n')).toEqual([
      `Data file: ${path}`,
      'run-0001/plan-1: status open -> done',
      'run-0001/plan-3: status open -> in progress',
      'run-0001/plan-3: contact (empty) -> noc@example.org',
      'run-0001/plan-3: start (empty) -> 2026-02-01',
      '4 change(s) to 2 corrective action(s).',
    ]);
    const after = parse(drillbook(dir, 'drillbook.db').out, { columns: true }) as Record<string, string>[];
    expect(after.map((r) => [r.id, r.status, r.contact, r.start, r.overdue])).toEqual([
      ['run-0001/plan-1', 'done', '', '', 'no'],
      ['run-0001/plan-2', 'open', '', '', 'no'],
      ['run-0001/plan-3', 'in progress', 'noc@example.org', '2026-02-01', 'no'],
    ]);
    expect(drillbook(dir, 'drillbook.db', '--status', 'in-progress,done').out.trim().split('\r\n').map((l) => l.split(',')[0])).toEqual(['id', 'run-0001/plan-1', 'run-0001/plan-3']);
    // The run's report, made from the data file, says where each item stands.
    const report = spawnSync(process.execPath, [join(repoRoot, 'bin/drillbook.js'), 'report', 'drillbook.db', '--session', 'run-0001', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(report.status).toBe(0);
    expect((JSON.parse(report.stdout) as { improvement_plan: { register?: { status: string } }[] }).improvement_plan.map((i) => i.register?.status)).toEqual(['done', 'open', 'in progress']);
    // The same file again changes nothing, and says so.
    expect(drillbook(dir, 'drillbook.db', '--import', 'edited.csv').out).toContain('No changes: ');
  });

  it('an import with an unknown id or a bad cell changes nothing and says where', async () => {
    const dir = tempDir();
    const { path } = await dataFile(dir);
    const csv = drillbook(dir, 'drillbook.db').out;
    const lines = csv.trimEnd().split('\r\n');
    writeFileSync(join(dir, 'bad.csv'), [
      lines[0],
      lines[1]!.replace(',open,', ',done,'),
      lines[2]!.replace('run-0001/plan-2', 'run-0009/plan-2'),
      lines[3]!.replace(',open,', ',closed,'),
    ].join('\r\n'));
    const before = fileHash(path);
    const refused = drillbook(dir, 'drillbook.db', '--import', 'bad.csv');
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('bad.csv was not imported; nothing was changed');
    expect(refused.err).toContain("row 4, column status (B): 'closed' is not a status");
    // Fix the status: the unknown id alone still refuses the lot.
    writeFileSync(join(dir, 'bad.csv'), [lines[0], lines[1]!.replace(',open,', ',done,'), lines[2]!.replace('run-0001/plan-2', 'run-0009/plan-2')].join('\r\n'));
    const unknown = drillbook(dir, 'drillbook.db', '--import', 'bad.csv');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("row 3, column id: There is no corrective action 'run-0009/plan-2'");
    writeFileSync(join(dir, 'broken.csv'), `${lines[0]}\r\n"run-0001/plan-1,done\r\n`);
    const broken = drillbook(dir, 'drillbook.db', '--import', 'broken.csv');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/not valid CSV: Quote Not Closed/);
    writeFileSync(join(dir, 'nohead.csv'), 'id,state\r\nrun-0001/plan-1,done\r\n');
    expect(drillbook(dir, 'drillbook.db', '--import', 'nohead.csv').err).toContain("row 1, column status: The header has no 'status' column");
    expect(fileHash(path)).toBe(before);
    expect((parse(drillbook(dir, 'drillbook.db').out, { columns: true }) as Record<string, string>[]).map((r) => r.status)).toEqual(['open', 'open', 'open']);
    // Usage mistakes are named.
    expect(drillbook(dir, 'drillbook.db', '--import', 'bad.csv', '--out', 'x.csv')).toMatchObject({ code: 2 });
    expect(drillbook(dir, 'drillbook.db', '--format', 'xml')).toMatchObject({ code: 2 });
    expect(drillbook(dir, 'missing.db')).toMatchObject({ code: 1, err: expect.stringContaining('There is no Drillbook data file') });
  });
});
