// Library entries: an imported scenario as the application's library lists it, pointing at the
// stored copy of its text (one copy per distinct text, however many entries share it).
import { z } from 'zod';
import type { Db } from '../open.ts';
import { translateWriteError } from '../sqlite-errors.ts';

export interface LibraryEntry {
  entryId: string;
  /** Row id of the text in `scenarios`. */
  scenario: number;
  source: 'shipped' | 'imported';
  fileName: string;
  importedAt: number | null;
  text: string;
  contentHash: string;
}

export interface PutLibraryEntry {
  entryId: string;
  scenario: number;
  source: 'shipped' | 'imported';
  fileName: string;
  importedAt: number | null;
}

const rowSchema = z.object({
  entry_id: z.string(),
  scenario: z.number().int(),
  source: z.enum(['shipped', 'imported']),
  file_name: z.string(),
  imported_at: z.number().int().nullable(),
  source_text: z.string(),
  content_hash: z.string(),
});

const fromRow = (raw: unknown): LibraryEntry => {
  const r = rowSchema.parse(raw);
  return { entryId: r.entry_id, scenario: r.scenario, source: r.source, fileName: r.file_name, importedAt: r.imported_at, text: r.source_text, contentHash: r.content_hash };
};

const SELECT = `SELECT e.entry_id, e.scenario, e.source, e.file_name, e.imported_at, s.source_text, s.content_hash
  FROM library_entries e JOIN scenarios s ON s.id = e.scenario`;

export function libraryQueries(db: Db, path: string) {
  const upsert = db.prepare(
    `INSERT INTO library_entries (entry_id, scenario, source, file_name, imported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entry_id) DO UPDATE SET scenario = excluded.scenario, source = excluded.source, file_name = excluded.file_name, imported_at = excluded.imported_at`,
  );
  const one = db.prepare(`${SELECT} WHERE e.entry_id = ?`);
  const all = db.prepare(`${SELECT} ORDER BY coalesce(e.imported_at, 0), e.entry_id`);

  return {
    put(entry: PutLibraryEntry): void {
      try {
        upsert.run(entry.entryId, entry.scenario, entry.source, entry.fileName, entry.importedAt);
      } catch (error) {
        translateWriteError(error, { path, what: `The library entry ${entry.fileName}`, savedUpTo: 'the last saved change' });
      }
    },
    get(entryId: string): LibraryEntry | undefined {
      const row = one.get(entryId);
      return row === undefined ? undefined : fromRow(row);
    },
    list(): LibraryEntry[] {
      return all.all().map(fromRow);
    },
  };
}

export type LibraryQueries = ReturnType<typeof libraryQueries>;
