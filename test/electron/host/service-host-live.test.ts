// A live session on real time through the product's one path: ServiceHost over a real SQLite file,
// driven with the Bridge requests the UI sends. Acknowledgement only after commit, deliveries on
// the exercise clock, pauses when the laptop slept or the process froze (as `system`, reason
// recorded), recovery paused at the last exercise time, and a full disk refused without an
// acknowledgement while the process lives on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../core/engine/index.ts';
import type { ClockView, RoleView } from '../../../core/engine/projections.ts';
import type { BridgeResult, BridgeUpdate } from '../../../core/protocol/bridge.ts';
import { ServiceHost, type ServiceHostOptions } from '../../../electron/host/service-host.ts';
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

function must<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function newHost(path: string, options: ServiceHostOptions = {}): ServiceHost {
  return new ServiceHost(path, { backups: false, shipped: [], watch: { intervalMs: 0 }, ...options });
}

/** Imports the quick scenario and creates a session through the service, as the UI does. */
async function createSession(host: ServiceHost, participants = [{ name: 'Grace', roles: ['ic'] }]): Promise<string> {
  const entry = must(await host.service.request('library.import', { fileName: 'quick.yaml', text: QUICK_SCENARIO })) as { entryId: string };
  const created = must(await host.service.request('sessions.create', { entryId: entry.entryId, facilitator: 'Ada', participants })) as { sessionId: string };
  return created.sessionId;
}

const command = (host: ServiceHost, sessionId: string, actor: 'facilitator' | `role:${string}`, cmd: unknown) =>
  host.service.request('live.dispatch', { sessionId, actor, command: cmd }) as Promise<BridgeResult<{ seq: number }>>;

const types = (events: readonly SessionEvent[]) => events.map((e) => e.type);
const delivered = (host: ServiceHost, id: string) =>
  host.store.events.load(id).filter((e) => e.type === 'inject.delivered').map((e) => (e.payload as { inject: string }).inject);

/** The facilitator's clock as the service shows it now (the push on subscribe). */
function clockOf(host: ServiceHost, sessionId: string): ClockView {
  let clock: ClockView | undefined;
  host.service.subscribe({ sessionId, audience: 'facilitator' }, (u) => {
    if (u.kind === 'projection') clock = (u.projection as { clock: ClockView }).clock;
  })();
  if (!clock) throw new Error('no facilitator view');
  return clock;
}

