// Version 6 belongs to imported sessions (branch `trends`), built at the same time as 007 (library
// versions, branch `versions`). Until that branch is merged this empty step holds the number so
// that 007 keeps its own. ON MERGE: delete this file and take trends' 006-*.ts in migrations/index.ts.
import type { Migration } from './migration.ts';

export const migration006: Migration = {
  version: 6,
  name: 'reserved-for-imported-sessions',
  up() {},
};
