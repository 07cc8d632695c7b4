-- index library_entries_by_scenario on library_entries
CREATE INDEX library_entries_by_scenario ON library_entries (scenario);

-- index library_versions_by_scenario on library_versions
CREATE INDEX library_versions_by_scenario ON library_versions (scenario);

-- index lobby_members_by_session on lobby_members
CREATE INDEX lobby_members_by_session ON lobby_members (session);

-- index sessions_by_created on sessions
CREATE INDEX sessions_by_created ON sessions (created_at);

-- index sessions_by_scenario on sessions
CREATE INDEX sessions_by_scenario ON sessions (scenario);

-- index sqlite_autoindex_clock_checkpoints_1 on clock_checkpoints
(automatic);

-- index sqlite_autoindex_corrective_actions_1 on corrective_actions
(automatic);

-- index sqlite_autoindex_events_1 on events
(automatic);

-- index sqlite_autoindex_imported_sessions_1 on imported_sessions
(automatic);

-- index sqlite_autoindex_improvement_items_1 on improvement_items
(automatic);

-- index sqlite_autoindex_lan_keys_1 on lan_keys
(automatic);

-- index sqlite_autoindex_library_entries_1 on library_entries
(automatic);

-- index sqlite_autoindex_library_versions_1 on library_versions
(automatic);

-- index sqlite_autoindex_lobbies_1 on lobbies
(automatic);

-- index sqlite_autoindex_lobbies_2 on lobbies
(automatic);

-- index sqlite_autoindex_lobby_members_1 on lobby_members
(automatic);

-- index sqlite_autoindex_lobby_members_2 on lobby_members
(automatic);

-- index sqlite_autoindex_scenarios_1 on scenarios
(automatic);

-- index sqlite_autoindex_seats_1 on seats
(automatic);

-- index sqlite_autoindex_sessions_1 on sessions
(automatic);

-- index sqlite_autoindex_settings_1 on settings
(automatic);

-- table clock_checkpoints on clock_checkpoints
CREATE TABLE clock_checkpoints (
  session TEXT PRIMARY KEY REFERENCES sessions (id),
  at_ms REAL NOT NULL CHECK (at_ms >= 0),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  wall_ms REAL NOT NULL
) STRICT;

-- table corrective_actions on corrective_actions
CREATE TABLE corrective_actions (
  session TEXT NOT NULL REFERENCES sessions (id),
  item_id TEXT NOT NULL CHECK (length(item_id) > 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'in progress', 'done', 'validated')),
  contact TEXT NOT NULL DEFAULT '',
  start TEXT NOT NULL DEFAULT '' CHECK (start = '' OR start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (session, item_id)
) STRICT;

-- table events on events
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  session TEXT NOT NULL REFERENCES sessions (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  at_ms REAL NOT NULL CHECK (at_ms >= 0),
  wall_ms REAL NOT NULL,
  actor TEXT NOT NULL CHECK (actor IN ('facilitator', 'system') OR actor GLOB 'role:?*'),
  type TEXT NOT NULL CHECK (length(type) > 0),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  UNIQUE (session, seq)
) STRICT;

-- table imported_sessions on imported_sessions
CREATE TABLE imported_sessions (
  session TEXT PRIMARY KEY REFERENCES sessions (id),
  bundle_file TEXT NOT NULL CHECK (length(bundle_file) BETWEEN 1 AND 255),
  exported_at INTEGER NOT NULL,
  app_version TEXT NOT NULL,
  imported_at INTEGER NOT NULL
) STRICT;

