import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, listBackups, openStore, schemaVersion } from '../../../electron/store/index.ts';
import { runMigrations } from '../../../electron/store/migrate.ts';
import { migrations, type Migration } from '../../../electron/store/migrations/index.ts';
import { schemaText } from './schema-text.ts';
import { tempDir, track } from './helpers.ts';

const fixturesDir = fileURLToPath(new URL('../../fixtures/db/', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../../../electron/store/migrations/', import.meta.url));
const fixtures = readdirSync(fixturesDir)
  .filter((name) => /^v\d+\.db$/.test(name))
  .map((name) => ({ name, version: Number(name.slice(1, -3)) }));

function freshSchema(): string {
  const store = track(openStore(join(tempDir(), 'fresh.db')));
  return schemaText(store.db);
}

function copyFixture(name: string): string {
  const path = join(tempDir(), 'drillbook.db');
  copyFileSync(join(fixturesDir, name), path);
  return path;
}

describe('migrations', () => {
  it('has one file per migration, numbered like the registry', () => {
    const files = readdirSync(migrationsDir).filter((f) => /^\d{3}-.+\.ts$/.test(f)).sort();
    expect(files.map((f) => Number(f.slice(0, 3)))).toEqual(migrations.map((m) => m.version));
    expect(LATEST_VERSION).toBe(migrations.length);
  });

  it('has a fixture for every released schema version', () => {
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
  });

  it('a new file gets the whole schema and no backup', () => {
    const dir = tempDir();
    const store = track(openStore(join(dir, 'new.db')));
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(listBackups(store.path)).toEqual([]);
  });

  for (const fixture of fixtures) {
    it(`migrates ${fixture.name} to the current schema, keeping its data`, () => {
      const path = copyFixture(fixture.name);
      const store = track(openStore(path));
      expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
      expect(schemaText(store.db)).toBe(freshSchema());
      expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      const session = store.sessions.get('fixture-session-1');
      expect(session.seats).toEqual([
        { role: 'ic', participant: 'Grace' },
        { role: 'comms', participant: 'Linus' },
      ]);
      expect(store.scenarios.get(session.scenario).scenarioId).toBe('fixture-outage');
      expect(store.events.load('fixture-session-1').map((e) => e.type)).toEqual(['session.started', 'inject.delivered', 'prompt.answered', 'session.paused']);
      expect(store.improvements.list('fixture-session-1')).toHaveLength(1);
      // The migrated file keeps working: the log continues at the next seq.
      store.events.append('fixture-session-1', [{ seq: 5, at: 60000, wall: 1, actor: 'facilitator', type: 'session.resumed', payload: {} }]);
      if (fixture.version >= 2) {
        expect(store.library.get('entry-1')).toMatchObject({ source: 'imported', fileName: 'fixture-outage.yaml', scenario: session.scenario });
        expect(store.sessions.get('service-session-2')).toMatchObject({ entryId: 'entry-1', roomScreen: true, seating: 'own-devices' });
        // v7: an entry from before versions has its text as version 1, and the next save is version 2.
        expect(store.libraryVersions.list('entry-1')).toEqual([
          { entryId: 'entry-1', version: 1, scenario: session.scenario, fileName: 'fixture-outage.yaml', savedAt: 1790000000000, note: 'Imported from fixture-outage.yaml', ready: true, contentHash: store.scenarios.get(session.scenario).contentHash },
        ]);
        expect(store.libraryVersions.append({ entryId: 'entry-1', scenario: session.scenario, fileName: 'fixture-outage.yaml', savedAt: 1, note: '', ready: true })).toBe(2);
      } else {
        // Sessions from before v2 get the defaults of the new columns.
        expect(session).toMatchObject({ entryId: null, roomScreen: false, seating: 'hot-seat' });
      }
      if (fixture.version >= 3) {
        expect(store.events.loadClock('fixture-session-1')).toEqual({ at: 58000, seq: 3, wall: 1790000059000 });
      } else {
        // No clock notes before v3: recovery falls back to the last event.
        expect(store.events.loadClock('fixture-session-1')).toBeNull();
      }
      if (fixture.version >= 4) {
        // An open lobby and the console key survive: a restarted server takes the device back.
        expect(store.lobbies.load()).toEqual([{
          sessionId: 'service-session-2', code: '042137', locked: true,
          members: [{ tokenHash: createHash('sha256').update('fixture-device-token-of-grace-000000000000').digest('hex'), id: 'a1b2c3d4e5f60708', sessionId: 'service-session-2', name: 'Grace', audiences: ['role:ic'], joinedAt: 1790000210000, address: '192.168.1.23' }],
        }]);
        expect(store.lobbies.facilitatorKey()).toBe('fixtureFacilitatorKey0000000000000000000000');
      } else {
        // Before v4 no lobby outlived the server.
        expect(store.lobbies.load()).toEqual([]);
        expect(store.lobbies.facilitatorKey()).toBeNull();
      }
      if (fixture.version >= 5) {
        expect(store.actions.list()).toEqual([{ id: 'fixture-session-1/ip-1', status: 'in progress', contact: 'noc@example.org', start: '2026-11-02', updatedAt: 1790000300000 }]);
      } else {
        // Before v5 nothing was tracked outside the logs: the register starts empty.
        expect(store.actions.list()).toEqual([]);
      }
      store.actions.put([{ id: 'fixture-session-1/plan-1', status: 'in progress', contact: 'ops@example.org', start: '2026-01-05', updatedAt: 7 }]);
      expect(store.actions.list()).toContainEqual({ id: 'fixture-session-1/plan-1', status: 'in progress', contact: 'ops@example.org', start: '2026-01-05', updatedAt: 7 });
      if (fixture.version >= 6) {
        // An imported session keeps its origin, and its log takes no new event.
        expect(store.imports.list()).toEqual([{ session: 'imported-session-3', bundleFile: 'team-b.drillbook', exportedAt: 1790000500000, appVersion: '0.1.0', importedAt: 1790000600000 }]);
        expect(() => store.events.append('imported-session-3', [{ seq: 2, at: 1000, wall: 1, actor: 'facilitator', type: 'session.ended', payload: {} }])).toThrow(/read-only/);
      } else {
        // Before v6 nothing was imported; the migrated file takes imports from now on.
        expect(store.imports.list()).toEqual([]);
      }
      if (fixture.version < LATEST_VERSION) {
        expect(listBackups(path).map((b) => b.reason)).toContain(`before-v${LATEST_VERSION}`);
      }
    });
  }
});

describe('the migration runner', () => {
  const addColumn: Migration = {
    version: LATEST_VERSION + 1,
    name: 'test-only: add sessions.location',
    up: (db) => db.exec("ALTER TABLE sessions ADD COLUMN location TEXT NOT NULL DEFAULT 'room'"),
  };
  const broken: Migration = {
    version: LATEST_VERSION + 2,
    name: 'test-only: fails half way',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      throw new Error('the last migration failed');
    },
  };

  it('copies an existing database before migrating it', () => {
    const path = copyFixture('v1.db');
    const db = new Database(path);
    try {
      const result = runMigrations(db, path, 1, [...migrations, addColumn]);
      expect(result).toMatchObject({ from: 1, to: LATEST_VERSION + 1 });
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
      expect(db.prepare("SELECT location FROM sessions WHERE id = 'fixture-session-1'").pluck().get()).toBe('room');
      const backups = listBackups(path);
      expect(backups.map((b) => b.path)).toEqual([result.backup]);
      expect(backups[0]?.reason).toBe(`before-v${LATEST_VERSION + 1}`);
      const copy = new Database(backups[0]!.path, { readonly: true });
      try {
        expect(schemaVersion(copy)).toBe(1);
        expect(copy.prepare('SELECT count(*) FROM events').pluck().get()).toBe(4);
      } finally {
        copy.close();
      }
    } finally {
      db.close();
    }
  });

  it('applies all pending migrations in one transaction: a failure leaves the old version', () => {
    const path = copyFixture('v1.db');
    const db = new Database(path);
    try {
      expect(() => runMigrations(db, path, 1, [...migrations, addColumn, broken])).toThrow('the last migration failed');
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      const columns = db.prepare("SELECT name FROM pragma_table_info('sessions')").pluck().all();
      expect(columns).not.toContain('location');
      // Nothing of the real migrations between either: v1 stays v1.
      expect(columns).not.toContain('entry_id');
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'library_entries'").pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
