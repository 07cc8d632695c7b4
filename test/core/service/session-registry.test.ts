// The session registry keeps running sessions open, and lets go of the least recently used
// sessions at rest (ended, or reviews) that nobody watches beyond `keepAtRest`.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import type { BridgeUpdate } from '../../../core/protocol/bridge.ts';
import { AppService, reviewIdOf } from '../../../core/service/app-service.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const recsys = { fileName: 'recsys-null-results.yaml', text: readFileSync(join(SCENARIOS, 'recsys-null-results.yaml'), 'utf8') };

function setup(keepAtRest: number) {
  const timers = new VirtualTimers();
  const storage = createMemoryStorage();
  let n = 0;
  const service = new AppService({ storage, timers, shipped: [recsys], wall: () => 1_700_000_000_000 + timers.now(), newId: () => `s${++n}`, keepAtRest });
  const create = async () => {
    const created = await service.request('sessions.create', { entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [{ name: 'Ada', roles: ['ic'] }] });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.sessionId;
  };
  const command = async (sessionId: string, type: 'session.start' | 'session.end') => {
    const done = await service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type } });
    if (!done.ok) throw new Error(done.error.message);
  };
  const ended = async () => {
    const id = await create();
    await command(id, 'session.start');
    timers.advanceBy(1000);
    await command(id, 'session.end');
    return id;
  };
  return { timers, storage, service, create, command, ended };
}

describe('SessionRegistry', () => {
  it('lets go of the least recently used ended sessions beyond keepAtRest, never a running one', async () => {
    const { service, create, command, ended } = setup(2);
    const running = await create();
    await command(running, 'session.start');
    const notStarted = await create();
    const a = await ended();
    const b = await ended();
    const c = await ended();
    const d = await ended();
    expect(service.sessions.openIds()).toEqual([running, notStarted, c, d]);
    expect(service.sessions.peek(a)).toBeUndefined();
    expect(service.sessions.peek(b)).toBeUndefined();
    expect(service.sessions.peek(running)?.runtime.state.status).toBe('running');
  });

  it('reopens a session it let go from storage, as it was, without writing', async () => {
    const { service, storage, ended } = setup(1);
    const a = await ended();
    const before = await service.request('debrief.get', { sessionId: a });
    const eventsBefore = storage.events.load(a).length;
    await ended();
    expect(service.sessions.peek(a)).toBeUndefined();
    const opened = await service.request('sessions.open', { sessionId: a });
    expect(opened.ok && opened.value.status).toBe('ended');
    expect(opened.ok && opened.value.eventCount).toBe(eventsBefore);
    expect(storage.events.load(a)).toHaveLength(eventsBefore);
    expect(await service.request('debrief.get', { sessionId: a })).toEqual(before);
    // The use made it the most recent: the other one goes instead.
    expect(service.sessions.openIds()).toEqual([a]);
  });

  it('keeps a watched session at rest open, and lets it go once nobody watches', async () => {
    const { service, ended } = setup(1);
    const a = await ended();
    const updates: BridgeUpdate[] = [];
    const stop = service.subscribe({ sessionId: a, audience: 'facilitator' }, (u) => updates.push(u));
    expect(updates.at(-1)?.kind).toBe('projection');
    const b = await ended();
    const c = await ended();
    expect(service.sessions.openIds()).toEqual([a, c]);
    expect(service.sessions.peek(b)).toBeUndefined();
    stop();
    stop();
    expect(service.sessions.openIds()).toEqual([c]);
    // A plan saved after the watcher left reaches the log all the same (the session reopens).
    const saved = await service.request('debrief.savePlan', { sessionId: a, items: [{ id: 'new', issue: 'Paging', corrective_action: 'Runbook', owner: '', due: '', objective: null }] });
    expect(saved.ok && saved.value.map((i) => i.issue)).toEqual(['Paging']);
  });

  it('lets go of old reviews, and says how to open one again', async () => {
    const { service, storage, ended } = setup(2);
    const ids = [await ended(), await ended(), await ended()];
    const reviews = ids.map((id) => service.openReview({ record: storage.sessions.get(id)!, events: storage.events.load(id) }));
    expect(reviews.every((r) => r.ok && r.value.readOnly)).toBe(true);
    const first = reviewIdOf(ids[0]!);
    expect(service.sessions.peek(first)).toBeUndefined();
    const gone = await service.request('debrief.get', { sessionId: first });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!gone.ok) expect(gone.error.message).toMatch(/no longer open.*Open the \.drillbook file again/);
    const kept = await service.request('debrief.get', { sessionId: reviewIdOf(ids[2]!) });
    expect(kept.ok).toBe(true);
  });

  it('never lets go of a running, paused or unstarted session, however many there are', async () => {
    const { service, create, command } = setup(1);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await create();
      if (i % 3 !== 0) await command(id, 'session.start');
      if (i === 2) await service.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.pause' } });
      ids.push(id);
    }
    expect(service.sessions.openIds()).toEqual(ids);
  });
});
