// The ordered registry of schema migrations. The schema version of a database is the version of
// the last migration applied to it (PRAGMA user_version). Append only.
import type { Migration } from './migration.ts';
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-library.ts';
import { migration003 } from './003-clock-checkpoints.ts';
import { migration004 } from './004-lobbies.ts';
import { migration005 } from './005-corrective-actions.ts';
import { migration006 } from './006-imported-sessions.ts';
import { migration007 } from './007-library-versions.ts';

export type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];

export const LATEST_VERSION: number = migrations.length;

// The registry is checked once at load: versions are 1..n in order, so a gap or a duplicate is
// caught by every test that imports the store.
migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration registry: entry ${i} has version ${m.version}, expected ${i + 1}`);
});
