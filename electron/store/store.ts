// One open data file with its query modules. The host, the CLI and the tests all go through this.
import { openDatabase, type Db, type OpenOptions } from './open.ts';
import { actionQueries } from './queries/actions.ts';
import { SqliteEventStore } from './queries/events.ts';
import { improvementQueries } from './queries/improvements.ts';
import { importQueries } from './queries/imports.ts';
import { libraryQueries } from './queries/library.ts';
import { libraryVersionQueries } from './queries/library-versions.ts';
import { lobbyQueries } from './queries/lobbies.ts';
import { scenarioQueries } from './queries/scenarios.ts';
import { sessionQueries } from './queries/sessions.ts';
import { settingsQueries } from './queries/settings.ts';
import { summarizeEvents } from './session-summary.ts';

export interface Store {
  readonly path: string;
  readonly db: Db;
  readonly scenarios: ReturnType<typeof scenarioQueries>;
  readonly sessions: ReturnType<typeof sessionQueries>;
  readonly events: SqliteEventStore;
  readonly improvements: ReturnType<typeof improvementQueries>;
  /** The corrective-action register's tracking (status, contact, start set outside a session). */
  readonly actions: ReturnType<typeof actionQueries>;
  readonly library: ReturnType<typeof libraryQueries>;
  /** Every saved version of a library entry (append-only). */
  readonly libraryVersions: ReturnType<typeof libraryVersionQueries>;
  readonly settings: ReturnType<typeof settingsQueries>;
  /** The LAN lobbies and the facilitator console key (a restarted server takes devices back). */
  readonly lobbies: ReturnType<typeof lobbyQueries>;
  /** Where each session imported from another facilitator's bundle came from (bundle-import.ts). */
  readonly imports: ReturnType<typeof importQueries>;
  /** Runs `fn` in one write transaction (synchronous: never await inside). */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  const db = openDatabase(path, options);
  const readonly = options.readonly ?? false;
  // The modules prepare their writes eagerly; SQLite allows that on a read-only handle (a write
  // fails only when run).
  const sessions = sessionQueries(db, path);
  const improvements = improvementQueries(db, path);
  return {
    path,
    db,
    scenarios: scenarioQueries(db, path),
    sessions,
    events: new SqliteEventStore(db, path, summarizeEvents(sessions, improvements)),
    improvements,
    actions: actionQueries(db, path),
    library: libraryQueries(db, path),
    libraryVersions: libraryVersionQueries(db, path),
    settings: settingsQueries(db, path),
    lobbies: lobbyQueries(db, path),
    imports: importQueries(db),
    transaction: <T>(fn: () => T): T => (readonly ? db.transaction(fn)() : db.transaction(fn).immediate()),
    close: () => db.close(),
  };
}