-- table improvement_items on improvement_items
CREATE TABLE improvement_items (
  session TEXT NOT NULL REFERENCES sessions (id),
  item_id TEXT NOT NULL CHECK (length(item_id) > 0),
  position INTEGER NOT NULL,
  issue TEXT NOT NULL,
  corrective_action TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NOT NULL DEFAULT '' CHECK (due = '' OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  objective TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (session, item_id)
) STRICT;

-- table lan_keys on lan_keys
CREATE TABLE lan_keys (
  name TEXT PRIMARY KEY,
  key TEXT NOT NULL CHECK (length(key) >= 32)
) STRICT;

-- table library_entries on library_entries
CREATE TABLE library_entries (
  entry_id TEXT PRIMARY KEY CHECK (length(entry_id) BETWEEN 1 AND 128),
  scenario INTEGER NOT NULL REFERENCES scenarios (id),
  source TEXT NOT NULL CHECK (source IN ('shipped', 'imported')),
  file_name TEXT NOT NULL,
  imported_at INTEGER
) STRICT;

-- table library_versions on library_versions
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

-- table lobbies on lobbies
CREATE TABLE lobbies (
  session TEXT PRIMARY KEY REFERENCES sessions (id),
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 6 AND code NOT GLOB '*[^0-9]*'),
  locked INTEGER NOT NULL CHECK (locked IN (0, 1))
) STRICT;

-- table lobby_members on lobby_members
CREATE TABLE lobby_members (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
  id TEXT NOT NULL UNIQUE,
  session TEXT NOT NULL REFERENCES lobbies (session) ON DELETE CASCADE,
  name TEXT NOT NULL,
  audiences TEXT NOT NULL CHECK (json_valid(audiences) AND json_type(audiences) = 'array' AND json_array_length(audiences) >= 1),
  address TEXT,
  joined_at REAL NOT NULL
) STRICT;

-- table scenarios on scenarios
CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY,
  scenario_id TEXT NOT NULL CHECK (length(scenario_id) > 0),
  title TEXT NOT NULL,
  source_text TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
  source_name TEXT NOT NULL,
  imported_at INTEGER NOT NULL
) STRICT;

-- table seats on seats
CREATE TABLE seats (
  session TEXT NOT NULL REFERENCES sessions (id),
  role TEXT NOT NULL CHECK (length(role) > 0),
  participant TEXT NOT NULL CHECK (length(participant) > 0),
  position INTEGER NOT NULL,
  PRIMARY KEY (session, role, participant)
) STRICT;

-- table sessions on sessions
CREATE TABLE sessions (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
  scenario INTEGER NOT NULL REFERENCES scenarios (id),
  kind TEXT NOT NULL DEFAULT 'live' CHECK (kind IN ('live', 'simulation')),
  facilitator TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'setup' CHECK (status IN ('setup', 'running', 'paused', 'ended')),
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER
, entry_id TEXT, room_screen INTEGER NOT NULL DEFAULT 0 CHECK (room_screen IN (0, 1)), seating TEXT NOT NULL DEFAULT 'hot-seat' CHECK (seating IN ('hot-seat', 'own-devices'))) STRICT;

-- table settings on settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (length(key) > 0),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL
) STRICT;

-- trigger events_dense_seq on events
CREATE TRIGGER events_dense_seq BEFORE INSERT ON events
WHEN NEW.seq <> coalesce((SELECT max(seq) FROM events WHERE session = NEW.session), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'drillbook: event seq out of order');
END;

-- trigger events_no_delete on events
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'drillbook: events are append-only');
END;

-- trigger events_no_update on events
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'drillbook: events are append-only');
END;

-- trigger imported_sessions_no_delete on imported_sessions
CREATE TRIGGER imported_sessions_no_delete BEFORE DELETE ON imported_sessions
BEGIN
  SELECT RAISE(ABORT, 'imported_sessions is kept');
END;

-- trigger imported_sessions_no_update on imported_sessions
CREATE TRIGGER imported_sessions_no_update BEFORE UPDATE ON imported_sessions
BEGIN
  SELECT RAISE(ABORT, 'imported_sessions is kept');
END;

-- trigger imported_sessions_read_only on events
CREATE TRIGGER imported_sessions_read_only BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM imported_sessions WHERE session = NEW.session)
BEGIN
  SELECT RAISE(ABORT, 'imported session is read-only');
END;

-- trigger library_versions_no_delete on library_versions
CREATE TRIGGER library_versions_no_delete BEFORE DELETE ON library_versions
BEGIN SELECT RAISE(ABORT, 'library versions are append-only: they are never deleted'); END;

-- trigger library_versions_no_update on library_versions
CREATE TRIGGER library_versions_no_update BEFORE UPDATE ON library_versions
BEGIN SELECT RAISE(ABORT, 'library versions are append-only: save a new version instead'); END;

-- user_version 7
