// What the application service keeps, as interfaces: the in-memory implementation
// (./memory-storage.ts) serves tests and the in-page demo; electron/store provides the durable one.
// All synchronous, like the EventStore: a request is answered only after its write returned.
import type { EventStore } from '../engine/event.ts';
import type { ActionRecord } from '../protocol/register.ts';
import type { SessionOrigin } from '../protocol/bridge.ts';

export interface StoredScenario {
  entryId: string;
  source: 'shipped' | 'imported';
  fileName: string;
  /** The exact text, so a session always re-scores against what it ran with. */
  text: string;
  contentHash: string;
  importedAt: number | null;
}

export interface ScenarioStorage {
  list(): StoredScenario[];
  get(entryId: string): StoredScenario | undefined;
  put(scenario: StoredScenario): void;
}

export interface StoredSessionRecord {
  sessionId: string;
  /** The library entry the session was started from. */
  entryId: string;
  /** The exact scenario text the session runs: it re-scores against this, whatever the library holds later. */
  scenarioText: string;
  scenarioFileName: string;
  contentHash: string;
  createdAt: number;
  roomScreen: boolean;
  seating: 'hot-seat' | 'own-devices';
  /**
   * Set for a session imported from another facilitator's bundle (issue 18, item 5): its log is
   * kept here to be read, re-scored and exported, never appended to.
   */
  origin?: SessionOrigin;
}

export interface SessionStorage {
  list(): StoredSessionRecord[];
  get(sessionId: string): StoredSessionRecord | undefined;
  put(session: StoredSessionRecord): void;
}

/** The register's tracking of corrective actions (status, contact, start), beside the logs. */
export interface ActionStorage {
  list(): ActionRecord[];
  /** Writes every record or none (one transaction). */
  put(records: readonly ActionRecord[]): void;
}

export interface ServiceStorage {
  scenarios: ScenarioStorage;
  sessions: SessionStorage;
  events: EventStore;
  actions: ActionStorage;
}
