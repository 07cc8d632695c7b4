import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../core/engine/index.ts';
import { Host, RealTimers } from '../../../electron/host/index.ts';
import { openDatabase } from '../../../electron/store/index.ts';
import { tempDir } from '../store/helpers.ts';
import { QUICK_SCENARIO } from './quick-scenario.ts';

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function newHost(path: string, wall?: () => number): Host {
  return new Host(path, { backups: false, session: { watch: { intervalMs: 0 }, ...(wall ? { wall } : {}) } });
}

const types = (events: readonly SessionEvent[]) => events.map((e) => e.type);

describe('a live session on real time', () => {
  it('acknowledges a decision only after it is committed, and delivers injects on time', async () => {
    const path = join(tempDir(), 'live.db');
    const host = newHost(path);
    try {
      const live = host.createSession({ scenarioText: QUICK_SCENARIO, sourceName: 'quick.yaml', facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }] });
      const engViews: unknown[] = [];
      live.subscribe({ kind: 'role', role: 'eng' }, (view) => engViews.push(view));
      expect(engViews).toHaveLength(1);
      expect(live.dispatch('facilitator', { type: 'session.speed', speed: 10 }).ok).toBe(true);
      expect(live.dispatch('facilitator', { type: 'session.start' }).ok).toBe(true);
      await waitFor(() => live.runtime.state.injects.get('alert')?.delivered != null, 'the first inject');

      const reader = openDatabase(path, { readonly: true });
      try {
        const ack = live.dispatch('role:ic', { type: 'prompt.answer', prompt: 'severity', answer: 'sev1' });
        expect(ack.ok).toBe(true);
        const seq = ack.ok ? ack.events[0]!.seq : -1;
        // The acknowledgement came back: another connection already sees the event.
        expect(reader.prepare('SELECT type FROM events WHERE session = ? AND seq = ?').pluck().get(live.sessionId, seq)).toBe('prompt.answered');
      } finally {
        reader.close();
      }
      await waitFor(() => live.runtime.state.injects.get('second')?.delivered != null, 'the inject due at 2s (200 ms at speed 10)');
      // The engineer's view is pushed after the scheduled delivery was committed.
      await waitFor(() => JSON.stringify(engViews.at(-1) ?? null).includes('"second"'), "the eng role's view with the second inject");
      const stored = host.store.events.load(live.sessionId);
      const delivered = stored.filter((e) => e.type === 'inject.delivered').map((e) => (e.payload as { inject: string; due: number }).inject);
      expect(delivered.slice(0, 2)).toEqual(['alert', 'second']);
      const second = stored.find((e) => e.type === 'inject.delivered' && (e.payload as { inject: string }).inject === 'second');
      expect(second?.at).toBe(2000); // recorded at its due time on the exercise clock
      expect(host.store.sessions.get(live.sessionId)).toMatchObject({ status: 'running', facilitator: 'Ada', seats: [{ role: 'ic', participant: 'Grace' }] });
    } finally {
      await host.close();
    }
  });

  it('pauses with the reason when the laptop slept (the wall clock ran on, the monotonic did not)', () => {
    const path = join(tempDir(), 'sleep.db');
    let wall = 1_790_000_000_000;
    const host = newHost(path, () => wall);
    try {
      const live = host.createSession({ scenarioText: QUICK_SCENARIO, sourceName: 'quick.yaml', facilitator: 'Ada' });
      live.dispatch('facilitator', { type: 'session.start' });
      wall += 45 * 60_000; // the lid was closed for 45 minutes
      expect(live.checkClock()?.reason).toBe('suspend');
      expect(live.status).toBe('paused');
      const last = host.store.events.load(live.sessionId).at(-1);
      expect(last).toMatchObject({ type: 'session.paused', actor: 'system', payload: { reason: 'suspend' } });
      expect(host.store.sessions.get(live.sessionId).status).toBe('paused');
      // A second beat after the pause records nothing more.
      wall -= 10 * 60_000;
      live.checkClock();
      expect(types(host.store.events.load(live.sessionId)).filter((t) => t === 'session.paused')).toHaveLength(1);
    } finally {
      void host.close();
    }
  });

  it('a frozen process (both clocks ran on, no heartbeat): pauses and does not count the frozen time', () => {
    const path = join(tempDir(), 'frozen.db');
    let wall = 1_790_000_000_000;
    let mono = 10_000;
    const timers = new RealTimers({ monotonic: () => mono, maxGapMs: 5000 });
    const host = new Host(path, { backups: false, session: { watch: { intervalMs: 0 }, wall: () => wall, timers } });
    try {
      const live = host.createSession({ scenarioText: QUICK_SCENARIO, sourceName: 'quick.yaml', facilitator: 'Ada' });
      live.dispatch('facilitator', { type: 'session.start' });
      mono += 1000;
      wall += 1000;
      expect(live.checkClock()).toBeNull();
      expect(live.runtime.now()).toBe(1000);
      // Ten minutes without a single heartbeat, on both clocks (a stopped process, a debugger,
      // a sleep on a system whose monotonic clock counts it).
      mono += 600_000;
      wall += 600_000;
      expect(live.checkClock()?.reason).toBe('suspend');
      expect(live.status).toBe('paused');
      const paused = host.store.events.load(live.sessionId).at(-1);
      expect(paused).toMatchObject({ type: 'session.paused', payload: { reason: 'suspend' } });
      // At most one heartbeat allowance of the gap was counted, not ten minutes.
      expect(paused!.at).toBeLessThanOrEqual(1000 + 5000);
    } finally {
      void host.close();
    }
  });

  it('brings back a session that was running when the process stopped: paused at its last exercise time, then resumes', async () => {
    const path = join(tempDir(), 'recover.db');
    const first = newHost(path);
    const live = first.createSession({ scenarioText: QUICK_SCENARIO, sourceName: 'quick.yaml', facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }] });
    const id = live.sessionId;
    live.dispatch('facilitator', { type: 'session.speed', speed: 10 });
    live.dispatch('facilitator', { type: 'session.start' });
    await waitFor(() => live.runtime.state.injects.get('second')?.delivered != null, 'the second inject');
    live.dispatch('role:ic', { type: 'prompt.answer', prompt: 'severity', answer: 'sev2' });
    const before = first.store.events.load(id);
    const lastAt = before.at(-1)!.at;
    // The process "dies": the timers stop and the file is left as it is, status running.
    live.close();
    first.store.close();

    const second = newHost(path);
    try {
      const recovered = second.recoverInterrupted();
      expect(recovered.map((s) => s.sessionId)).toEqual([id]);
      const again = recovered[0]!;
      expect(again.status).toBe('paused');
      expect(again.runtime.now()).toBe(lastAt);
      const after = second.store.events.load(id);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length).map((e) => [e.type, e.at])).toEqual([
        ['session.recovered', lastAt],
        ['session.paused', lastAt],
      ]);
      expect(second.store.sessions.get(id).status).toBe('paused');
      expect(again.dispatch('facilitator', { type: 'session.resume' }).ok).toBe(true);
      await waitFor(() => again.runtime.state.injects.get('third')?.delivered != null, 'the third inject after resuming');
      const delivered = second.store.events.load(id).filter((e) => e.type === 'inject.delivered').map((e) => (e.payload as { inject: string }).inject);
      expect(delivered).toEqual([...new Set(delivered)]);
    } finally {
      await second.close();
    }
  });

  it('refuses a decision when the disk is full, keeps running, and takes the next one', () => {
    const path = join(tempDir(), 'full.db');
    const host = newHost(path);
    try {
      const live = host.createSession({ scenarioText: QUICK_SCENARIO, sourceName: 'quick.yaml', facilitator: 'Ada', participants: [{ name: 'Grace', roles: ['ic'] }] });
      live.dispatch('facilitator', { type: 'session.start' });
      host.store.db.pragma(`max_page_count = ${Number(host.store.db.pragma('page_count', { simple: true }))}`);
      // Post until the file has no room left: the free space of its last pages runs out.
      let refused: ReturnType<typeof live.dispatch> | undefined;
      let seqBefore = live.runtime.state.lastSeq;
      for (let i = 0; i < 100 && !refused; i += 1) {
        seqBefore = live.runtime.state.lastSeq;
        const result = live.dispatch('role:ic', { type: 'chat.post', text: `message ${i} ${'x'.repeat(1900)}` });
        if (!result.ok) refused = result;
      }
      expect(refused).toBeDefined();
      if (refused && !refused.ok) {
        expect(refused.rejection.code).toBe('store-failed');
        expect(refused.rejection.message).toMatch(/^The disk is full: free space on /);
        expect(refused.rejection.message).toContain(`nothing was lost up to event ${seqBefore}`);
      }
      expect(live.runtime.state.lastSeq).toBe(seqBefore);
      expect(host.store.events.lastSeq(live.sessionId)).toBe(seqBefore);
      host.store.db.pragma('max_page_count = 1073741823');
      expect(live.dispatch('role:ic', { type: 'chat.post', text: 'x'.repeat(1900) }).ok).toBe(true);
      expect(host.store.events.lastSeq(live.sessionId)).toBe(seqBefore + 1);
    } finally {
      void host.close();
    }
  });
});
