// A look at a data file before anything writes to it: opened read-only, so a damaged file, a
// foreign database or one from a newer Drillbook is refused with its bytes untouched.
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { StoreError } from './errors.ts';
import { damagedError, isDamageCode, sqliteCode } from './sqlite-errors.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { openForReading } from './read-only.ts';

export interface FileState {
  /** False for a missing or zero-length file: a new database. */
  exists: boolean;
  version: number;
  /** It carries a session bundle's marker: only the bundle reader may open it. */
  bundle: boolean;
}

/** The settings key of a bundle's marker (bundle.ts re-exports it). */
export const BUNDLE_MARKER_KEY = 'bundle';

export function fileSize(path: string): number | undefined {
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new StoreError('io', `${path} is a folder, not a Drillbook data file. Choose a file inside it, such as ${path}/drillbook.db.`, { path });
    return info.size;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    return undefined;
  }
}

/** Checks the file at `path` read-only. Throws a StoreError if Drillbook must not write to it. */
export function inspectFile(path: string): FileState {
  const size = fileSize(path);
  if (size === undefined || size === 0) return { exists: false, version: 0, bundle: false };
  let version: number;
  let tables: number;
  let bundle: boolean;
  let db: Database.Database | undefined;
  try {
    // Read without creating a -wal or -shm beside it, and on read-only media too.
    db = openForReading(path);
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const first = problems[0]?.quick_check;
    if (first !== 'ok') {
      throw damagedError(path, `the integrity check found: ${problems.slice(0, 3).map((p) => p.quick_check).join('; ')}`);
    }
    version = Number(db.pragma('user_version', { simple: true }));
    tables = Number(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get());
    const settings = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined;
    bundle = settings && db.prepare('SELECT 1 FROM settings WHERE key = ?').get(BUNDLE_MARKER_KEY) !== undefined;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = sqliteCode(error);
    if (isDamageCode(code)) {
      const detail = code === 'SQLITE_NOTADB' ? 'it is not a Drillbook database file' : 'SQLite cannot read parts of it';
      throw damagedError(path, detail, error);
    }
    const reason = code ?? (error instanceof Error && 'code' in error ? String(error.code) : String(error));
    throw new StoreError('io', `Drillbook could not read ${path} (${reason}). Check that the file exists and is readable.`, {
      path,
      cause: error,
    });
  } finally {
    db?.close();
  }
  if (version > LATEST_VERSION) {
    throw new StoreError(
      'newer-version',
      `The data file ${path} was written by a newer version of Drillbook (schema ${version}; this one knows up to ${LATEST_VERSION}). ` +
        'Drillbook did not change it. Open it with the newer version, or update Drillbook.',
      { path },
    );
  }
  if (version === 0 && tables > 0) {
    throw new StoreError(
      'foreign',
      `${path} is a SQLite database, but not a Drillbook data file. Drillbook did not change it. Choose another file, or a new file name.`,
      { path },
    );
  }
  return { exists: true, version, bundle };
}
