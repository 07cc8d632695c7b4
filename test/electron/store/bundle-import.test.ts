// Bringing runs together (issue 18, item 5): bundles from other facilitators imported into a data
// file through the Bridge (sessions.importBundles on the host's importer), read-only, de-duplicated
// by session id, shown in History (sessions.list) with their origin, refused every change, and
// included in trends. Real bundles of real sessions, real SQLite files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/index.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { importBundleFile } from '../../../electron/host/bundle-review.ts';
import { createServiceStorage, exportSessionBundle, importSessionBundle, openStore, type Store } from '../../../electron/store/index.ts';
import { QUICK_SCENARIO } from '../host/quick-scenario.ts';
import { twoSessions } from './bundle-fixture.ts';
import { tempDir, track } from './helpers.ts';

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function serviceOn(store: Store, wallStart = 1_795_000_000_000) {
  const timers = new VirtualTimers(0);
  let n = 0;
  const app = new AppService({
    storage: createServiceStorage(store), timers, wall: () => wallStart + timers.now(),
    newId: () => `local-${(++n).toString().padStart(4, '0')}-abcdefghij`,
    importBundle: (fileName, base64) => importBundleFile(store, fileName, base64, () => wallStart),
  });
  return { app, bridge: new InProcessBridge(app), timers };
}

const counts = (store: Store) => ({
  sessions: Number(store.db.prepare('SELECT count(*) FROM sessions').pluck().get()),
  events: Number(store.db.prepare('SELECT count(*) FROM events').pluck().get()),
  scenarios: Number(store.db.prepare('SELECT count(*) FROM scenarios').pluck().get()),
  plan: Number(store.db.prepare('SELECT count(*) FROM improvement_items').pluck().get()),
});

