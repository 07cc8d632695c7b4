// Bringing runs together (issue 18, item 5): the session of another facilitator's bundle kept in
// this data file, read-only, so History, trends and comparisons see every team's runs. The
// bundle is read by the bundle reader (verified, never written); its rows are copied in one
// transaction, with the scenario text shared by content hash. De-duplicated by session id:
// importing the same bundle twice adds nothing, and a session id this file has already (its own
// run, or one imported before) is never overwritten.
import { basename } from 'node:path';
import { StoreError } from './errors.ts';
import { openSessionBundle } from './bundle.ts';
import type { Db } from './open.ts';
import { translateWriteError } from './sqlite-errors.ts';
import type { Store } from './store.ts';

export type BundleImportOutcome = 'imported' | 'already-imported' | 'exists-locally';

export interface ImportedBundle {
  sessionId: string;
  outcome: BundleImportOutcome;
}

export interface ImportBundleOptions {
  /** The name the bundle is known by (default: the file's own name). */
  bundleFile?: string;
  /** Epoch ms of the import (default Date.now). */
  now?: () => number;
}

type Row = Record<string, unknown>;
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Inserts `row` into `table`, only the columns the target has (a later migration's column travels when both have it). */
function insertRow(db: Db, table: string, row: Row): void {
  const have = new Set((db.prepare(`SELECT name FROM pragma_table_info(${`'${table}'`})`).pluck().all() as string[]));
  const columns = Object.keys(row).filter((c) => have.has(c));
  db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(columns.map((c) => row[c]));
}

export function importSessionBundle(store: Store, bundlePath: string, options: ImportBundleOptions = {}): ImportedBundle {
  const bundle = openSessionBundle(bundlePath);
  try {
    const sessionId = bundle.session.id;
    const bundleFile = (options.bundleFile ?? basename(bundle.path)).slice(0, 255) || 'bundle.drillbook';
    const source = bundle.store.db;
    const db = store.db;
    const run = (): ImportedBundle => {
      if (store.imports.find(sessionId)) return { sessionId, outcome: 'already-imported' };
      if (store.sessions.find(sessionId)) return { sessionId, outcome: 'exists-locally' };
      const scenario = store.scenarios.import({
        scenarioId: bundle.scenario.scenarioId, title: bundle.scenario.title, sourceText: bundle.scenario.sourceText, sourceName: bundle.scenario.sourceName,
      });
      const session = source.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as Row;
      // The library entry it was started from is the other facilitator's, not one of this file's.
      insertRow(db, 'sessions', { ...session, scenario: scenario.id, entry_id: null });
      for (const seat of source.prepare('SELECT * FROM seats WHERE session = ? ORDER BY position').all(sessionId) as Row[]) insertRow(db, 'seats', seat);
      const insertEvent = db.prepare('INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const e of source.prepare('SELECT session, seq, at_ms, wall_ms, actor, type, payload FROM events WHERE session = ? ORDER BY seq').all(sessionId) as Row[]) {
        insertEvent.run(e.session, e.seq, e.at_ms, e.wall_ms, e.actor, e.type, e.payload);
      }
      for (const item of source.prepare('SELECT * FROM improvement_items WHERE session = ? ORDER BY position').all(sessionId) as Row[]) insertRow(db, 'improvement_items', item);
      // Last: from here on the triggers refuse any event appended to it.
      store.imports.insert({ session: sessionId, bundleFile, exportedAt: bundle.marker.exportedAt, appVersion: bundle.marker.appVersion, importedAt: (options.now ?? Date.now)() });
      return { sessionId, outcome: 'imported' };
    };
    try {
      return store.transaction(run);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      translateWriteError(error, { path: store.path, what: `The session ${sessionId} of ${bundleFile}`, savedUpTo: 'the last saved change' });
    }
  } finally {
    bundle.close();
  }
}
