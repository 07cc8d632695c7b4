// The runtime: persist before acknowledging, no state change when the store fails, pushes each
// subscriber its own view, keeps exercise time from control events, and recovers from the store.
import { describe, expect, it } from 'vitest';
import { MemoryEventStore, recoverRuntime, reduce, SessionRuntime, VirtualTimers, type ClockCheckpoint, type EventStore, type Projection, type SessionEvent } from '../../../core/engine/index.ts';
import { at, harness, inject, prompt, scenario } from './helpers.ts';

const sc = scenario({
  injects: [
    inject({ id: 'a', trigger: at(60), to: ['ic'], prompts: [prompt({ id: 'pa', role: 'ic', type: 'choice' })] }),
    inject({ id: 'b', trigger: at(120), to: ['eng'] }),
    inject({ id: 'c', trigger: at(3000), to: ['ic'] }),
  ],
});

describe('persistence', () => {
  it('appends the events to the store before acknowledging', () => {
    const seen: number[] = [];
    const store: EventStore = {
      append: (_id, events) => void seen.push(...events.map((e) => e.seq)),
      load: () => [],
    };
    const timers = new VirtualTimers();
    const runtime = new SessionRuntime({ scenario: sc, sessionId: 'x', store, timers, wall: () => 0 });
    const result = runtime.dispatch('facilitator', { type: 'session.start' });
    expect(result.ok && result.events.map((e) => e.seq)).toEqual([1]);
    expect(seen).toEqual([1]);
  });

  it('rejects with the store’s message and changes nothing when the store throws', () => {
    const h = harness(sc);
    h.to(60);
    const before = structuredClone({ events: h.runtime.events, state: h.runtime.state });
    const pushes: Projection[] = [];
    h.runtime.subscribe({ kind: 'facilitator' }, (v) => pushes.push(v));
    h.store.failNext = new Error('The disk is full: free some space and try again.');
    const result = h.run('role:ic', { type: 'prompt.answer', prompt: 'pa', answer: 'a' });
    expect(result).toEqual({ ok: false, rejection: { code: 'store-failed', message: 'The disk is full: free some space and try again.' } });
    expect(h.runtime.events).toEqual(before.events);
    expect(h.runtime.state).toEqual(before.state);
    expect(pushes).toHaveLength(1); // the initial view only
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'pa', answer: 'a' });
    expect(h.store.load('s1')).toEqual(h.runtime.events);
  });

  it('retries a scheduled delivery the store refused, and delivers it exactly once', () => {
    const errors: unknown[] = [];
    const timers = new VirtualTimers();
    const store = new MemoryEventStore();
    const runtime = new SessionRuntime({ scenario: sc, sessionId: 'x', store, timers, wall: () => 0, onError: (e) => errors.push(e), retryMs: 500 });
    runtime.dispatch('facilitator', { type: 'session.start' });
    timers.advanceTo(59_000);
    store.failNext = new Error('database is locked');
    timers.advanceTo(60_000);
    expect(errors).toHaveLength(1);
    expect(runtime.state.injects.get('a')?.delivered).toBeNull();
    timers.advanceTo(60_500);
    const deliveries = store.load('x').filter((e) => e.type === 'inject.delivered');
    expect(deliveries.map((e) => [(e.payload as { inject: string }).inject, e.at])).toEqual([['a', 60_000]]);
  });
});

describe('the clock', () => {
  it('pausing for any wall time changes no exercise time; speed scales it', () => {
    const h = harness(sc);
    h.timers.advanceBy(30_000);
    expect(h.runtime.now()).toBe(30_000);
    h.ok('facilitator', { type: 'session.pause' });
    h.timers.advanceBy(7 * 3600_000);
    expect(h.runtime.now()).toBe(30_000);
    expect(h.delivered()).toEqual([]);
    h.ok('facilitator', { type: 'session.resume' });
    h.ok('facilitator', { type: 'session.speed', speed: 2 });
    h.timers.advanceBy(15_000); // 30 s of exercise at 2x
    expect(h.runtime.now()).toBe(60_000);
    expect(h.delivered()).toEqual([{ inject: 'a', at: 60_000 }]);
    h.ok('facilitator', { type: 'session.speed', speed: 0.25 });
    h.timers.advanceBy(240_000); // 60 s of exercise at 0.25x
    expect(h.runtime.now()).toBe(120_000);
    expect(h.delivered().map((d) => d.inject)).toEqual(['a', 'b']);
  });

  it('records a delivery at its due time even when the host’s timer fires late', () => {
    const inner = new VirtualTimers();
    const late = { now: () => inner.now(), setTimer: (t: number, fn: () => void) => inner.setTimer(t + 37, fn), clearTimer: (h: unknown) => inner.clearTimer(h) };
    const runtime = new SessionRuntime({ scenario: sc, sessionId: 'x', store: new MemoryEventStore(), timers: late, wall: () => 0 });
    runtime.dispatch('facilitator', { type: 'session.start' });
    inner.advanceTo(200_000);
    expect(runtime.events.filter((e) => e.type === 'inject.delivered').map((e) => e.at)).toEqual([60_000, 120_000]);
  });

  it('sets one timer at a time, none while paused or when nothing is due', () => {
    const h = harness(sc);
    expect(h.timers.pending).toBe(1);
    h.ok('facilitator', { type: 'session.pause' });
    expect(h.timers.pending).toBe(0);
    h.ok('facilitator', { type: 'session.resume' });
    h.to(3000);
    expect(h.timers.pending).toBe(0);
  });
});

