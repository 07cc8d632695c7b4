// One open data file with its query modules. The host, the CLI and the tests all go through this.
import { openDatabase, type Db, type OpenOptions } from './open.ts';
import { SqliteEventStore } from './queries/events.ts';
import { improvementQueries } from './queries/improvements.ts';
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
  readonly library: ReturnType<typeof libraryQueries>;
  /** Every saved version of a library entry (append-only). */
  readonly libraryVersions: ReturnType<typeof libraryVersionQueries>;
  readonly settings: ReturnType<typeof settingsQueries>;
  /** The LAN lobbies and the facilitator console key (a restarted server takes devices back). */
  readonly lobbies: ReturnType<typeof lobbyQueries>;
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
    library: libraryQueries(db, path),
    libraryVersions: libraryVersionQueries(db, path),
    settings: settingsQueries(db, path),
    lobbies: lobbyQueries(db, path),
    transaction: <T>(fn: () => T): T => (readonly ? db.transaction(fn)() : db.transaction(fn).immediate()),
    close: () => db.close(),
  };
}
