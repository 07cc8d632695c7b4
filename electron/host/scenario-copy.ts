// A session runs against the copy of the scenario text stored with it, never the file on disk,
// so an edited file cannot change a session that already ran.
import { formatLoadError, loadScenario, type Scenario } from '../../core/scenario/index.ts';
import type { Store } from '../store/index.ts';

export function scenarioOfSession(store: Store, sessionId: string): Scenario {
  const session = store.sessions.get(sessionId);
  const stored = store.scenarios.get(session.scenario);
  const result = loadScenario(stored.sourceText, stored.sourceName);
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(
      `The scenario stored with session ${sessionId} (${stored.sourceName}) no longer loads` +
        (first ? `: ${formatLoadError(first)}` : '.') +
        ' This Drillbook may be older than the one that ran it.',
    );
  }
  return result.value;
}
