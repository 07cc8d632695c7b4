import type { Comparison, SessionSummary } from '../../core/protocol/bridge.ts';
import { idle, loading, type Loadable } from './load-state.ts';
import type { SliceCreator } from './store.ts';

export interface SessionsSlice {
  sessions: Loadable<SessionSummary[]>;
  comparison: Loadable<Comparison>;
  loadSessions(): Promise<void>;
  loadComparison(sessionIds: string[]): Promise<void>;
}

export const createSessionsSlice: SliceCreator<SessionsSlice> = (set, get, bridge) => ({
  sessions: idle,
  comparison: idle,
  async loadSessions() {
    if (get().sessions.status !== 'ready') set({ sessions: loading });
    const result = await bridge.request('sessions.list', {});
    set({ sessions: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },
  async loadComparison(sessionIds) {
    set({ comparison: loading });
    const result = await bridge.request('sessions.compare', { sessionIds });
    set({ comparison: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },
});
