// A stored session scored again from its own events and the scenario text it ran with: the
// debrief is a pure function of the two, so weeks later it reads exactly as it did in the room.
import { computeDebrief, type Debrief } from '../../core/scoring/index.ts';
import type { Store } from '../store/index.ts';
import { scenarioOfSession } from './scenario-copy.ts';

export function rescoreSession(store: Store, sessionId: string): Debrief {
  const session = store.sessions.get(sessionId);
  const stored = store.scenarios.get(session.scenario);
  const scenario = scenarioOfSession(store, sessionId);
  return computeDebrief(scenario, store.events.load(sessionId), { sessionId, contentHash: stored.contentHash });
}
