// The corrective-action register's tracking rows (schema v5): one per action whose status, contact
// or start date was set outside a session. Written all at once (an import is all or nothing).
import { z } from 'zod';
import { ACTION_STATUSES, type ActionRecord } from '../../../core/protocol/register.ts';
import type { Db } from '../open.ts';
import { translateWriteError } from '../sqlite-errors.ts';

const rowSchema = z.object({
  session: z.string(),
  item_id: z.string(),
  status: z.enum(ACTION_STATUSES),
  contact: z.string(),
  start: z.string(),
  updated_at: z.number(),
});

/** `<sessionId>/<planItemId>` split at its first slash (a session id never holds one). */
function splitId(id: string): { session: string; item: string } {
  const at = id.indexOf('/');
  if (at <= 0 || at === id.length - 1) throw new TypeError(`corrective action id '${id}' is not <session>/<plan item>`);
  return { session: id.slice(0, at), item: id.slice(at + 1) };
}

export function actionQueries(db: Db, path: string) {
  const select = db.prepare('SELECT * FROM corrective_actions ORDER BY session, item_id');
  const upsert = db.prepare(
    `INSERT INTO corrective_actions (session, item_id, status, contact, start, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (session, item_id) DO UPDATE SET status = excluded.status, contact = excluded.contact, start = excluded.start, updated_at = excluded.updated_at`,
  );
  const putAll = db.transaction((records: readonly ActionRecord[]) => {
    for (const r of records) {
      const { session, item } = splitId(r.id);
      upsert.run(session, item, r.status, r.contact, r.start, r.updatedAt);
    }
  });
  return {
    list(): ActionRecord[] {
      return select.all().map((raw) => {
        const r = rowSchema.parse(raw);
        return { id: `${r.session}/${r.item_id}`, status: r.status, contact: r.contact, start: r.start, updatedAt: r.updated_at };
      });
    },
    /** Every record or none. */
    put(records: readonly ActionRecord[]): void {
      try {
        putAll.immediate(records);
      } catch (error) {
        translateWriteError(error, { path, what: `Updating ${records.length} corrective action(s)`, savedUpTo: 'the last saved change (none of these changes was saved)' });
      }
    },
  };
}

export type ActionQueries = ReturnType<typeof actionQueries>;
