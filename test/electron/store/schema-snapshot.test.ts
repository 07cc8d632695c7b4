// A released table, column, index or trigger must not change by accident. If this fails after a
// deliberate change, the change belongs in a new migration (never an edit of a released one);
// then refresh the snapshot with UPDATE_SCHEMA_SNAPSHOT=1 and commit it with the migration.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaText } from './schema-text.ts';
import { tempStore } from './helpers.ts';

const snapshotPath = fileURLToPath(new URL('./schema.snapshot.sql', import.meta.url));

describe('schema snapshot', () => {
  it('a fresh database has exactly the committed schema', () => {
    const store = tempStore();
    const actual = schemaText(store.db);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(snapshotPath, actual);
    expect(actual).toBe(readFileSync(snapshotPath, 'utf8'));
  });

  it('every table is STRICT', () => {
    const store = tempStore();
    const tables = store.db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const t of tables) expect(t).toMatchObject({ strict: 1 });
  });

});
