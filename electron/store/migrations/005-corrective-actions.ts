// Schema v5: the corrective-action register's tracking (issue 18). The action's words stay in its
// session's log (plan.item.saved) and the improvement_items summary; a later run's verdict stays in
// that run's log (action.validated). What is kept here is only what changes outside any session: a
// status set in the Register view or by a CSV import, a contact, a start date.
// Released: do not edit; add 006-*.ts instead.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE corrective_actions (
  session TEXT NOT NULL REFERENCES sessions (id),
  item_id TEXT NOT NULL CHECK (length(item_id) > 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'in progress', 'done', 'validated')),
  contact TEXT NOT NULL DEFAULT '',
  start TEXT NOT NULL DEFAULT '' CHECK (start = '' OR start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (session, item_id)
) STRICT;
`;

export const migration005: Migration = {
  version: 5,
  name: 'corrective-actions',
  up(db) {
    db.exec(sql);
  },
};
