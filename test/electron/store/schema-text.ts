// The schema of a database as comparable text: every sqlite_schema row (type, name, table, SQL)
// in a stable order, then the schema version.
import type { Db } from '../../../electron/store/index.ts';
import { z } from 'zod';

const rowSchema = z.object({ type: z.string(), name: z.string(), tbl_name: z.string(), sql: z.string().nullable() });

export function schemaText(db: Db): string {
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")
    .all()
    .map((raw) => rowSchema.parse(raw));
  const parts = rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql ?? '(automatic)'};\n`);
  return `${parts.join('\n')}\n-- user_version ${String(db.pragma('user_version', { simple: true }))}\n`;
}
