// The improvement plan of a session: the corrective actions agreed at the debrief. Unlike the
// event log these rows are edited in place until the report goes out.
import { z } from 'zod';
import type { Db } from '../open.ts';
import { translateWriteError } from '../sqlite-errors.ts';

export interface ImprovementItem {
  id: string;
  issue: string;
  correctiveAction: string;
  owner: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  due: string;
  objective: string | null;
}

const itemSchema = z.object({
  id: z.string().min(1),
  issue: z.string(),
  correctiveAction: z.string(),
  owner: z.string(),
  due: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  objective: z.string().nullable(),
});

const rowSchema = z.object({
  item_id: z.string(),
  issue: z.string(),
  corrective_action: z.string(),
  owner: z.string(),
  due: z.string(),
  objective: z.string().nullable(),
});

export function improvementQueries(db: Db, path: string) {
  const upsert = db.prepare(
    `INSERT INTO improvement_items (session, item_id, position, issue, corrective_action, owner, due, objective, created_at, updated_at)
     VALUES (?, ?, coalesce((SELECT max(position) + 1 FROM improvement_items WHERE session = ?), 0), ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (session, item_id) DO UPDATE SET issue = excluded.issue, corrective_action = excluded.corrective_action,
       owner = excluded.owner, due = excluded.due, objective = excluded.objective, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM improvement_items WHERE session = ? AND item_id = ?');
  const select = db.prepare('SELECT * FROM improvement_items WHERE session = ? ORDER BY position');

  return {
    /** Adds the item, or updates the one with the same id in place (keeping its position). */
    save(sessionId: string, input: ImprovementItem, now: number = Date.now()): void {
      const item = itemSchema.parse(input);
      try {
        upsert.run(sessionId, item.id, sessionId, item.issue, item.correctiveAction, item.owner, item.due, item.objective, now, now);
      } catch (error) {
        translateWriteError(error, { path, what: `Improvement item ${item.id}`, savedUpTo: 'the last saved change' });
      }
    },
    remove(sessionId: string, itemId: string): void {
      try {
        remove.run(sessionId, itemId);
      } catch (error) {
        translateWriteError(error, { path, what: `Removing improvement item ${itemId}`, savedUpTo: 'the last saved change' });
      }
    },
    list(sessionId: string): ImprovementItem[] {
      return select.all(sessionId).map((raw) => {
        const r = rowSchema.parse(raw);
        return { id: r.item_id, issue: r.issue, correctiveAction: r.corrective_action, owner: r.owner, due: r.due, objective: r.objective };
      });
    },
  };
}

export type ImprovementQueries = ReturnType<typeof improvementQueries>;
