// A session bundle: one portable `.drillbook` file holding a single session (its scenario text,
// session row, seats, events and plan) in the data file's own schema, so another copy of
// Drillbook can re-score and re-export it. It is written to a temporary file and moved into place
// only when complete, and it is always opened read-only: reviewing a bundle never changes it.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { SessionEvent } from '../../core/engine/event.ts';
import { StoreError } from './errors.ts';
import { BUNDLE_MARKER_KEY, inspectFile } from './inspect.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { openDatabase, schemaVersion, type Db } from './open.ts';
import { contentHash, type StoredScenario } from './queries/scenarios.ts';
import type { StoredSession } from './queries/sessions.ts';
import type { ImprovementItem } from './queries/improvements.ts';
import { sqliteCode } from './sqlite-errors.ts';
import { FileExistsError, publishFile, temporaryPathFor } from '../files/atomic-write.ts';
import { openStore, type Store } from './store.ts';

export const BUNDLE_EXTENSION = '.drillbook';
export const BUNDLE_KIND = 'drillbook/session-bundle@1';
/** The settings key of the marker that makes a data file a bundle (inspect.ts looks for it before any open). */
export { BUNDLE_MARKER_KEY };

const markerSchema = z.object({
  kind: z.literal(BUNDLE_KIND),
  sessionId: z.string().min(1),
  exportedAt: z.number().int(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  eventCount: z.number().int().min(0),
  contentHash: z.string(),
});
export type BundleMarker = z.infer<typeof markerSchema>;

export interface ExportBundleOptions {
  /** Replace an existing file at the path (default: refuse). */
  overwrite?: boolean;
  /** The version of the Drillbook that writes it, recorded in the marker. */
  appVersion?: string;
  /** Epoch ms of the export (default Date.now). */
  now?: () => number;
}

export interface SessionBundle {
  path: string;
  marker: BundleMarker;
  /** The bundle's own read-only store (for rescoreSession and the like); close() closes it. */
  store: Store;
  session: StoredSession;
  scenario: StoredScenario;
  events: SessionEvent[];
  plan: ImprovementItem[];
  close(): void;
}

type Row = Record<string, unknown>;

/** What goes into the bundle, read in one read transaction so a live writer cannot tear it. */
interface Snapshot {
  scenario: Row;
  session: Row;
  seats: Row[];
  events: Row[];
  improvements: Row[];
  library: Row[];
  hash: string;
}

function readSnapshot(store: Store, sessionId: string): Snapshot {
  const db = store.db;
  return db.transaction((): Snapshot => {
    const stored = store.sessions.get(sessionId);
    const scenario = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(stored.scenario) as Row | undefined;
    if (scenario === undefined) throw new StoreError('not-found', `Session ${sessionId} in ${store.path} has no scenario text; it cannot be bundled.`, { path: store.path });
    const session = db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as Row;
    const library = stored.entryId === null ? [] : (db.prepare('SELECT * FROM library_entries WHERE entry_id = ? AND scenario = ?').all(stored.entryId, stored.scenario) as Row[]);
    return {
      scenario,
      session,
      seats: db.prepare('SELECT * FROM seats WHERE session = ? ORDER BY position').all(sessionId) as Row[],
      // The row id is the source file's; the bundle numbers its own rows.
      events: db.prepare('SELECT session, seq, at_ms, wall_ms, actor, type, payload FROM events WHERE session = ? ORDER BY seq').all(sessionId) as Row[],
      improvements: db.prepare('SELECT * FROM improvement_items WHERE session = ? ORDER BY position').all(sessionId) as Row[],
      library,
      hash: String(scenario.content_hash),
    };
  })();
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Copies rows column by column, so a column added by a later migration travels without code here. */
function insertRows(db: Db, table: string, rows: readonly Row[]): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(columns.map((c) => row[c]));
}

function removeQuietly(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      rmSync(path + suffix, { force: true });
    } catch {
      // Nothing more can be done about a leftover temporary file; it carries a .tmp name.
    }
  }
}

function exists(path: string): boolean {
  return existsSync(path);
}

function conflict(path: string): StoreError {
  return new StoreError('conflict', `${path} already exists. Drillbook did not change it. Choose another file name, or ask to replace it (\`--force\` on the command line).`, { path });
}

/** Moves the finished temporary file into place (flushed); without overwrite, never replaces a file that appeared meanwhile. */
function publish(tmp: string, target: string, overwrite: boolean): void {
  try {
    publishFile(tmp, target, { overwrite });
  } catch (error) {
    if (error instanceof FileExistsError) throw conflict(target);
    throw error;
  }
}

