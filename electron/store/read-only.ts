// Opening a data file only to read it (an inspection, a listing, a report), so that reading leaves
// nothing behind and works where nothing can be written. A WAL-mode file opened read-only the
// usual way gets a -shm and an empty -wal created beside it, which stay after close; on read-only
// media (a write-protected stick, a read-only mount) SQLite cannot create them and fails with
// SQLITE_CANTOPEN. When no -wal exists, every committed byte is in the file itself, so it is read
// into memory and opened from there (what SQLite's immutable=1 would do; better-sqlite3 is built
// without URI file names). When a -wal exists, a writer is open or crashed with changes only
// there: SQLite must read it, the usual way.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { StoreError } from './errors.ts';
import { sqliteCode } from './sqlite-errors.ts';

function walSize(path: string): number | undefined {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return undefined;
  }
}

/** The file's bytes as a read-only in-memory database. */
function fromBytes(path: string): Database.Database {
  const bytes = readFileSync(path);
  // Bytes 18 and 19 of the header say WAL (2); an in-memory copy has no WAL to read: legacy (1).
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}

/**
 * Opens `path` for reading only, creating no file beside it. Throws what better-sqlite3 throws for
 * a file that is not a database (the caller translates it), and a StoreError for changes that are
 * only in a -wal that cannot be read where the file lies.
 */
export function openForReading(path: string): Database.Database {
  const wal = walSize(path);
  if (wal === undefined && !existsSync(`${path}-shm`)) return fromBytes(path);
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (!sqliteCode(error)?.startsWith('SQLITE_CANTOPEN')) throw error;
    if (!wal) return fromBytes(path);
    throw new StoreError(
      'io',
      `${path} has changes in ${path}-wal that are not yet in the file, and Drillbook cannot read them where they are (the folder is read-only). Copy both files to a folder you can write to, and open the copy.`,
      { path, cause: error },
    );
  }
}
