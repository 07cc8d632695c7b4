import type Database from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the migration transaction (never await in it) and must not
 * set user_version: the runner does. A released migration is never edited; add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
