// Library versions: every save of a library entry, numbered per entry, pointing at the stored copy
// of its text. Append-only (schema v7 triggers refuse an update or a delete).
import { z } from 'zod';
import type { Db } from '../open.ts';
import { translateWriteError } from '../sqlite-errors.ts';

export interface LibraryVersion {
  entryId: string;
  version: number;
  /** Row id of the text in `scenarios`. */
  scenario: number;
  fileName: string;
  savedAt: number;
  note: string;
  ready: boolean;
  contentHash: string;
}

export interface AppendLibraryVersion {
  entryId: string;
  scenario: number;
  fileName: string;
  savedAt: number;
  note: string;
  ready: boolean;
}

const rowSchema = z.object({
  entry_id: z.string(),
  version: z.number().int(),
  scenario: z.number().int(),
  file_name: z.string(),
  saved_at: z.number().int(),
  note: z.string(),
  ready: z.union([z.literal(0), z.literal(1)]),
  content_hash: z.string(),
});

const fromRow = (raw: unknown): LibraryVersion => {
  const r = rowSchema.parse(raw);
  return { entryId: r.entry_id, version: r.version, scenario: r.scenario, fileName: r.file_name, savedAt: r.saved_at, note: r.note, ready: r.ready === 1, contentHash: r.content_hash };
};

const SELECT = `SELECT v.entry_id, v.version, v.scenario, v.file_name, v.saved_at, v.note, v.ready, s.content_hash
  FROM library_versions v JOIN scenarios s ON s.id = v.scenario`;

export function libraryVersionQueries(db: Db, path: string) {
  // The next number is taken inside the insert, so two saves can never get the same one.
  const append = db.prepare(
    `INSERT INTO library_versions (entry_id, version, scenario, file_name, saved_at, note, ready)
     SELECT ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ? FROM library_versions WHERE entry_id = ?
     RETURNING version`,
  );
  const ofEntry = db.prepare(`${SELECT} WHERE v.entry_id = ? ORDER BY v.version`);
  const one = db.prepare(`${SELECT} WHERE v.entry_id = ? AND v.version = ?`);
  const text = db.prepare(`SELECT s.source_text FROM library_versions v JOIN scenarios s ON s.id = v.scenario WHERE v.entry_id = ? AND v.version = ?`);

  return {
    /** Appends the entry's next version; returns its number. */
    append(input: AppendLibraryVersion): number {
      try {
        const row = z.object({ version: z.number().int() }).parse(append.get(input.entryId, input.scenario, input.fileName, input.savedAt, input.note, input.ready ? 1 : 0, input.entryId));
        return row.version;
      } catch (error) {
        translateWriteError(error, { path, what: `The new version of ${input.fileName}`, savedUpTo: 'the last saved version' });
      }
    },
    list(entryId: string): LibraryVersion[] {
      return ofEntry.all(entryId).map(fromRow);
    },
    get(entryId: string, version: number): LibraryVersion | undefined {
      const row = one.get(entryId, version);
      return row === undefined ? undefined : fromRow(row);
    },
    text(entryId: string, version: number): string | undefined {
      const row = text.get(entryId, version);
      return row === undefined ? undefined : z.object({ source_text: z.string() }).parse(row).source_text;
    },
  };
}

export type LibraryVersionQueries = ReturnType<typeof libraryVersionQueries>;
