// Schema v3: a clock note per running session, outside the append-only event log. The runtime
// overwrites it every few seconds while a session runs, so that recovery after a crash returns to
// where the clock stood (within seconds), not to the last event, which may be minutes earlier.
// Released: do not edit; add 004-*.ts instead.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE clock_checkpoints (
  session TEXT PRIMARY KEY REFERENCES sessions (id),
  at_ms REAL NOT NULL CHECK (at_ms >= 0),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  wall_ms REAL NOT NULL
) STRICT;
`;

export const migration003: Migration = {
  version: 3,
  name: 'clock-checkpoints',
  up(db) {
    db.exec(sql);
  },
};