/**
 * Writes session `sessionId` of `store` to a new bundle at `outPath` and returns its marker.
 * Nothing is left at `outPath` (or beside it) when it fails.
 */
export function exportSessionBundle(store: Store, sessionId: string, outPath: string, options: ExportBundleOptions = {}): BundleMarker {
  const target = resolve(outPath);
  if (target === resolve(store.path)) {
    throw new StoreError('conflict', `The bundle cannot be written over the data file it comes from (${target}). Choose another file name.`, { path: target });
  }
  if (!options.overwrite && exists(target)) throw conflict(target);
  const snapshot = readSnapshot(store, sessionId);
  const marker: BundleMarker = {
    kind: BUNDLE_KIND,
    sessionId,
    exportedAt: (options.now ?? Date.now)(),
    appVersion: options.appVersion ?? 'unknown',
    schemaVersion: LATEST_VERSION,
    eventCount: snapshot.events.length,
    contentHash: snapshot.hash,
  };
  const tmp = temporaryPathFor(target);
  try {
    // The same open as every data file: the same migrations build the same schema.
    const db = openDatabase(tmp, { backupOnOpen: false });
    try {
      db.transaction(() => {
        insertRows(db, 'scenarios', [snapshot.scenario]);
        insertRows(db, 'library_entries', snapshot.library);
        insertRows(db, 'sessions', [snapshot.session]);
        insertRows(db, 'seats', snapshot.seats);
        insertRows(db, 'events', snapshot.events);
        insertRows(db, 'improvement_items', snapshot.improvements);
        db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(BUNDLE_MARKER_KEY, JSON.stringify(marker), marker.exportedAt);
      }).immediate();
      // One self-contained file: no -wal beside it, and a read-only open creates nothing.
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    publish(tmp, target, options.overwrite ?? false);
  } catch (error) {
    removeQuietly(tmp);
    if (error instanceof StoreError && error.kind === 'conflict') throw error;
    throw writeFailed(target, error);
  }
  return marker;
}

function writeFailed(target: string, error: unknown): StoreError {
  const code = sqliteCode(error) ?? (error instanceof Error && 'code' in error ? String(error.code) : undefined);
  const cause = error instanceof StoreError ? error.cause : error;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (error instanceof StoreError && error.kind === 'disk-full')) {
    return new StoreError('disk-full', `The disk is full: the bundle ${target} could not be written (nothing was left there). Free space on that drive and export again.`, { path: target, cause });
  }
  const detail = error instanceof StoreError ? error.message : (code ?? (error instanceof Error ? error.message : String(error)));
  return new StoreError('io', `The bundle ${target} could not be written (${detail}); nothing was left there. Check that the folder exists and is writable, then export again.`, { path: target, cause });
}

// ---- reading ----

/**
 * Whether the file at `path` carries a bundle's marker, looked at read-only (false for anything
 * unreadable). A writer checks this first: a bundle must never become someone's working data file.
 */
export function isSessionBundle(path: string): boolean {
  try {
    return statSync(path).isFile() && inspectFile(path).bundle;
  } catch {
    return false;
  }
}

const AGAIN = 'Ask for the session to be exported again (`drillbook report DB --session ID --format bundle`, or Export in the app).';

function notABundle(path: string, why: string, kind: 'foreign' | 'damaged' = 'damaged'): StoreError {
  return new StoreError(kind, `${path} is not a usable Drillbook session bundle: ${why}. Drillbook did not change it. ${AGAIN}`, { path });
}

interface OpenedFile {
  store: Store;
  /** Removes the upgraded temporary copy, if one was made. */
  cleanup(): void;
}

/**
 * A bundle from an older Drillbook: the same migrations run on a temporary copy, which is what is
 * read; the file itself is never written.
 */
function upgradedCopy(path: string, cause: StoreError): OpenedFile {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-old-bundle-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    openDatabase(copy, { backupOnOpen: false, bundle: true }).close();
    return { store: openStore(copy, { readonly: true, bundle: true }), cleanup };
  } catch (error) {
    cleanup();
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('outdated', `The session bundle ${path} uses an older schema, and a temporary copy of it could not be upgraded (${detail}). Drillbook did not change it. ${AGAIN}`, { path, cause: cause });
  }
}

