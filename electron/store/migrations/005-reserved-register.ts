// Version 5 belongs to the corrective-actions register (issue 18, item 2, branch `register`) and 6
// to imported sessions (branch `trends`), built at the same time as 007 (library versions, branch
// `versions`). Until those are merged this empty step holds the number so that 007 keeps its own.
// ON MERGE: delete this file and take the register's 005-*.ts in migrations/index.ts.
import type { Migration } from './migration.ts';

export const migration005: Migration = {
  version: 5,
  name: 'reserved-for-register',
  up() {},
};
