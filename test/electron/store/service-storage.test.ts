// The application service (core/service) on the SQLite store: what it records survives closing
// the file, and a session that was running comes back paused.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/index.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { contentHash, createServiceStorage, openStore } from '../../../electron/store/index.ts';
import { QUICK_SCENARIO } from '../host/quick-scenario.ts';
import { tempDir, track } from './helpers.ts';

function service(path: string) {
  const store = track(openStore(path));
  const timers = new VirtualTimers(0);
  const app = new AppService({ storage: createServiceStorage(store), timers, wall: () => 1_790_000_000_000 + timers.now(), newId: () => randomBytes(12).toString('hex') });
  return { store, timers, app, bridge: new InProcessBridge(app) };
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('createServiceStorage', () => {
  it('keeps the library, the sessions and their events across a restart', async () => {
    const path = join(tempDir(), 'app.db');
    const first = service(path);
    const entry = await must(first.bridge.request('library.import', { fileName: 'quick.yaml', text: QUICK_SCENARIO }));
    const session = await must(
      first.bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }], roomScreen: true, seating: 'own-devices' }),
    );
    await must(first.bridge.request('live.dispatch', { sessionId: session.sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
    first.timers.advanceBy(2500);
    await must(first.bridge.request('live.dispatch', { sessionId: session.sessionId, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'severity', answer: 'sev1' } }));
    const eventsBefore = first.store.events.load(session.sessionId);
    expect(first.store.sessions.get(session.sessionId)).toMatchObject({ status: 'running', facilitator: 'Ada', entryId: entry.entryId, roomScreen: true, seating: 'own-devices' });
    first.app.dispose();
    first.store.close();

    const second = service(path);
    const library = await must(second.bridge.request('library.list', {}));
    expect(library.find((e) => e.entryId === entry.entryId)).toMatchObject({ fileName: 'quick.yaml', contentHash: contentHash(QUICK_SCENARIO), source: 'imported' });
    // Listing reads and writes nothing: the log still says running until the session is recovered
    // (ServiceHost does that at start-up; here, opening it does).
    const listed = await must(second.bridge.request('sessions.list', {}));
    expect(listed.map((s) => [s.sessionId, s.status])).toEqual([[session.sessionId, 'running']]);
    expect(second.store.events.load(session.sessionId)).toEqual(eventsBefore);
    await must(second.bridge.request('sessions.open', { sessionId: session.sessionId }));
    const sessions = await must(second.bridge.request('sessions.list', {}));
    expect(sessions.map((s) => s.sessionId)).toEqual([session.sessionId]);
    // It was running when the process stopped: it comes back paused, nothing lost.
    expect(sessions[0]).toMatchObject({ status: 'paused', facilitator: 'Ada', roomScreen: true, seating: 'own-devices' });
    const after = second.store.events.load(session.sessionId);
    expect(after.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(after.slice(eventsBefore.length).map((e) => e.type)).toEqual(['session.recovered', 'session.paused']);
    const debrief = await must(second.bridge.request('debrief.get', { sessionId: session.sessionId }));
    expect(debrief.prompts.find((p) => p.id === 'severity')?.answer).toBe('sev1');
    second.app.dispose();
  });

  it('stores one copy of a text however many entries and sessions share it', () => {
    const store = track(openStore(join(tempDir(), 'app.db')));
    const storage = createServiceStorage(store);
    const hash = contentHash(QUICK_SCENARIO);
    storage.scenarios.save({ entryId: 'a', source: 'imported', fileName: 'quick.yaml', text: QUICK_SCENARIO, contentHash: hash, importedAt: 1 }, { savedAt: 1, note: '', ready: true });
    storage.scenarios.save({ entryId: 'b', source: 'imported', fileName: 'quick (copy).yaml', text: QUICK_SCENARIO, contentHash: hash, importedAt: 2 }, { savedAt: 1, note: '', ready: true });
    storage.sessions.put({ sessionId: 'abcdef0123456789', entryId: 'b', scenarioText: QUICK_SCENARIO, scenarioFileName: 'quick.yaml', contentHash: hash, createdAt: 3, roomScreen: false, seating: 'hot-seat' });
    expect(storage.scenarios.list().map((s) => [s.entryId, s.fileName])).toEqual([
      ['a', 'quick.yaml'],
      ['b', 'quick (copy).yaml'],
    ]);
    expect(store.scenarios.list()).toHaveLength(1);
    expect(storage.sessions.get('abcdef0123456789')).toMatchObject({ entryId: 'b', scenarioText: QUICK_SCENARIO, contentHash: hash });
    expect(storage.sessions.get('missing-session')).toBeUndefined();
    expect(() =>
      storage.sessions.put({ sessionId: 'bad-hash-session', entryId: 'b', scenarioText: QUICK_SCENARIO, scenarioFileName: 'q.yaml', contentHash: '0'.repeat(64), createdAt: 4, roomScreen: false, seating: 'hot-seat' }),
    ).toThrow(/does not match its content hash/);
  });
});
