// Imported scenario texts. A session points at the exact text it ran with, so it re-scores the
// same way after the file on disk has changed; the same text imported twice is one row.
import { contentHash } from '../../../core/service/hash.ts';
import { z } from 'zod';
import type { Db } from '../open.ts';
import { StoreError } from '../errors.ts';
import { translateWriteError } from '../sqlite-errors.ts';

export interface StoredScenario {
  /** Row id (what sessions point at). */
  id: number;
  /** The scenario's own id (`id:` in the file). */
  scenarioId: string;
  title: string;
  sourceText: string;
  /** sha256 of the text, lowercase hex. */
  contentHash: string;
  /** The file name it was imported from. */
  sourceName: string;
  importedAt: number;
}

export interface ImportScenario {
  scenarioId: string;
  title: string;
  sourceText: string;
  sourceName: string;
  /** Default Date.now(). */
  importedAt?: number;
}

const rowSchema = z.object({
  id: z.number().int(),
  scenario_id: z.string(),
  title: z.string(),
  source_text: z.string(),
  content_hash: z.string(),
  source_name: z.string(),
  imported_at: z.number().int(),
});

function fromRow(raw: unknown): StoredScenario {
  const r = rowSchema.parse(raw);
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    title: r.title,
    sourceText: r.source_text,
    contentHash: r.content_hash,
    sourceName: r.source_name,
    importedAt: r.imported_at,
  };
}

// The one content hash (core/service/hash.ts): the service's library and the store must agree on it.
export { contentHash };

export function scenarioQueries(db: Db, path: string) {
  const byHash = db.prepare('SELECT * FROM scenarios WHERE content_hash = ?');
  const byId = db.prepare('SELECT * FROM scenarios WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO scenarios (scenario_id, title, source_text, content_hash, source_name, imported_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
  );
  const all = db.prepare('SELECT * FROM scenarios ORDER BY imported_at, id');

  return {
    /** Stores a copy of the text, or returns the row already holding the same text. */
    import(input: ImportScenario): StoredScenario {
      const hash = contentHash(input.sourceText);
      const existing = byHash.get(hash);
      if (existing !== undefined) return fromRow(existing);
      try {
        return fromRow(insert.get(input.scenarioId, input.title, input.sourceText, hash, input.sourceName, input.importedAt ?? Date.now()));
      } catch (error) {
        translateWriteError(error, { path, what: `The scenario ${input.sourceName}`, savedUpTo: 'the last saved change' });
      }
    },
    get(id: number): StoredScenario {
      const row = byId.get(id);
      if (row === undefined) throw new StoreError('not-found', `There is no scenario ${id} in ${path}.`, { path });
      return fromRow(row);
    },
    findByHash(hash: string): StoredScenario | undefined {
      const row = byHash.get(hash);
      return row === undefined ? undefined : fromRow(row);
    },
    list(): StoredScenario[] {
      return all.all().map(fromRow);
    },
  };
}

export type ScenarioQueries = ReturnType<typeof scenarioQueries>;
