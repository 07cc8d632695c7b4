// What can go wrong with the data file, as one error type whose message is written for the person
// in front of the laptop (what happened, where, what to do). `kind` is for code that reacts.
import type { BackupInfo } from './backup-files.ts';

export type StoreErrorKind =
  | 'damaged' // quick_check failed, or the file is not a SQLite database
  | 'newer-version' // written by a newer Drillbook; refused, not touched
  | 'foreign' // a SQLite database that is not Drillbook's; refused, not touched
  | 'outdated' // an older schema opened read-only: it cannot be upgraded without writing
  | 'disk-full'
  | 'sequence' // an event out of the session's dense order (a duplicate or a gap)
  | 'append-only' // an attempt to change or delete a recorded event
  | 'not-found'
  | 'conflict'
  | 'busy'
  | 'read-only' // the file or its folder cannot be written: only reading commands may use it
  | 'io';

export interface StoreErrorOptions {
  cause?: unknown;
  /** The data file concerned. */
  path?: string;
  /** For `damaged`: the backups of this file, newest first (the first is the one to offer). */
  backups?: BackupInfo[];
}

export class StoreError extends Error {
  readonly kind: StoreErrorKind;
  readonly path: string | undefined;
  readonly backups: BackupInfo[];

  constructor(kind: StoreErrorKind, message: string, options: StoreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.kind = kind;
    this.path = options.path;
    this.backups = options.backups ?? [];
  }

  /** The backup to offer the user first, if there is one. */
  get newestBackup(): BackupInfo | undefined {
    return this.backups[0];
  }
}
