// Recovery: a runtime rebuilt from the stored events of a session. A session that was running when
// the process died comes back paused where its clock last stood (the later of its last event and
// the store's clock note, taken every few seconds), with `session.recovered` and a pause in the
// timeline; the time the process was down is not counted. Any other session is only reopened:
// reading never writes.

import type { Scenario } from '../scenario/types.ts';
import type { EventStore, SessionEvent } from './event.ts';
import { reduce } from './reduce.ts';
import { SessionRuntime, storeErrorMessage, type RuntimeOptions, type TimerHost } from './runtime.ts';

export interface RecoverOptions {
  scenario: Scenario;
  sessionId: string;
  store: EventStore;
  timers: TimerHost;
  wall?: () => number;
  onError?: RuntimeOptions['onError'];
}

export function recoverRuntime(options: RecoverOptions): SessionRuntime {
  const events: SessionEvent[] = options.store.load(options.sessionId);
  const wall = options.wall ?? (() => Date.now());
  const state = reduce(options.scenario, events);
  const status = state.status;
  if (status === 'running') {
    const note = options.store.loadClock?.(options.sessionId) ?? null;
    const lastAt = Math.max(state.lastAt, note?.at ?? 0);
    const seq = state.lastSeq;
    const drafts: SessionEvent[] = [
      { seq: seq + 1, at: lastAt, wall: wall(), actor: 'system', type: 'session.recovered', payload: { lastAt } },
      { seq: seq + 2, at: lastAt, wall: wall(), actor: 'system', type: 'session.paused', payload: { reason: 'recovered' } },
    ];
    try {
      options.store.append(options.sessionId, drafts);
    } catch (error) {
      throw new Error(`Session ${options.sessionId} could not be recovered: ${storeErrorMessage(error)}`);
    }
    return new SessionRuntime({ ...options, wall, events: [...events, ...drafts] });
  }
  return new SessionRuntime({ ...options, wall, events });
}
