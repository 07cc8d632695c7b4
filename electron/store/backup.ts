// Copies of the data file: a synchronous one (VACUUM INTO) before a migration and on open, and
// rolling ones every few minutes with db.backup(), which copies in steps without blocking the
// event loop for long.
import type Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupDir, newBackupPath, pruneBackups, type BackupReason } from './backup-files.ts';
import { StoreError } from './errors.ts';
import { sqliteCode } from './sqlite-errors.ts';

/** A failed copy leaves no half-written file behind to be offered later as a backup. */
function backupFailed(target: string, error: unknown): StoreError {
  try {
    rmSync(target, { force: true });
  } catch {
    // The folder itself is unusable (the reason the copy failed): there is nothing to remove.
  }
  const code = sqliteCode(error) ?? (error instanceof Error && 'code' in error ? String(error.code) : undefined);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new StoreError('disk-full', `The disk is full: free space on the drive holding ${dirname(target)}. A backup of the data file could not be written; the data file itself is unchanged.`, {
      path: target,
      cause: error,
    });
  }
  return new StoreError('io', `A backup of the data file could not be written to ${target} (${code ?? String(error)}); the data file itself is unchanged.`, {
    path: target,
    cause: error,
  });
}

/** Takes a consistent copy now and returns its path. */
export function backupNow(db: Database.Database, dbPath: string, reason: BackupReason): string {
  const target = newBackupPath(dbPath, reason);
  try {
    mkdirSync(backupDir(dbPath), { recursive: true });
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw backupFailed(target, error);
  }
  return target;
}

export interface RollingBackupOptions {
  /** Default 5 minutes. */
  everyMs?: number;
  /** How many automatic copies to keep. Default 10. */
  keep?: number;
  /** A failed copy must not stop a workshop; it is reported here (default: ignored). */
  onError?: (error: unknown) => void;
  onBackup?: (path: string) => void;
}

export interface RollingBackups {
  /** Takes a copy now (also what the timer does). */
  runOnce(): Promise<string>;
  stop(): Promise<void>;
}

export function startRollingBackups(db: Database.Database, dbPath: string, options: RollingBackupOptions = {}): RollingBackups {
  const keep = options.keep ?? 10;
  let running: Promise<string> | undefined;

  const runOnce = (): Promise<string> => {
    if (running) return running;
    mkdirSync(backupDir(dbPath), { recursive: true });
    const target = newBackupPath(dbPath, 'rolling');
    running = db
      .backup(target)
      .catch((error: unknown) => {
        throw backupFailed(target, error);
      })
      .then(() => {
        pruneBackups(dbPath, keep);
        options.onBackup?.(target);
        return target;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => options.onError?.(error));
  }, options.everyMs ?? 5 * 60_000);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
