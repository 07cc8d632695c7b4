// Where backups of a data file live and what they are called: `backups/` beside the file, one
// file per copy, named `<base>.<UTC stamp>.<reason>.db` so that names sort by age and a listing
// needs no database. Taking a copy needs an open database (see backup.ts); this file does not.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Why a copy was taken. Rolling copies are pruned; copies taken before a migration are kept. */
export type BackupReason = 'open' | 'rolling' | `before-v${number}`;

export interface BackupInfo {
  path: string;
  /** When the copy was taken (from its name, UTC). */
  takenAt: Date;
  reason: string;
  bytes: number;
}

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stem(dbPath: string): string {
  const name = basename(dbPath);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(text: string): Date | undefined {
  const m = STAMP.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
}

/** A fresh, not yet existing path for a copy of `dbPath` taken now. */
export function newBackupPath(dbPath: string, reason: BackupReason, now: Date = new Date()): string {
  const dir = backupDir(dbPath);
  const base = `${stem(dbPath)}.${stamp(now)}.${reason}`;
  let candidate = join(dir, `${base}.db`);
  // Two copies within the same millisecond (tests, a migration right after open) get a suffix.
  for (let n = 2; existsQuiet(candidate); n += 1) candidate = join(dir, `${base}-${n}.db`);
  return candidate;
}

function existsQuiet(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The backups of `dbPath`, newest first. A missing backups folder means none. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${stem(dbPath)}.`;
  const found: BackupInfo[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.db')) continue;
    const parts = name.slice(prefix.length, -'.db'.length).split('.');
    if (parts.length !== 2) continue;
    const [stampText, reason] = parts as [string, string];
    const takenAt = parseStamp(stampText);
    if (!takenAt) continue;
    const path = join(dir, name);
    let bytes: number;
    try {
      bytes = statSync(path).size;
    } catch {
      continue;
    }
    found.push({ path, takenAt, reason: reason.replace(/-\d+$/, ''), bytes });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.path.localeCompare(a.path));
}

/** Deletes all but the newest `keep` rolling and on-open copies; pre-migration copies stay. */
export function pruneBackups(dbPath: string, keep: number): void {
  const automatic = listBackups(dbPath).filter((b) => b.reason === 'open' || b.reason === 'rolling');
  for (const old of automatic.slice(Math.max(keep, 1))) {
    try {
      unlinkSync(old.path);
    } catch {
      // Already gone (another window pruned it): nothing to do.
    }
  }
}

export function describeBackup(backup: BackupInfo): string {
  return `${backup.path} (taken ${backup.takenAt.toISOString().replace('T', ' ').slice(0, 19)} UTC)`;
}
