// Version 5 belongs to the corrective-actions register (issue 18, item 2), built on the `register`
// branch at the same time as 006 (imported sessions, branch `trends`). Until that branch is merged
// this empty step holds its number so that 006 keeps its own. ON MERGE: delete this file and take
// the register's 005-*.ts in migrations/index.ts; then make the v6 fixture (test/fixtures/db/make-v6.ts).
import type { Migration } from './migration.ts';

export const migration005: Migration = {
  version: 5,
  name: 'reserved-for-register',
  up() {},
};
