// The one place a Drillbook data file is opened. Every connection gets the same settings: WAL
// (readers never block the writer), synchronous=FULL (a commit survives a power cut, not only a
// crash), foreign keys, and a busy timeout so a second reader waits instead of failing.
import Database from 'better-sqlite3';
import { backupNow } from './backup.ts';
import { runMigrations } from './migrate.ts';
import { pruneBackups } from './backup-files.ts';
import { sqliteCode } from './sqlite-errors.ts';
import { StoreError } from './errors.ts';
import { inspectFile } from './inspect.ts';
import { openForReading } from './read-only.ts';
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_VERSION, migrations } from './migrations/index.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open for reading only (reports, listings). The file must exist and be at the current schema. */
  readonly?: boolean;
  /** Copy an existing file into backups/ on open (default true for writable opens). */
  backupOnOpen?: boolean;
  /** How many automatic copies to keep (default 10). */
  keepBackups?: number;
  /** Milliseconds to wait for a lock held by another connection (default 5000). */
  busyTimeoutMs?: number;
  /**
   * Told when the copy on open could not be made (a full disk, say). The file still opens: a
   * workshop must not stop because a backup failed. Default: a warning on stderr.
   */
  onBackupError?: (error: StoreError) => void;
  /**
   * Only the bundle reader (bundle.ts) sets this. Any other open refuses a file that carries a
   * session bundle's marker: a bundle is never anyone's working data file, nor listed as one.
   */
  bundle?: boolean;
}

export const BUSY_TIMEOUT_MS = 5000;

function bundleRefused(path: string): StoreError {
  return new StoreError(
    'conflict',
    `${path} is a session bundle, which is only ever read as one and never written: review it with \`drillbook serve --review ${path}\`, re-export it with \`drillbook report ${path}\`, or use Open Session Bundle in the desktop app. Drillbook did not change it. Give a data file instead.`,
    { path },
  );
}

/** Why `path` cannot be written (EROFS, EACCES...), or undefined when it can. WAL also writes beside it. */
function notWritable(path: string, exists: boolean): string | undefined {
  for (const target of exists ? [path, dirname(path)] : [dirname(path)]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A missing folder is not a read-only one: the open below says so in its own words.
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return code;
    }
  }
  return undefined;
}

function applyPragmas(db: Db, readonly: boolean, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

/**
 * Opens (creating it if needed) the data file at `path` and brings its schema up to date.
 * Throws a StoreError, without writing to the file, when it is damaged, foreign, or newer.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const state = inspectFile(path);
  if (state.bundle && !options.bundle) throw bundleRefused(path);

  if (readonly) {
    if (!state.exists) throw new StoreError('not-found', `There is no Drillbook data file at ${path}. Check the path.`, { path });
    if (state.version < LATEST_VERSION) {
      throw new StoreError(
        'outdated',
        `The data file ${path} uses an older schema (${state.version}; current ${LATEST_VERSION}). Open it once in Drillbook (or with any command that writes to it, such as \`drillbook simulate --db\`) to upgrade it; a backup is kept.`,
        { path },
      );
    }
    const db = openForReading(path);
    applyPragmas(db, true, busyTimeoutMs);
    return db;
  }

  const denied = notWritable(path, state.exists);
  if (denied !== undefined) {
    throw new StoreError(
      'read-only',
      `${path} is read-only (${denied}): a write-protected stick, a read-only folder or file. Drillbook can list and export its sessions (\`drillbook sessions\`, \`drillbook report\`, or Open Session Bundle for a bundle) but cannot run or change sessions in it. Copy it to a folder you can write to and open that copy.`,
      { path },
    );
  }

  let db: Db | undefined;
  try {
    db = new Database(path);
    applyPragmas(db, false, busyTimeoutMs);
  } catch (error) {
    db?.close();
    const code = sqliteCode(error) ?? (error instanceof Error ? error.message : String(error));
    throw new StoreError(
      'io',
      `Drillbook cannot write to ${path} (${code}). The file or its folder may be read-only (a write-protected stick, a shared folder): copy the file to a folder you can write to and open that copy.`,
      { path, cause: error },
    );
  }
  try {
    if (state.version < LATEST_VERSION) {
      runMigrations(db, path, state.version, migrations);
    } else if (options.backupOnOpen ?? true) {
      try {
        backupNow(db, path, 'open');
        pruneBackups(path, options.keepBackups ?? 10);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        (options.onBackupError ?? ((e: StoreError) => console.warn(`drillbook: ${e.message}`)))(error);
      }
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** PRAGMA user_version of an open database. */
export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}
