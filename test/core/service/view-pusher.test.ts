// Coalesced view pushes, on virtual time: the pusher alone, then inside the AppService (the
// acknowledgement comes back before any view is projected; a burst is one push; the host's own
// pause is recorded as `system` with its reason).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Audience, Projection, FacilitatorView } from '../../../core/engine/projections.ts';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import type { BridgeUpdate } from '../../../core/protocol/bridge.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { timerHostScheduler, ViewPusher } from '../../../core/service/view-pusher.ts';

/** A view source that counts projections and returns a token naming the audience and version. */
function source(timers?: VirtualTimers) {
  let version = 0;
  let costMs = 0;
  const calls: string[] = [];
  return {
    bump: () => void version++,
    /** Each projection takes this long on the virtual clock (a long session, a slow machine). */
    slow: (ms: number) => void (costMs = ms),
    calls,
    view: (audience: Audience) => {
      const key = audience.kind === 'role' ? `role:${audience.role}` : audience.kind;
      calls.push(key);
      if (costMs > 0) timers?.advanceBy(costMs);
      return { key, version } as unknown as Projection;
    },
  };
}

const versions = (seen: unknown[]) => seen.map((v) => (v as { version: number }).version);

describe('ViewPusher', () => {
  it('pushes the current view on subscribe, then once after a burst of changes, never inside the change', () => {
    const timers = new VirtualTimers();
    const src = source();
    const pusher = new ViewPusher(src, timerHostScheduler(timers), 16);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'facilitator' }, (v) => seen.push(v));
    expect(seen).toEqual([{ key: 'facilitator', version: 0 }]);
    for (let i = 0; i < 50; i++) {
      src.bump();
      pusher.changed();
    }
    expect(seen).toHaveLength(1); // the acknowledgement goes first
    timers.advanceBy(0);
    expect(seen).toEqual([{ key: 'facilitator', version: 0 }, { key: 'facilitator', version: 50 }]);
    expect(pusher.pushes).toBe(1);
    pusher.stop();
  });

  it('projects once per audience, however many subscribers share it', () => {
    const timers = new VirtualTimers();
    const src = source();
    const pusher = new ViewPusher(src, timerHostScheduler(timers), 16);
    for (let i = 0; i < 3; i++) pusher.subscribe({ kind: 'role', role: 'ic' }, () => {});
    pusher.subscribe({ kind: 'room' }, () => {});
    src.calls.length = 0;
    pusher.changed();
    timers.advanceBy(0);
    expect(src.calls.sort()).toEqual(['role:ic', 'room']);
    pusher.stop();
  });

  it('a change soon after a push waits for the interval, then goes out', () => {
    const timers = new VirtualTimers(1000);
    const src = source();
    const pusher = new ViewPusher(src, timerHostScheduler(timers), 40);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'room' }, (v) => seen.push(v));
    pusher.changed();
    timers.advanceBy(0);
    src.bump();
    pusher.changed();
    timers.advanceBy(39);
    expect(versions(seen)).toEqual([0, 0]); // the second change is held back
    timers.advanceBy(1);
    expect(versions(seen)).toEqual([0, 0, 1]);
    pusher.stop();
  });

  it('stretches the interval to four times a slow push, so pushes cannot crowd out commands', () => {
    const timers = new VirtualTimers(1000);
    const src = source(timers);
    const pusher = new ViewPusher(src, timerHostScheduler(timers), 1);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'room' }, (v) => seen.push(v));
    src.slow(20);
    src.bump();
    pusher.changed();
    timers.advanceBy(0);
    expect(versions(seen)).toEqual([0, 1]);
    src.bump();
    pusher.changed();
    timers.advanceBy(79);
    expect(versions(seen)).toEqual([0, 1]); // held back for four times the 20 ms the last push took
    timers.advanceBy(1);
    expect(versions(seen)).toEqual([0, 1, 2]);
    pusher.stop();
  });

  it('a push that would still be projecting when a delivery falls due steps aside until that delivery is committed', () => {
    const timers = new VirtualTimers(1000);
    const src = source(timers);
    let dueAt: number | null = null;
    const pusher = new ViewPusher({ view: src.view, nextChangeIn: () => (dueAt === null ? null : dueAt - timers.now()) }, timerHostScheduler(timers), 16);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'facilitator' }, (v) => seen.push(v));
    src.slow(8);
    src.bump();
    pusher.changed();
    timers.advanceBy(0); // a push that took 8 ms
    expect(versions(seen)).toEqual([0, 1]);
    // A decision 40 ms later; a delivery falls due 5 ms after that, within the 8 ms a push takes.
    timers.advanceBy(40);
    dueAt = timers.now() + 5;
    src.bump();
    pusher.changed();
    timers.advanceBy(4);
    expect(versions(seen)).toEqual([0, 1]); // held
    timers.advanceBy(1);
    dueAt = timers.now() + 60; // the delivery is committed: the next one is far off
    src.bump();
    pusher.changed();
    timers.advanceBy(0);
    expect(versions(seen)).toEqual([0, 1, 3]);
  });

  it('never holds the screens back longer than a quarter of a second, however fast deliveries come', () => {
    const timers = new VirtualTimers(1000);
    const src = source(timers);
    // A delivery always due within the next millisecond: injects faster than views can be projected.
    const pusher = new ViewPusher({ view: src.view, nextChangeIn: () => 0.5 }, timerHostScheduler(timers), 16);
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'facilitator' }, (v) => seen.push(v));
    const start = timers.now();
    let pushedAt: number | null = null;
    for (let t = 0; t < 400 && pushedAt === null; t += 10) {
      src.bump();
      pusher.changed(); // each delivery's commit
      timers.advanceBy(10);
      if (seen.length > 1) pushedAt = timers.now();
    }
    expect(pushedAt).not.toBeNull();
    expect(pushedAt! - start).toBeGreaterThanOrEqual(250);
    expect(pushedAt! - start).toBeLessThanOrEqual(260);
  });

  it('stops pushing when stopped, and a throwing listener does not starve the others', () => {
    const timers = new VirtualTimers();
    const src = source();
    const errors: unknown[] = [];
    const pusher = new ViewPusher(src, timerHostScheduler(timers), 16, (e) => errors.push(e));
    const seen: unknown[] = [];
    pusher.subscribe({ kind: 'room' }, () => {
      throw new Error('a broken window');
    });
    pusher.subscribe({ kind: 'room' }, (v) => seen.push(v));
    src.bump();
    pusher.changed();
    timers.advanceBy(0);
    expect(versions(seen)).toEqual([0, 1]);
    expect(errors).toHaveLength(2);
    src.bump();
    pusher.changed();
    pusher.stop();
    timers.advanceBy(100);
    expect(versions(seen)).toEqual([0, 1]);
  });

  // Issue 14 item 20: a saved note must reach the console however the pushes were coalesced.
  it('a change made while a push is going out (a listener dispatching) goes out in the next push', () => {
    const timers = new VirtualTimers(1000);
    const src = source();
    const pusher = new ViewPusher(src, timerHostScheduler(timers), 16);
    const first: unknown[] = [];
    const second: unknown[] = [];
    let reacted = false;
    pusher.subscribe({ kind: 'facilitator' }, (v) => {
      first.push(v);
      if (versions([v])[0] === 1 && !reacted) {
        reacted = true;
        src.bump();
        pusher.changed();
      }
    });
    pusher.subscribe({ kind: 'facilitator' }, (v) => second.push(v));
    src.bump();
    pusher.changed();
    timers.advanceBy(16);
    expect(reacted).toBe(true);
    expect(versions(first).at(-1)).toBe(2);
    expect(versions(second).at(-1)).toBe(2);
    pusher.stop();
  });

  it('every subscriber ends on the latest view, however changes, slow pushes and due deliveries interleave', () => {
    // A small deterministic generator: the same interleavings on every run.
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const timers = new VirtualTimers(1000);
      const src = source(timers);
      let dueAt: number | null = null;
      const pusher = new ViewPusher({ view: src.view, nextChangeIn: () => (dueAt === null ? null : dueAt - timers.now()) }, timerHostScheduler(timers), 16);
      const seen: unknown[][] = [[], [], []];
      pusher.subscribe({ kind: 'facilitator' }, (v) => seen[0]!.push(v));
      pusher.subscribe({ kind: 'room' }, (v) => seen[1]!.push(v));
      pusher.subscribe({ kind: 'role', role: 'ic' }, (v) => seen[2]!.push(v));
      let latest = 0;
      for (let step = 0; step < 30; step++) {
        const r = random();
        if (r < 0.5) {
          src.bump();
          latest += 1;
          pusher.changed();
        } else if (r < 0.7) {
          src.slow(Math.floor(random() * 40)); // the machine is busy: projecting takes longer
        } else if (r < 0.85) {
          dueAt = random() < 0.3 ? null : timers.now() + random() * 30 - 10; // a delivery due soon, or late
        }
        timers.advanceBy(Math.floor(random() * 25));
      }
      dueAt = null;
      timers.advanceBy(1000);
      for (const views of seen) expect(versions(views).at(-1), `round ${round}`).toBe(latest);
      pusher.stop();
    }
  });
});

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const recsys = { fileName: 'recsys-null-results.yaml', text: readFileSync(join(SCENARIOS, 'recsys-null-results.yaml'), 'utf8') };