describe('subscriptions', () => {
  it('pushes each audience its own view after every change, and stops after unsubscribing', () => {
    const h = harness(sc);
    const ic: Projection[] = [];
    const eng: Projection[] = [];
    const stop = h.runtime.subscribe({ kind: 'role', role: 'ic' }, (v) => ic.push(v));
    h.runtime.subscribe({ kind: 'role', role: 'eng' }, (v) => eng.push(v));
    h.to(60);
    const last = ic.at(-1);
    expect(last?.audience).toBe('role');
    if (last?.audience === 'role') expect(last.injects.map((i) => i.id)).toEqual(['a']);
    const lastEng = eng.at(-1);
    if (lastEng?.audience === 'role') expect(lastEng.injects).toEqual([]);
    stop();
    const count = ic.length;
    h.to(120);
    expect(ic.length).toBe(count);
    const engNow = eng.at(-1);
    if (engNow?.audience === 'role') expect(engNow.injects.map((i) => i.id)).toEqual(['b']);
  });
});

describe('robustness', () => {
  it('a listener that throws does not undo the acknowledged command or starve the others', () => {
    const errors: unknown[] = [];
    const timers = new VirtualTimers();
    const runtime = new SessionRuntime({ scenario: sc, sessionId: 'x', store: new MemoryEventStore(), timers, wall: () => 0, onError: (e) => errors.push(e) });
    let calls = 0;
    runtime.subscribe({ kind: 'room' }, () => {
      calls++;
      if (calls > 1) throw new Error('window closed');
    });
    const room: Projection[] = [];
    runtime.subscribe({ kind: 'room' }, (v) => room.push(v));
    const result = runtime.dispatch('facilitator', { type: 'session.start' });
    expect(result.ok).toBe(true);
    expect(runtime.state.status).toBe('running');
    expect(errors).toHaveLength(1);
    expect(room.at(-1)?.clock.status).toBe('running');
  });

  it('a malformed command that skipped the boundary schema is refused, not thrown', () => {
    const h = harness(sc);
    const bad = JSON.parse('{"type":"session.setup"}');
    expect(h.run('facilitator', bad)).toMatchObject({ ok: false, rejection: { code: 'invalid' } });
  });

  it('the facilitator view carries live scores', () => {
    const h = harness(sc);
    h.to(60);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'pa', answer: 'a' });
    const view = h.runtime.view({ kind: 'facilitator' });
    expect(view?.audience === 'facilitator' && view.scores.prompts.map((p) => [p.id, p.answer])).toEqual([['pa', 'a']]);
  });
});

describe('recovery', () => {
  it('comes back paused at the last exercise time with a recovered event, then resumes', () => {
    const h = harness(sc);
    h.to(60);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'pa', answer: 'b' });
    h.timers.advanceBy(5_000); // time passes after the last event, then the process dies
    h.runtime.dispose();

    const timers = new VirtualTimers(1_000_000);
    const runtime = recoverRuntime({ scenario: sc, sessionId: 's1', store: h.store, timers, wall: () => 0 });
    const tail = runtime.events.slice(-2);
    expect(tail.map((e) => [e.type, e.at, e.actor])).toEqual([['session.recovered', 60_000, 'system'], ['session.paused', 60_000, 'system']]);
    expect(runtime.state.status).toBe('paused');
    expect(runtime.state.pauses.at(-1)?.reason).toBe('recovered');
    expect(runtime.now()).toBe(60_000);
    expect(h.store.load('s1')).toEqual(runtime.events);
    runtime.dispatch('facilitator', { type: 'session.resume' });
    timers.advanceBy(60_000);
    expect(runtime.events.filter((e) => e.type === 'inject.delivered').map((e) => (e.payload as { inject: string }).inject)).toEqual(['a', 'b']);
  });

  it('leaves an ended session as it was', () => {
    const h = harness(sc);
    h.ok('facilitator', { type: 'session.end' });
    const count = h.store.load('s1').length;
    const runtime = recoverRuntime({ scenario: sc, sessionId: 's1', store: h.store, timers: new VirtualTimers(), wall: () => 0 });
    expect(runtime.events).toHaveLength(count);
    expect(runtime.state.status).toBe('ended');
  });

  it('a runtime built from stored events has the same state as the live one', () => {
    const h = harness(sc);
    h.to(61);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'pa', answer: 'a' });
    const stored: SessionEvent[] = h.store.load('s1');
    const rebuilt = new SessionRuntime({ scenario: sc, sessionId: 's1', store: h.store, timers: new VirtualTimers(), events: stored });
    expect(rebuilt.state).toEqual(h.runtime.state);
    expect(reduce(sc, stored)).toEqual(h.runtime.state);
  });
});

