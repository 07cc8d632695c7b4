// Copies of the data file: a synchronous one (VACUUM INTO) before a migration and on open, and
// rolling ones every few minutes with db.backup(), which copies in steps without blocking the
// event loop for long.
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { backupDir, newBackupPath, pruneBackups, type BackupReason } from './backup-files.ts';

/** Takes a consistent copy now and returns its path. */
export function backupNow(db: Database.Database, dbPath: string, reason: BackupReason): string {
  mkdirSync(backupDir(dbPath), { recursive: true });
  const target = newBackupPath(dbPath, reason);
  db.prepare('VACUUM INTO ?').run(target);
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