/** The store's refusals, said about a bundle rather than a data file with backups. */
function openBundleStore(path: string): OpenedFile {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw notABundle(path, 'it is a folder, not a file', 'foreign');
    size = info.size;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('not-found', `There is no session bundle at ${path}. Check the path.`, { path, cause: error });
  }
  if (size === 0) throw notABundle(path, 'the file is empty');
  try {
    return { store: openStore(path, { readonly: true, bundle: true }), cleanup: () => {} };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    switch (error.kind) {
      case 'newer-version':
        throw new StoreError('newer-version', `The session bundle ${path} was written by a newer version of Drillbook (this one knows schema up to ${LATEST_VERSION}). Drillbook did not change it. Open it with the newer version, or update Drillbook.`, { path, cause: error });
      case 'outdated':
        return upgradedCopy(path, error);
      case 'foreign':
        throw notABundle(path, 'it is a SQLite database, but not one of Drillbook\'s', 'foreign');
      case 'damaged': {
        const detail = / is damaged \((.*)\)\. Drillbook did not/.exec(error.message)?.[1] ?? 'SQLite cannot read it';
        throw new StoreError('damaged', `${path} is not a usable Drillbook session bundle: it is damaged or truncated (${detail}). Drillbook did not change it. ${AGAIN}`, { path, cause: error });
      }
      default:
        throw error;
    }
  }
}

const count = (db: Db, sql: string, ...params: unknown[]): number => Number(db.prepare(sql).pluck().get(...params));

function verify(store: Store, path: string): Omit<SessionBundle, 'store' | 'close' | 'path'> {
  const db = store.db;
  const rawMarker = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(BUNDLE_MARKER_KEY);
  if (rawMarker === undefined) {
    throw new StoreError('foreign', `${path} is a Drillbook data file, not a session bundle. Use it with \`drillbook report ${basename(path)} --session ID\`, or export one session from it with \`--format bundle\`.`, { path });
  }
  let markerJson: unknown;
  try {
    markerJson = JSON.parse(String(rawMarker));
  } catch {
    markerJson = undefined;
  }
  const parsed = markerSchema.safeParse(markerJson);
  if (!parsed.success) throw notABundle(path, 'its bundle marker is not one this Drillbook knows');
  const marker = parsed.data;
  // An older bundle is read from an upgraded copy: its marker keeps the schema it was written at.
  if (marker.schemaVersion > schemaVersion(db)) throw notABundle(path, `its marker says schema ${marker.schemaVersion}, the file is at ${schemaVersion(db)}`);

  const sessions = count(db, 'SELECT count(*) FROM sessions');
  if (sessions !== 1) throw notABundle(path, `a bundle holds exactly one session, this file holds ${sessions}`);
  const session = store.sessions.find(marker.sessionId);
  if (!session) throw notABundle(path, `its marker names session ${marker.sessionId}, which is not in it`);

  const all = count(db, 'SELECT count(*) FROM events');
  const stats = db.prepare('SELECT count(*) AS n, coalesce(min(seq), 0) AS lo, coalesce(max(seq), 0) AS hi, count(DISTINCT seq) AS d FROM events WHERE session = ?').get(session.id) as { n: number; lo: number; hi: number; d: number };
  if (all !== stats.n) throw notABundle(path, `it holds ${all - stats.n} events of other sessions`);
  if (stats.n !== marker.eventCount) throw notABundle(path, `its marker counts ${marker.eventCount} events, the file holds ${stats.n}`);
  if (stats.n > 0 && (stats.lo !== 1 || stats.hi !== stats.n || stats.d !== stats.n)) {
    throw notABundle(path, `its events are not numbered 1 to ${stats.n} without gaps (found ${stats.lo} to ${stats.hi})`);
  }

  const scenario = store.scenarios.get(session.scenario);
  if (contentHash(scenario.sourceText) !== scenario.contentHash || scenario.contentHash !== marker.contentHash) {
    throw notABundle(path, `the copy of the scenario ${scenario.sourceName} does not match its content hash (it was changed after export)`);
  }

  let events: SessionEvent[];
  try {
    events = store.events.load(session.id);
  } catch {
    throw notABundle(path, 'some of its recorded events cannot be read');
  }
  return { marker, session, scenario, events, plan: store.improvements.list(session.id) };
}

/**
 * Opens the bundle at `path` read-only and checks that it is one: sound file, the marker, exactly
 * one session, events 1..n, the scenario text matching its hash. Throws a StoreError saying what
 * is wrong otherwise. The caller closes it.
 */
export function openSessionBundle(path: string): SessionBundle {
  const full = resolve(path);
  const { store, cleanup } = openBundleStore(full);
  const close = (): void => {
    store.close();
    cleanup();
  };
  try {
    const contents = verify(store, full);
    return { path: full, store, ...contents, close };
  } catch (error) {
    close();
    throw error;
  }
}