describe('recovery from the clock note (issue 14: lose seconds, not minutes)', () => {
  /** The in-memory log plus the optional clock note, as the SQLite store keeps it. */
  class NotingStore extends MemoryEventStore {
    notes = new Map<string, ClockCheckpoint>();
    writes = 0;
    saveClock(sessionId: string, note: ClockCheckpoint): void {
      this.writes++;
      this.notes.set(sessionId, { ...note });
    }
    loadClock(sessionId: string): ClockCheckpoint | null {
      return this.notes.get(sessionId) ?? null;
    }
  }
  const quiet = scenario({ injects: [inject({ id: 'late', trigger: at(3000) })] });

  function start(store: NotingStore) {
    const timers = new VirtualTimers(0);
    const runtime = new SessionRuntime({ scenario: quiet, sessionId: 's1', store, timers, wall: () => 0 });
    return { timers, runtime };
  }

  it('after a minute at 4x with no event, comes back within a note interval of where the clock stood', () => {
    const store = new NotingStore();
    const { timers, runtime } = start(store);
    runtime.dispatch('facilitator', { type: 'session.start' });
    runtime.dispatch('facilitator', { type: 'session.speed', speed: 4 });
    timers.advanceBy(20_000); // 80 s of exercise time, no event after the speed change
    const stood = runtime.now();
    expect(stood).toBe(80_000);
    runtime.dispose(); // the process dies
    const recovered = recoverRuntime({ scenario: quiet, sessionId: 's1', store, timers: new VirtualTimers(5_000_000), wall: () => 0 });
    const back = recovered.events.slice(-2);
    expect(back.map((e) => e.type)).toEqual(['session.recovered', 'session.paused']);
    // Notes every 2 s of real time = 8 s of exercise time at 4x; the last one was at 20 s real.
    expect(back[0]?.at).toBe(80_000);
    expect(stood - (back[0]?.at ?? 0)).toBeLessThanOrEqual(8_000);
    expect(recovered.now()).toBe(80_000);
  });

  it('notes only while running: a pause, a slower speed and a resume before the kill', () => {
    const store = new NotingStore();
    const { timers, runtime } = start(store);
    runtime.dispatch('facilitator', { type: 'session.start' });
    timers.advanceBy(10_000); // 10 s at 1x
    runtime.dispatch('facilitator', { type: 'session.pause' });
    const writesPaused = store.writes;
    timers.advanceBy(60_000); // paused: the clock and the notes stand still
    expect(store.writes).toBe(writesPaused);
    runtime.dispatch('facilitator', { type: 'session.speed', speed: 0.5 });
    runtime.dispatch('facilitator', { type: 'session.resume' });
    timers.advanceBy(7_000); // 3.5 s of exercise time at 0.5x: notes at 2, 4 and 6 s real
    expect(runtime.now()).toBe(13_500);
    runtime.dispose();
    const recovered = recoverRuntime({ scenario: quiet, sessionId: 's1', store, timers: new VirtualTimers(0), wall: () => 0 });
    expect(recovered.events.at(-2)).toMatchObject({ type: 'session.recovered', at: 13_000 });
    expect(recovered.state.status).toBe('paused');
  });

  it('a session that was paused is reopened as it was: reading writes nothing', () => {
    const store = new NotingStore();
    const { timers, runtime } = start(store);
    runtime.dispatch('facilitator', { type: 'session.start' });
    timers.advanceBy(4_000);
    runtime.dispatch('facilitator', { type: 'session.pause' });
    runtime.dispose();
    const before = store.load('s1');
    for (let i = 0; i < 3; i++) {
      const again = recoverRuntime({ scenario: quiet, sessionId: 's1', store, timers: new VirtualTimers(0), wall: () => 0 });
      again.dispose();
    }
    expect(store.load('s1')).toEqual(before);
  });

  it('a store without clock notes gets no timer and recovery falls back to the last event', () => {
    const store = new MemoryEventStore();
    const timers = new VirtualTimers(0);
    const runtime = new SessionRuntime({ scenario: quiet, sessionId: 's1', store, timers, wall: () => 0 });
    runtime.dispatch('facilitator', { type: 'session.start' });
    timers.advanceBy(30_000);
    runtime.dispose();
    const recovered = recoverRuntime({ scenario: quiet, sessionId: 's1', store, timers: new VirtualTimers(0), wall: () => 0 });
    expect(recovered.events.at(-2)).toMatchObject({ type: 'session.recovered', at: 0 });
  });
});
