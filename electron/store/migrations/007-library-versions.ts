// Schema v7: the versions of a library entry (issue 17, item 6). Every save appends a row pointing
// at the stored copy of its text (`scenarios` keeps one row per distinct text); rows are never
// changed or deleted (a restore is a new version), which the triggers hold. The entry's own row keeps
// pointing at its latest ready version (what the library lists and sessions start from). Each entry
// from before v7 gets its text as version 1. Released: do not edit; add 008-*.ts instead.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE library_versions (
  entry_id TEXT NOT NULL CHECK (length(entry_id) BETWEEN 1 AND 128),
  version INTEGER NOT NULL CHECK (version >= 1),
  scenario INTEGER NOT NULL REFERENCES scenarios (id),
  file_name TEXT NOT NULL,
  saved_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  ready INTEGER NOT NULL CHECK (ready IN (0, 1)),
  PRIMARY KEY (entry_id, version)
) STRICT;
CREATE INDEX library_versions_by_scenario ON library_versions (scenario);

CREATE TRIGGER library_versions_no_update BEFORE UPDATE ON library_versions
BEGIN SELECT RAISE(ABORT, 'library versions are append-only: save a new version instead'); END;
CREATE TRIGGER library_versions_no_delete BEFORE DELETE ON library_versions
BEGIN SELECT RAISE(ABORT, 'library versions are append-only: they are never deleted'); END;

INSERT INTO library_versions (entry_id, version, scenario, file_name, saved_at, note, ready)
  SELECT entry_id, 1, scenario, file_name, coalesce(imported_at, 0), 'Imported from ' || file_name, 1 FROM library_entries;
`;

export const migration007: Migration = {
  version: 7,
  name: 'library-versions',
  up(db) {
    db.exec(sql);
  },
};