async function bundlesAndTarget() {
  const source = await twoSessions();
  const keptPath = join(source.dir, 'team-a.drillbook');
  const otherPath = join(source.dir, 'team-b.drillbook');
  exportSessionBundle(source.store, source.kept.id, keptPath, { appVersion: '1.2.3', now: () => 1_791_000_000_000 });
  exportSessionBundle(source.store, source.other.id, otherPath, { appVersion: '1.2.3', now: () => 1_791_000_000_000 });
  // The training lead's own data file, with a run of its own of the same scenario.
  const target = track(openStore(join(tempDir(), 'lead.db'), { backupOnOpen: false }));
  const { app, bridge, timers } = serviceOn(target);
  const entry = await must(bridge.request('library.import', { fileName: 'quick.yaml', text: QUICK_SCENARIO }));
  const own = await must(bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Lead', participants: [{ name: 'Mo', roles: ['ic'] }] }));
  await must(bridge.request('live.dispatch', { sessionId: own.sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
  timers.advanceBy(2000);
  await must(bridge.request('live.dispatch', { sessionId: own.sessionId, actor: 'facilitator', command: { type: 'session.end' } }));
  const files = [
    { fileName: 'team-a.drillbook', content: readFileSync(keptPath).toString('base64') },
    { fileName: 'team-b.drillbook', content: readFileSync(otherPath).toString('base64') },
  ];
  return { source, target, app, bridge, own: own.sessionId, files, keptPath };
}

describe('importing session bundles into History', () => {
  it('imports each session once: importing again adds nothing, a local id is never overwritten', async () => {
    const { source, target, bridge, files, keptPath, app } = await bundlesAndTarget();
    const before = counts(target);
    const first = await must(bridge.request('sessions.importBundles', { files }));
    expect(first).toEqual([
      { fileName: 'team-a.drillbook', sessionId: source.kept.id, outcome: 'imported' },
      { fileName: 'team-b.drillbook', sessionId: source.other.id, outcome: 'imported' },
    ]);
    const once = counts(target);
    expect(once.sessions).toBe(before.sessions + 2);
    expect(once.events).toBeGreaterThan(before.events);
    expect(once.plan).toBe(before.plan + 2);
    // The same scenario text is kept once.
    expect(once.scenarios).toBe(before.scenarios);

    const again = await must(bridge.request('sessions.importBundles', { files }));
    expect(again.map((r) => r.outcome)).toEqual(['already-imported', 'already-imported']);
    expect(counts(target)).toEqual(once);

    // Into the file the session came from: its own run is there already and stays as it is.
    const sourceBefore = counts(source.store);
    const sourceEvents = JSON.stringify(source.store.events.load(source.kept.id));
    expect(importSessionBundle(source.store, keptPath)).toEqual({ sessionId: source.kept.id, outcome: 'exists-locally' });
    expect(counts(source.store)).toEqual(sourceBefore);
    expect(JSON.stringify(source.store.events.load(source.kept.id))).toBe(sourceEvents);
    expect(source.store.imports.list()).toEqual([]);
    app.dispose();
  });

  it('refuses a file that is not a bundle, naming it, and keeps the others', async () => {
    const { bridge, target, files, app } = await bundlesAndTarget();
    const before = counts(target);
    const junk = { fileName: 'notes.drillbook', content: Buffer.from('this is not a database at all, just text\n'.repeat(20)).toString('base64') };
    const result = await must(bridge.request('sessions.importBundles', { files: [junk, files[0]!] }));
    expect(result[0]).toMatchObject({ fileName: 'notes.drillbook', sessionId: null, outcome: 'refused' });
    expect(result[0]?.message).toContain('notes.drillbook');
    expect(result[0]?.message).not.toContain('drillbook-import-');
    expect(result[1]?.outcome).toBe('imported');
    expect(counts(target).sessions).toBe(before.sessions + 1);
    app.dispose();
  });

  it('shows imported runs in History with their origin, read-only, and in trends and comparisons', async () => {
    const { source, target, bridge, files, own, app } = await bundlesAndTarget();
    await must(bridge.request('sessions.importBundles', { files }));
    const list = await must(bridge.request('sessions.list', {}));
    const kept = list.find((s) => s.sessionId === source.kept.id);
    expect(kept).toMatchObject({ readOnly: true, status: 'ended', origin: { bundleFile: 'team-a.drillbook', appVersion: '1.2.3', exportedAt: 1_791_000_000_000, importedAt: 1_795_000_000_000 } });
    expect(kept?.facilitator).toBe(`Ada ${source.kept.canary}`);
    expect(list.find((s) => s.sessionId === own)).not.toHaveProperty('origin');
    expect(list.find((s) => s.sessionId === own)?.readOnly).toBeUndefined();

    // Never writable: commands, ratings, plan and hotwash are refused, and nothing is appended.
    const events = target.events.load(source.kept.id).length;
    const refusals = await Promise.all([
      bridge.request('live.dispatch', { sessionId: source.kept.id, actor: 'facilitator', command: { type: 'note.add', tag: 'strength', text: 'mine now' } }),
      bridge.request('debrief.rate', { sessionId: source.kept.id, objective: 'respond', rating: 'U', reason: 'override' }),
      bridge.request('debrief.savePlan', { sessionId: source.kept.id, items: [] }),
      bridge.request('debrief.saveHotwash', { sessionId: source.kept.id, answers: [{ index: 0, answer: 'x' }] }),
    ]);
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('read-only');
        expect(r.error.message).toContain('team-a.drillbook');
      }
    }
    expect(target.events.load(source.kept.id)).toHaveLength(events);
    // Below the service too: the data file itself refuses an event for an imported session.
    const last = target.events.load(source.kept.id).at(-1)!;
    expect(() => target.events.append(source.kept.id, [{ ...last, seq: last.seq + 1 }])).toThrow(/read-only/);
    expect(target.events.load(source.kept.id)).toHaveLength(events);

    // Still read, re-scored and exported like any run.
    const debrief = await must(bridge.request('debrief.get', { sessionId: source.kept.id }));
    expect(debrief.session.facilitator).toBe(`Ada ${source.kept.canary}`);
    const report = await must(bridge.request('report.export', { sessionId: source.kept.id, format: 'html' }));
    expect(report.content).not.toContain('<img src=x');

    const trends = await must(bridge.request('sessions.trends', {}));
    expect(trends.runs.map((r) => r.sessionId).sort()).toEqual([own, source.kept.id, source.other.id].sort());
    expect(trends.runs.find((r) => r.sessionId === source.other.id)?.origin).toBe('team-b.drillbook');
    expect(trends.runs.find((r) => r.sessionId === own)?.origin).toBeNull();
    for (const series of trends.objectives) expect(series.points.map((p) => p.sessionId)).toContain(source.kept.id);

    const comparison = await must(bridge.request('sessions.compare', { sessionIds: [own, source.kept.id] }));
    expect(comparison.runs.map((r) => r.origin)).toEqual([null, 'team-a.drillbook']);
    app.dispose();

    // After a restart: still imported, still read-only.
    const again = serviceOn(target);
    const refused = await again.bridge.request('live.dispatch', { sessionId: source.kept.id, actor: 'facilitator', command: { type: 'session.end' } });
    expect(refused.ok ? null : refused.error.code).toBe('read-only');
    again.app.dispose();
  });

  it('says where import is done when the host has no importer', async () => {
    const store = track(openStore(join(tempDir(), 'plain.db'), { backupOnOpen: false }));
    const app = new AppService({ storage: createServiceStorage(store), timers: new VirtualTimers(0), wall: () => 0, newId: () => 'x-0000000000' });
    const r = await app.request('sessions.importBundles', { files: [{ fileName: 'a.drillbook', content: 'AAAA' }] });
    expect(r.ok ? null : r.error.code).toBe('unsupported');
    app.dispose();
  });
});

describe('an imported run bundled mid-exercise', () => {
  it('is not recovered at start-up (it was not interrupted here) and its log never grows', async () => {
    const { ServiceHost } = await import('../../../electron/host/service-host.ts');
    const dir = tempDir();
    const a = new ServiceHost(join(dir, 'a.db'), { backups: false, shipped: [], watch: { intervalMs: 0 } });
    const entry = await must(a.service.request('library.import', { fileName: 'quick.yaml', text: QUICK_SCENARIO }));
    const created = await must(a.service.request('sessions.create', { entryId: entry.entryId, facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }] }));
    await must(a.service.request('live.dispatch', { sessionId: created.sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
    exportSessionBundle(a.store, created.sessionId, join(dir, 'running.drillbook'));
    await a.close();

    const bPath = join(dir, 'b.db');
    const b = new ServiceHost(bPath, { backups: false, shipped: [], watch: { intervalMs: 0 } });
    const result = await must(b.service.request('sessions.importBundles', { files: [{ fileName: 'running.drillbook', content: readFileSync(join(dir, 'running.drillbook')).toString('base64') }] }));
    expect(result[0]?.outcome).toBe('imported');
    const events = b.store.events.load(created.sessionId).length;
    const listed = (await must(b.service.request('sessions.list', {}))).find((s) => s.sessionId === created.sessionId);
    expect(listed).toMatchObject({ status: 'running', readOnly: true });
    await b.close();

    const again = new ServiceHost(bPath, { backups: false, shipped: [], watch: { intervalMs: 0 } });
    try {
      expect(again.recovered).toEqual([]);
      // Opening it runs no clock and writes nothing; a pause is refused like any change.
      await must(again.service.request('sessions.open', { sessionId: created.sessionId }));
      const pause = await again.service.request('live.dispatch', { sessionId: created.sessionId, actor: 'facilitator', command: { type: 'session.pause' } });
      expect(pause.ok ? null : pause.error.code).toBe('read-only');
      expect(again.pauseRunning('suspend')).toEqual([]);
      expect(again.store.events.load(created.sessionId)).toHaveLength(events);
    } finally {
      await again.close();
    }
  });
});
