// electron/store: the SQLite data file. See open.ts for how it is opened and migrations/ for
// the schema.
export { openDatabase, schemaVersion, type Db, type OpenOptions } from './open.ts';
export { openStore, type Store } from './store.ts';
export { StoreError, type StoreErrorKind } from './errors.ts';
export { listBackups, backupDir, describeBackup, type BackupInfo } from './backup-files.ts';
export { backupNow, startRollingBackups, type RollingBackups, type RollingBackupOptions } from './backup.ts';
export { restoreBackup, restoredPathFor } from './restore.ts';
export { dataFileInUse } from './in-use.ts';
export { LATEST_VERSION } from './migrations/index.ts';
export { SqliteEventStore } from './queries/events.ts';
export { contentHash, type StoredScenario, type ImportScenario } from './queries/scenarios.ts';
export { newSessionId, SESSION_STATUSES, type StoredSession, type SessionStatus, type SessionKind, type Seat, type CreateSession } from './queries/sessions.ts';
export { type ImprovementItem } from './queries/improvements.ts';
export { type LibraryEntry } from './queries/library.ts';
export { type StoredLobby, type StoredLobbyMember, type LobbyQueries } from './queries/lobbies.ts';
export { type Seating } from './queries/sessions.ts';
export { createServiceStorage } from './service-storage.ts';
export { exportSessionBundle, openSessionBundle, isSessionBundle, BUNDLE_EXTENSION, BUNDLE_KIND, BUNDLE_MARKER_KEY, type BundleMarker, type ExportBundleOptions, type SessionBundle } from './bundle.ts';
export { importSessionBundle, type BundleImportOutcome, type ImportBundleOptions, type ImportedBundle } from './bundle-import.ts';
export { type SessionImport } from './queries/imports.ts';
