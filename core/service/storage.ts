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

/** One saved version of a library entry. History is append-only: a restore is a new version. */
export interface StoredVersion {
  entryId: string;
  /** 1, 2, 3... in the order saved. */
  version: number;
  fileName: string;
  contentHash: string;
  savedAt: number;
  /** The author's note ("Shorter first alert"); empty when none was given. */
  note: string;
  /** The text loaded with no error when saved: only a ready version becomes the entry's listed text. */
  ready: boolean;
}

export interface VersionInput {
  savedAt: number;
  note: string;
  ready: boolean;
}

export interface ScenarioStorage {
  /** Each entry with its listed text: its latest ready version. */
  list(): StoredScenario[];
  get(entryId: string): StoredScenario | undefined;
  /**
   * Appends the next version of the entry (the first one creates it) with this text, in one write;
   * a ready version also becomes the entry's listed text, a draft with errors does not.
   */
  save(scenario: StoredScenario, version: VersionInput): StoredVersion;
  /** The entry's versions, oldest first ([] when it has none). */
  versions(entryId: string): StoredVersion[];
  /** The exact text of one version. */
  versionText(entryId: string, version: number): string | undefined;
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
