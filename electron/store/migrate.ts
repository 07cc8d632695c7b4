// Brings a database up to the last migration of a registry: every pending step in one
// transaction (a failure leaves the file at its old version), after a copy of a non-empty file.
import type Database from 'better-sqlite3';
import { backupNow } from './backup.ts';
import type { Migration } from './migrations/index.ts';
import { translateWriteError } from './sqlite-errors.ts';

export interface MigrationResult {
  from: number;
  to: number;
  /** The copy taken before migrating, if one was needed. */
  backup: string | undefined;
}

export function runMigrations(db: Database.Database, path: string, from: number, registry: readonly Migration[]): MigrationResult {
  const to = registry.length;
  if (from >= to) return { from, to: from, backup: undefined };
  const backup = from > 0 ? backupNow(db, path, `before-v${to}`) : undefined;
  const pending = registry.filter((m) => m.version > from);
  const run = db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  try {
    run.immediate();
  } catch (error) {
    translateWriteError(error, { path, what: `Upgrading the data file to schema ${to}`, savedUpTo: 'its last change (it is unchanged)' });
  }
  return { from, to, backup };
}
