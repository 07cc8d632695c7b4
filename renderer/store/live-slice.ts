// Live sessions: the projections pushed for each (session, audience) this window watches, and the
// one way to send a command. A component subscribes while it is mounted; several components
// watching the same audience share one subscription.
import type { Audience, BridgeActor, BridgeError, BridgeResult, DispatchAck } from '../../core/protocol/bridge.ts';
import type { Projection } from '../../core/engine/projections.ts';
import type { Loadable } from './load-state.ts';
import type { SliceCreator } from './store.ts';

export function liveKey(sessionId: string, audience: Audience): string {
  return `${sessionId}|${audience}`;
}

export interface LiveSlice {
  /** The latest projection per `liveKey`; the value is the engine's projection, as JSON. */
  live: Record<string, Loadable<Projection>>;
  watch(sessionId: string, audience: Audience): () => void;
  dispatch(sessionId: string, actor: BridgeActor, command: unknown): Promise<BridgeResult<DispatchAck>>;
  lastRejection: BridgeError | null;
}

export const createLiveSlice: SliceCreator<LiveSlice> = (set, get, bridge) => {
  const subscriptions = new Map<string, { count: number; stop: () => void }>();
  return {
    live: {},
    lastRejection: null,
    watch(sessionId, audience) {
      const key = liveKey(sessionId, audience);
      const existing = subscriptions.get(key);
      if (existing) {
        existing.count += 1;
      } else {
        if (!get().live[key]) set({ live: { ...get().live, [key]: { status: 'loading' } } });
        const entry = { count: 1, stop: () => {} };
        subscriptions.set(key, entry);
        entry.stop = bridge.subscribe({ sessionId, audience }, (update) => {
          const value: Loadable<Projection> =
            update.kind === 'projection' ? { status: 'ready', value: update.projection } : { status: 'error', error: update.error };
          set({ live: { ...get().live, [key]: value } });
        });
      }
      return () => {
        const entry = subscriptions.get(key);
        if (!entry) return;
        entry.count -= 1;
        if (entry.count === 0) {
          subscriptions.delete(key);
          entry.stop();
        }
      };
    },
    async dispatch(sessionId, actor, command) {
      const result = await bridge.request('live.dispatch', { sessionId, actor, command });
      if (!result.ok) {
        set({ lastRejection: result.error });
        get().toast(result.error.message, 'error');
      }
      return result;
    },
  };
};
