// Schema v4: the LAN lobbies, so that restarting `drillbook serve` mid-exercise keeps the join
// code and every device's seat. A device token is never stored, only its SHA-256 (as the server
// keeps it in memory); the facilitator's console key is kept as it is, because the console's URL
// carries it and the server prints that URL again after a restart. A member's seats (`audiences`)
// are a JSON list: one device may hold every role its person holds.
// Released: do not edit; add 005-*.ts instead.
import type { Migration } from './migration.ts';

const sql = `
CREATE TABLE lobbies (
  session TEXT PRIMARY KEY REFERENCES sessions (id),
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 6 AND code NOT GLOB '*[^0-9]*'),
  locked INTEGER NOT NULL CHECK (locked IN (0, 1))
) STRICT;

CREATE TABLE lobby_members (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
  id TEXT NOT NULL UNIQUE,
  session TEXT NOT NULL REFERENCES lobbies (session) ON DELETE CASCADE,
  name TEXT NOT NULL,
  audiences TEXT NOT NULL CHECK (json_valid(audiences) AND json_type(audiences) = 'array' AND json_array_length(audiences) >= 1),
  address TEXT,
  joined_at REAL NOT NULL
) STRICT;

CREATE INDEX lobby_members_by_session ON lobby_members (session);

CREATE TABLE lan_keys (
  name TEXT PRIMARY KEY,
  key TEXT NOT NULL CHECK (length(key) >= 32)
) STRICT;
`;

export const migration004: Migration = {
  version: 4,
  name: 'lobbies',
  up(db) {
    db.exec(sql);
  },
};
