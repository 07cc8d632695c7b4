// Sessions imported from other facilitators' bundles (schema v6): where each came from. The
// session's own rows live in the ordinary tables; bundle-import.ts writes them and this row together.
import { z } from 'zod';
import type { Db } from '../open.ts';

export interface SessionImport {
  session: string;
  /** The bundle's file name as it was imported. */
  bundleFile: string;
  exportedAt: number;
  appVersion: string;
  importedAt: number;
}

const rowSchema = z.object({
  session: z.string(),
  bundle_file: z.string(),
  exported_at: z.number().int(),
  app_version: z.string(),
  imported_at: z.number().int(),
});

const fromRow = (raw: unknown): SessionImport => {
  const r = rowSchema.parse(raw);
  return { session: r.session, bundleFile: r.bundle_file, exportedAt: r.exported_at, appVersion: r.app_version, importedAt: r.imported_at };
};

export function importQueries(db: Db) {
  const selectOne = db.prepare('SELECT * FROM imported_sessions WHERE session = ?');
  const selectAll = db.prepare('SELECT * FROM imported_sessions ORDER BY imported_at, session');
  const insert = db.prepare('INSERT INTO imported_sessions (session, bundle_file, exported_at, app_version, imported_at) VALUES (?, ?, ?, ?, ?)');
  return {
    find(session: string): SessionImport | undefined {
      const row = selectOne.get(session);
      return row === undefined ? undefined : fromRow(row);
    },
    list(): SessionImport[] {
      return selectAll.all().map(fromRow);
    },
    /** Inside the import's transaction only (bundle-import.ts): the session's rows are written first. */
    insert(row: SessionImport): void {
      insert.run(row.session, row.bundleFile, row.exportedAt, row.appVersion, row.importedAt);
    },
  };
}

export type ImportQueries = ReturnType<typeof importQueries>;
