// In-memory storage for tests and the in-page demo. It copies what goes in and out (as JSON), so a
// caller that mutates an object afterwards cannot change what was "stored", as with a database.
import { MemoryEventStore } from '../engine/memory-store.ts';
import type { ActionRecord } from '../protocol/register.ts';
import type { ActionStorage, ScenarioStorage, ServiceStorage, SessionStorage, StoredScenario, StoredSessionRecord, StoredVersion, VersionInput } from './storage.ts';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

class MemoryRows<T extends object> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly key: (row: T) => string) {}
  list(): T[] {
    return [...this.rows.values()].map(copy);
  }
  get(id: string): T | undefined {
    const row = this.rows.get(id);
    return row ? copy(row) : undefined;
  }
  put(row: T): void {
    this.rows.set(this.key(row), copy(row));
  }
}

/** Library entries and their versions: the listed text is the latest ready version's. */
class MemoryScenarios implements ScenarioStorage {
  private readonly entries = new MemoryRows<StoredScenario>((s) => s.entryId);
  private readonly history = new Map<string, { version: StoredVersion; text: string }[]>();
  list(): StoredScenario[] {
    return this.entries.list();
  }
  get(entryId: string): StoredScenario | undefined {
    return this.entries.get(entryId);
  }
  save(scenario: StoredScenario, input: VersionInput): StoredVersion {
    const versions = this.history.get(scenario.entryId) ?? [];
    const version: StoredVersion = {
      entryId: scenario.entryId, version: versions.length + 1, fileName: scenario.fileName, contentHash: scenario.contentHash,
      savedAt: input.savedAt, note: input.note, ready: input.ready,
    };
    this.history.set(scenario.entryId, [...versions, { version, text: scenario.text }]);
    if (input.ready) this.entries.put(scenario);
    return copy(version);
  }
  versions(entryId: string): StoredVersion[] {
    return (this.history.get(entryId) ?? []).map((v) => copy(v.version));
  }
  versionText(entryId: string, version: number): string | undefined {
    return this.history.get(entryId)?.[version - 1]?.text;
  }
}

export function createMemoryStorage(): ServiceStorage {
  const scenarios: ScenarioStorage = new MemoryScenarios();
  const sessions: SessionStorage = new MemoryRows<StoredSessionRecord>((s) => s.sessionId);
  const records = new MemoryRows<ActionRecord>((r) => r.id);
  const actions: ActionStorage = { list: () => records.list(), put: (rows) => rows.forEach((r) => records.put(r)) };
  return { scenarios, sessions, events: new MemoryEventStore(), actions };
}
