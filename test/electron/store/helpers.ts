// Temp folders for real SQLite files, removed after each test, and a few file facts.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../../electron/store/index.ts';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-store-'));
  dirs.push(dir);
  return dir;
}

/** A store on a new file in a temp folder, closed after the test. */
export function tempStore(name = 'drillbook.db'): Store {
  const store = openStore(join(tempDir(), name));
  stores.push(store);
  return store;
}

/** Closes the store after the test. */
export function track(store: Store): Store {
  stores.push(store);
  return store;
}

export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export const SCENARIO_TEXT = 'format: drillbook/scenario@1\nid: llm-outage\ntitle: LLM provider outage\n';

/** A store with one scenario and one session; returns the session id. */
export function seedSession(store: Store, id?: string): string {
  const scenario = store.scenarios.import({ scenarioId: 'llm-outage', title: 'LLM provider outage', sourceText: SCENARIO_TEXT, sourceName: 'llm-outage.yaml' });
  return store.sessions.create({
    scenario: scenario.id,
    facilitator: 'Ada',
    seats: [{ role: 'ic', participant: 'Grace' }],
    ...(id === undefined ? {} : { id }),
  }).id;
}
