// Schema v2: what the application service (core/service) keeps beside the v1 tables: library
// entries (an imported scenario as the library lists it) and, per session, the entry it was started
// from and how the room plays it. Released: do not edit; add 003-*.ts instead.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE library_entries (
  entry_id TEXT PRIMARY KEY CHECK (length(entry_id) BETWEEN 1 AND 128),
  scenario INTEGER NOT NULL REFERENCES scenarios (id),
  source TEXT NOT NULL CHECK (source IN ('shipped', 'imported')),
  file_name TEXT NOT NULL,
  imported_at INTEGER
) STRICT;
CREATE INDEX library_entries_by_scenario ON library_entries (scenario);

ALTER TABLE sessions ADD COLUMN entry_id TEXT;
ALTER TABLE sessions ADD COLUMN room_screen INTEGER NOT NULL DEFAULT 0 CHECK (room_screen IN (0, 1));
ALTER TABLE sessions ADD COLUMN seating TEXT NOT NULL DEFAULT 'hot-seat' CHECK (seating IN ('hot-seat', 'own-devices'));
`;

export const migration002: Migration = {
  version: 2,
  name: 'library',
  up(db) {
    db.exec(sql);
  },
};
