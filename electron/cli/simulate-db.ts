// `drillbook simulate --db FILE`: the dry run's session is kept in a data file, as a session of
// kind 'simulation' with a copy of the scenario text, so `drillbook sessions` and `report` find it.
import { basename } from 'node:path';
import type { Scenario } from '../../core/scenario/index.ts';
import { openStore, type Store } from '../store/index.ts';

export interface KeptDryRun {
  store: Store;
  sessionId: string;
  contentHash: string;
}

export function keepDryRunIn(dbPath: string, scenario: Scenario, scenarioText: string, scenarioFile: string): KeptDryRun {
  const store = openStore(dbPath);
  try {
    const stored = store.scenarios.import({ scenarioId: scenario.id, title: scenario.title, sourceText: scenarioText, sourceName: basename(scenarioFile) });
    const session = store.sessions.create({ scenario: stored.id, facilitator: 'Dry run', kind: 'simulation' });
    return { store, sessionId: session.id, contentHash: stored.contentHash };
  } catch (error) {
    store.close();
    throw error;
  }
}