describe('a live session through ServiceHost', () => {
  it('acknowledges a decision only after it is committed, delivers injects on time, and pushes the views after', async () => {
    const path = join(tempDir(), 'live.db');
    const host = newHost(path);
    try {
      const id = await createSession(host);
      const engViews: BridgeUpdate[] = [];
      host.service.subscribe({ sessionId: id, audience: 'role:eng' }, (u) => engViews.push(u));
      expect(engViews).toHaveLength(1);
      must(await command(host, id, 'facilitator', { type: 'session.speed', speed: 10 }));
      must(await command(host, id, 'facilitator', { type: 'session.start' }));
      await waitFor(() => delivered(host, id).includes('alert'), 'the first inject');

      const reader = openDatabase(path, { readonly: true });
      try {
        const { seq } = must(await command(host, id, 'role:ic', { type: 'prompt.answer', prompt: 'severity', answer: 'sev1' }));
        // The acknowledgement came back: another connection already sees the event.
        expect(reader.prepare('SELECT type FROM events WHERE session = ? AND seq = ?').pluck().get(id, seq)).toBe('prompt.answered');
      } finally {
        reader.close();
      }
      await waitFor(() => delivered(host, id).includes('second'), 'the inject due at 2s (200 ms at speed 10)');
      // The engineer's view is pushed after the scheduled delivery was committed.
      await waitFor(() => {
        const last = engViews.at(-1);
        return last?.kind === 'projection' && (last.projection as RoleView).injects.some((i) => i.id === 'second');
      }, "the eng role's view with the second inject");
      expect(delivered(host, id).slice(0, 2)).toEqual(['alert', 'second']);
      const second = host.store.events.load(id).find((e) => e.type === 'inject.delivered' && (e.payload as { inject: string }).inject === 'second');
      expect(second?.at).toBe(2000); // recorded at its due time on the exercise clock
      expect(host.store.sessions.get(id)).toMatchObject({ status: 'running', facilitator: 'Ada', seats: [{ role: 'ic', participant: 'Grace' }] });
    } finally {
      await host.close();
    }
  });

  it('pauses with the reason when the laptop slept (the wall clock ran on, the monotonic did not)', async () => {
    let wall = 1_790_000_000_000;
    const host = newHost(join(tempDir(), 'sleep.db'), { clock: { wall: () => wall } });
    try {
      const id = await createSession(host);
      must(await command(host, id, 'facilitator', { type: 'session.start' }));
      wall += 45 * 60_000; // the lid was closed for 45 minutes
      expect(host.checkClock()?.reason).toBe('suspend');
      expect(clockOf(host, id)).toMatchObject({ status: 'paused', pausedFor: 'suspend' });
      const last = host.store.events.load(id).at(-1);
      expect(last).toMatchObject({ type: 'session.paused', actor: 'system', payload: { reason: 'suspend' } });
      expect(host.store.sessions.get(id).status).toBe('paused');
      // A second beat after the pause records nothing more.
      wall -= 10 * 60_000;
      expect(host.checkClock()?.reason).toBe('clock-jump');
      expect(types(host.store.events.load(id)).filter((t) => t === 'session.paused')).toHaveLength(1);
    } finally {
      await host.close();
    }
  });

  it('a frozen process (both clocks ran on, no heartbeat): pauses and does not count the frozen time', async () => {
    let wall = 1_790_000_000_000;
    let mono = 10_000;
    const host = newHost(join(tempDir(), 'frozen.db'), { clock: { wall: () => wall, monotonic: () => mono, maxGapMs: 5000 } });
    try {
      const id = await createSession(host);
      must(await command(host, id, 'facilitator', { type: 'session.start' }));
      mono += 1000;
      wall += 1000;
      expect(host.checkClock()).toBeNull();
      expect(clockOf(host, id).exerciseMs).toBe(1000);
      // Ten minutes without a single heartbeat, on both clocks (a stopped process, a debugger,
      // a sleep on a system whose monotonic clock counts it).
      mono += 600_000;
      wall += 600_000;
      expect(host.checkClock()?.reason).toBe('suspend');
      expect(clockOf(host, id).status).toBe('paused');
      const paused = host.store.events.load(id).at(-1);
      expect(paused).toMatchObject({ type: 'session.paused', actor: 'system', payload: { reason: 'suspend' } });
      // At most one heartbeat allowance of the gap was counted, not ten minutes.
      expect(paused!.at).toBeLessThanOrEqual(1000 + 5000);
      // The freeze notice that follows finds nothing left running to pause.
      await new Promise((r) => setTimeout(r, 0));
      expect(types(host.store.events.load(id)).filter((t) => t === 'session.paused')).toHaveLength(1);
    } finally {
      await host.close();
    }
  });

  it('brings back a session that was running when the process stopped: paused at its last exercise time, then resumes', async () => {
    const path = join(tempDir(), 'recover.db');
    const first = newHost(path);
    const id = await createSession(first);
    must(await command(first, id, 'facilitator', { type: 'session.speed', speed: 10 }));
    must(await command(first, id, 'facilitator', { type: 'session.start' }));
    await waitFor(() => delivered(first, id).includes('second'), 'the second inject');
    must(await command(first, id, 'role:ic', { type: 'prompt.answer', prompt: 'severity', answer: 'sev2' }));
    const before = first.store.events.load(id);
    const lastAt = before.at(-1)!.at;
    // The process "dies": closing neither ends nor pauses the session; the file says running.
    await first.close();

    const second = newHost(path);
    try {
      // ServiceHost's start-up recovery brought it back, before anyone asked for it.
      expect(second.recovered).toEqual([id]);
      const after = second.store.events.load(id);
      expect(after.slice(0, before.length)).toEqual(before);
      // At the last event, or later where a clock note (every 2 s) saw the clock run on.
      const backAt = after[before.length]?.at ?? -1;
      expect(backAt).toBeGreaterThanOrEqual(lastAt);
      expect(backAt).toBe(Math.max(lastAt, second.store.events.loadClock(id)?.at ?? 0));
      expect(after.slice(before.length).map((e) => [e.type, e.at, e.actor])).toEqual([
        ['session.recovered', backAt, 'system'],
        ['session.paused', backAt, 'system'],
      ]);
      expect(after.at(-1)?.payload).toEqual({ reason: 'recovered' });
      expect(clockOf(second, id)).toMatchObject({ status: 'paused', exerciseMs: backAt, pausedFor: 'recovered' });
      expect(second.store.sessions.get(id).status).toBe('paused');
      must(await command(second, id, 'facilitator', { type: 'session.resume' }));
      await waitFor(() => delivered(second, id).includes('third'), 'the third inject after resuming');
      const all = delivered(second, id);
      expect(all).toEqual([...new Set(all)]);
    } finally {
      await second.close();
    }
  });

  it('loses seconds, not minutes: a session killed after running with no event comes back where its clock note stood', async () => {
    const path = join(tempDir(), 'note.db');
    const first = newHost(path);
    const id = await createSession(first);
    must(await command(first, id, 'facilitator', { type: 'session.start' }));
    const lastAt = first.store.events.load(id).at(-1)!.at;
    // No event for a while; the runtime notes its clock every 2 s of real time.
    await waitFor(() => (first.store.events.loadClock(id)?.at ?? 0) >= lastAt + 2000, 'a clock note 2 s after the last event', 10_000);
    const note = first.store.events.loadClock(id)!;
    await first.close();

    const second = newHost(path);
    try {
      const back = second.store.events.load(id).slice(-2);
      expect(back.map((e) => e.type)).toEqual(['session.recovered', 'session.paused']);
      expect(back[0]!.at).toBeGreaterThanOrEqual(note.at);
      expect(back[0]!.at).toBeGreaterThan(lastAt);
      expect(clockOf(second, id)).toMatchObject({ status: 'paused', exerciseMs: back[0]!.at });
    } finally {
      await second.close();
    }
  });

  it('reads never write: listing sessions across three restarts adds nothing to a paused session', async () => {
    const path = join(tempDir(), 'reads.db');
    const first = newHost(path);
    const id = await createSession(first);
    must(await command(first, id, 'facilitator', { type: 'session.start' }));
    must(await command(first, id, 'facilitator', { type: 'session.pause' }));
    const before = first.store.events.load(id);
    await first.close();
    for (let i = 0; i < 3; i++) {
      const host = newHost(path);
      try {
        expect(host.recovered).toEqual([]);
        const listed = must(await host.service.request('sessions.list', {})) as { sessionId: string; status: string }[];
        expect(listed.find((s) => s.sessionId === id)).toMatchObject({ status: 'paused' });
        must(await host.service.request('sessions.open', { sessionId: id }));
        expect(host.store.events.load(id)).toEqual(before);
      } finally {
        await host.close();
      }
    }
  });

  it('refuses a decision when the disk is full: no acknowledgement, no partial event, the process lives on and takes the next one', async () => {
    const errors: string[] = [];
    const host = newHost(join(tempDir(), 'full.db'), { onError: (m) => errors.push(m) });
    try {
      const id = await createSession(host);
      must(await command(host, id, 'facilitator', { type: 'session.start' }));
      const views: BridgeUpdate[] = [];
      host.service.subscribe({ sessionId: id, audience: 'facilitator' }, (u) => views.push(u));
      host.store.db.pragma(`max_page_count = ${Number(host.store.db.pragma('page_count', { simple: true }))}`);
      // Post until the file has no room left: the free space of its last pages runs out.
      let refused: BridgeResult<{ seq: number }> | undefined;
      let seqBefore = host.store.events.lastSeq(id);
      for (let i = 0; i < 100 && !refused; i += 1) {
        seqBefore = host.store.events.lastSeq(id);
        const result = await command(host, id, 'role:ic', { type: 'chat.post', text: `message ${i} ${'x'.repeat(1900)}` });
        if (!result.ok) refused = result;
      }
      expect(refused).toBeDefined();
      if (refused && !refused.ok) {
        expect(refused.error.code).toBe('store-failed');
        expect(refused.error.message).toMatch(/^The disk is full: free space on /);
        expect(refused.error.message).toContain(`nothing was lost up to event ${seqBefore}`);
      }
      expect(host.store.events.lastSeq(id)).toBe(seqBefore);
      expect(must(await host.service.request('sessions.open', { sessionId: id })) as { eventCount: number }).toMatchObject({ eventCount: seqBefore, status: 'running' });
      host.store.db.pragma('max_page_count = 1073741823');
      const next = must(await command(host, id, 'role:ic', { type: 'chat.post', text: 'x'.repeat(1900) }));
      expect(next.seq).toBe(seqBefore + 1);
      expect(host.store.events.lastSeq(id)).toBe(seqBefore + 1);
      // The views caught up with what was committed, and nothing else.
      await waitFor(() => {
        const last = views.at(-1);
        return last?.kind === 'projection' && (last.projection as { chat: { text: string }[] }).chat.at(-1)?.text === 'x'.repeat(1900);
      }, 'the view with the message sent after the disk had room again');
      expect(errors).toEqual([]);
    } finally {
      await host.close();
    }
  });
});
