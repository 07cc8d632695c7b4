// better-sqlite3 throws SqliteError with an extended result code; this turns the ones a user can
// meet into a StoreError that says what happened and what to do. Anything else is a bug and is
// rethrown as it is.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { StoreError } from './errors.ts';
import { listBackups, describeBackup } from './backup-files.ts';

export function isSqliteError(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError;
}

export function sqliteCode(error: unknown): string | undefined {
  return isSqliteError(error) ? error.code : undefined;
}

export function isDamageCode(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** The message for a damaged file, naming the newest backup. */
export function damagedError(path: string, detail: string, cause?: unknown): StoreError {
  const backups = listBackups(path);
  const newest = backups[0];
  const offer = newest
    ? `The newest backup is ${describeBackup(newest)}: restore it in its place with \`drillbook restore ${path} --from ${newest.path}\` (the damaged file is kept beside it), or copy it to a new file and open that.`
    : `There is no backup of it in ${dirname(path)}/backups; if you have a copy elsewhere, open that.`;
  return new StoreError(
    'damaged',
    `The data file ${path} is damaged (${detail}). Drillbook did not change it. ${offer}`,
    { path, backups, cause },
  );
}

export interface WriteContext {
  path: string;
  /** What was being saved, for the message ("decision 14 of session abc"). */
  what: string;
  /** The last thing known to be saved ("event 13 of session abc"), for "nothing was lost up to". */
  savedUpTo: string;
}

/** Translates an error thrown by a write; rethrows what it does not recognise. */
export function translateWriteError(error: unknown, ctx: WriteContext): never {
  if (error instanceof StoreError) throw error;
  const code = sqliteCode(error);
  if (code === undefined) throw error;
  if (code === 'SQLITE_FULL') {
    throw new StoreError(
      'disk-full',
      `The disk is full: free space on the drive holding ${dirname(ctx.path)}, then try again. ` +
        `${ctx.what} was not saved; nothing was lost up to ${ctx.savedUpTo}.`,
      { path: ctx.path, cause: error },
    );
  }
  if (isDamageCode(code)) throw damagedError(ctx.path, `SQLite reported ${code} while saving ${ctx.what}`, error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED')) {
    throw new StoreError(
      'busy',
      `${ctx.what} was not saved: another program is holding ${ctx.path}. Close other Drillbook windows or tools using the file, then try again. Nothing was lost up to ${ctx.savedUpTo}.`,
      { path: ctx.path, cause: error },
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
    throw new StoreError(
      'io',
      `${ctx.what} was not saved: the computer could not write ${ctx.path} (${code}). Check that the drive is still attached and writable, then try again. Nothing was lost up to ${ctx.savedUpTo}.`,
      { path: ctx.path, cause: error },
    );
  }
  throw error;
}
