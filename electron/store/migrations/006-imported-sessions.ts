// Schema v6: sessions imported from other facilitators' bundles (issue 18, item 5). The session,
// its seats, events and plan are kept in the ordinary tables (so listing, re-scoring, trends and
// exports read them like any other); this table says where each came from, and the triggers keep
// such a session as it was recorded: no event is ever appended to it and its origin stays.
// Version 5 is the corrective-actions register's (another branch); see index.ts.
// Released: do not edit; add 007-*.ts instead.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE imported_sessions (
  session TEXT PRIMARY KEY REFERENCES sessions (id),
  bundle_file TEXT NOT NULL CHECK (length(bundle_file) BETWEEN 1 AND 255),
  exported_at INTEGER NOT NULL,
  app_version TEXT NOT NULL,
  imported_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER imported_sessions_read_only BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM imported_sessions WHERE session = NEW.session)
BEGIN
  SELECT RAISE(ABORT, 'imported session is read-only');
END;

CREATE TRIGGER imported_sessions_no_delete BEFORE DELETE ON imported_sessions
BEGIN
  SELECT RAISE(ABORT, 'imported_sessions is kept');
END;

CREATE TRIGGER imported_sessions_no_update BEFORE UPDATE ON imported_sessions
BEGIN
  SELECT RAISE(ABORT, 'imported_sessions is kept');
END;
`;

export const migration006: Migration = {
  version: 6,
  name: 'imported-sessions',
  up(db) {
    db.exec(sql);
  },
};
