import type { Comparison, SessionSummary } from '../../core/protocol/bridge.ts';
import type { Trends } from '../../core/scoring/trends.ts';
import { idle, loading, type Loadable } from './load-state.ts';
import type { SliceCreator } from './store.ts';

export interface SessionsSlice {
  sessions: Loadable<SessionSummary[]>;
  comparison: Loadable<Comparison>;
  /** Each objective's and capability's rating over the ended runs (History's chart). */
  trends: Loadable<Trends>;
  loadSessions(): Promise<void>;
  loadComparison(sessionIds: string[]): Promise<void>;
  loadTrends(): Promise<void>;
}

export const createSessionsSlice: SliceCreator<SessionsSlice> = (set, get, bridge) => ({
  sessions: idle,
  comparison: idle,
  trends: idle,
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
  async loadTrends() {
    if (get().trends.status !== 'ready') set({ trends: loading });
    const result = await bridge.request('sessions.trends', {});
    set({ trends: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },
});
