// In-memory storage for tests and the in-page demo. It copies what goes in and out (as JSON), so a
// caller that mutates an object afterwards cannot change what was "stored", as with a database.
import { MemoryEventStore } from '../engine/memory-store.ts';
import type { ActionRecord } from '../protocol/register.ts';
import type { ActionStorage, ScenarioStorage, ServiceStorage, SessionStorage, StoredScenario, StoredSessionRecord } from './storage.ts';

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

export function createMemoryStorage(): ServiceStorage {
  const scenarios: ScenarioStorage = new MemoryRows<StoredScenario>((s) => s.entryId);
  const sessions: SessionStorage = new MemoryRows<StoredSessionRecord>((s) => s.sessionId);
  const records = new MemoryRows<ActionRecord>((r) => r.id);
  const actions: ActionStorage = { list: () => records.list(), put: (rows) => rows.forEach((r) => records.put(r)) };
  return { scenarios, sessions, events: new MemoryEventStore(), actions };
}