describe('AppService with coalesced views', () => {
  async function running() {
    const timers = new VirtualTimers();
    const storage = createMemoryStorage();
    const service = new AppService({
      storage, timers, shipped: [recsys], wall: () => 1_700_000_000_000 + timers.now(), newId: () => 's1',
      views: { scheduler: timerHostScheduler(timers), intervalMs: 16 },
    });
    const created = await service.request('sessions.create', { entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [{ name: 'Ada', roles: ['ic'] }] });
    if (!created.ok) throw new Error(created.error.message);
    const updates: BridgeUpdate[] = [];
    service.subscribe({ sessionId: 's1', audience: 'facilitator' }, (u) => updates.push(u));
    const start = await service.request('live.dispatch', { sessionId: 's1', actor: 'facilitator', command: { type: 'session.start' } });
    expect(start.ok).toBe(true);
    return { timers, storage, service, updates };
  }
  const clock = (u: BridgeUpdate | undefined) => (u?.kind === 'projection' ? (u.projection as FacilitatorView).clock : null);

  it('acknowledges before projecting, and pushes one view for a burst of decisions', async () => {
    const { timers, service, updates } = await running();
    expect(updates).toHaveLength(1); // the view on subscribe; the start is not pushed inside its acknowledgement
    timers.advanceBy(1);
    expect(clock(updates.at(-1))?.status).toBe('running');
    const pushed = updates.length;
    for (let i = 0; i < 20; i++) {
      const ack = await service.request('live.dispatch', { sessionId: 's1', actor: 'role:ic', command: { type: 'chat.post', text: `update ${i}` } });
      expect(ack.ok).toBe(true);
    }
    expect(updates).toHaveLength(pushed);
    timers.advanceBy(16);
    expect(updates).toHaveLength(pushed + 1);
    const last = updates.at(-1);
    expect(last?.kind === 'projection' && (last.projection as FacilitatorView).chat.filter((c) => c.text.startsWith('update '))).toHaveLength(20);
  });

  it('pauses every running session as the system, with the reason, when the host says so', async () => {
    const { timers, storage, service, updates } = await running();
    timers.advanceBy(5000);
    expect(service.pauseRunning('suspend')).toEqual(['s1']);
    expect(storage.events.load('s1').at(-1)).toMatchObject({ type: 'session.paused', actor: 'system', payload: { reason: 'suspend' } });
    // Nothing more to pause: the one session is paused already.
    expect(service.pauseRunning('clock-jump')).toEqual([]);
    timers.advanceBy(16);
    expect(clock(updates.at(-1))).toMatchObject({ status: 'paused', pausedFor: 'suspend' });
  });
});
