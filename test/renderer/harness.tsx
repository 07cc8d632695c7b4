// The real core behind the UI in tests: the application service over memory storage and virtual
// time, the in-process bridge, and a recorder that keeps every request and pushed update so that
// tests can assert on what crossed the bridge (never a mock of our own logic).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, type RenderResult } from '@testing-library/react';
import { VirtualTimers } from '../../core/engine/virtual-time.ts';
import type { Bridge, BridgeMethod, BridgeParams, BridgeResult, BridgeUpdate, BridgeValues, ConnectionState, SubscribeParams } from '../../core/protocol/bridge.ts';
import type { DesktopVerbs } from '../../core/protocol/desktop.ts';
import { AppService, type AppServiceOptions } from '../../core/service/app-service.ts';
import { InProcessBridge } from '../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import type { ShippedScenario } from '../../core/service/library.ts';
import { App } from '../../renderer/app/App.tsx';
import { createAppStore } from '../../renderer/store/store.ts';
import { unlockSeats } from '../../renderer/app/hot-seat-lock.ts';

export const SCENARIO_DIR = join(import.meta.dirname, '../../scenarios');

export function shippedScenarios(): ShippedScenario[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(SCENARIO_DIR, fileName), 'utf8') }));
}

export interface Recorded {
  method: string;
  params: unknown;
  result: BridgeResult<unknown>;
}

/** Wraps a Bridge, keeping what went through it; can also play a lost connection. */
export class RecordingBridge implements Bridge {
  readonly requests: Recorded[] = [];
  readonly updates: BridgeUpdate[] = [];
  private readonly connectionListeners = new Set<(s: ConnectionState) => void>();
  constructor(private readonly inner: Bridge) {}

  async request<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<BridgeValues[M]>> {
    const result = await this.inner.request(method, params);
    this.requests.push({ method, params: JSON.parse(JSON.stringify(params)), result });
    return result;
  }

  subscribe(params: SubscribeParams, listener: (update: BridgeUpdate) => void): () => void {
    return this.inner.subscribe(params, (update) => {
      this.updates.push(update);
      listener(update);
    });
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    const stop = this.inner.onConnection(listener);
    return () => { stop(); this.connectionListeners.delete(listener); };
  }

  setConnection(state: ConnectionState): void {
    for (const l of this.connectionListeners) l(state);
  }

  /** The engine commands sent through live.dispatch, in order, with their actors. */
  dispatched(): { actor: string; command: { type: string } & Record<string, unknown>; ok: boolean }[] {
    return this.requests.filter((r) => r.method === 'live.dispatch').map((r) => {
      const p = r.params as { actor: string; command: { type: string } & Record<string, unknown> };
      return { actor: p.actor, command: p.command, ok: r.result.ok };
    });
  }
}

let counter = 0;

/**
 * `storage`: another harness's, to play a restart of the host over the same data. `host`: what a
 * real host adds to the service (a CSV reader).
 */
/** The shipped plays (scenarios/plays/); a harness offers them only when given (host.shippedPlays). */
export function shippedPlays(): ShippedScenario[] {
  const dir = join(SCENARIO_DIR, 'plays');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}

export function createHarness(shipped: ShippedScenario[] = shippedScenarios(), storage = createMemoryStorage(), host: Pick<AppServiceOptions, 'readCsv' | 'shippedPlays'> = {}) {
  const timers = new VirtualTimers(0);
  let wall = Date.UTC(2026, 10, 26, 9, 0, 0);
  const service = new AppService({
    storage,
    timers,
    shipped,
    wall: () => wall,
    newId: () => `id${++counter}`,
    ...host,
  });
  const bridge = new RecordingBridge(new InProcessBridge(service));
  return {
    service,
    /** What the service stored (a desktop test builds a session bundle's content from it). */
    storage,
    timers,
    bridge,
    /** Moves exercise time (at 1x) and wall time together, inside act() so React sees the pushes. */
    async advance(ms: number) {
      await act(async () => {
        wall += ms;
        timers.advanceBy(ms);
      });
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;

export function renderApp(harness: Harness, hash = '#/library', options: { bridge?: Bridge; desktop?: DesktopVerbs | null } = {}): RenderResult {
  window.location.hash = hash;
  const bridge = options.bridge ?? harness.bridge;
  const store = createAppStore(bridge);
  return render(<App bridge={bridge} store={store} desktop={options.desktop ?? null} />);
}

/** The facilitator unlocks a shared screen locked to the seats (no PIN set), as its unlock dialog does. */
export async function unlockSharedScreen(): Promise<void> {
  await act(async () => { unlockSeats(''); });
}

export async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Creates a session over the service directly (for tests that start in the middle). */
export async function createSession(harness: Harness, entryId: string, participants: { name: string; roles: string[] }[]) {
  const result = await harness.bridge.request('sessions.create', { entryId, facilitator: 'Fran', participants });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.sessionId;
}
