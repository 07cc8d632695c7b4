// Files Drillbook must not write to: one from a newer version, a damaged one, a text file with a
// .db name, another program's SQLite database. Each is refused with a message for the user and
// its bytes are the same afterwards.
import { closeSync, openSync, readdirSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, listBackups, openStore, restoreBackup, restoredPathFor, StoreError } from '../../../electron/store/index.ts';
import { fileHash, seedSession, tempDir, track } from './helpers.ts';

function refusal(path: string, readonly = false): StoreError {
  try {
    track(openStore(path, { readonly }));
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`opening ${path} succeeded; expected a refusal`);
}

/** A healthy data file with a session, events, and two automatic backups beside it. */
function healthyFileWithBackups(): string {
  const path = join(tempDir(), 'workshop.db');
  const store = openStore(path);
  const id = seedSession(store, 'session-before-damage');
  store.events.append(id, Array.from({ length: 400 }, (_, i) => ({ seq: i + 1, at: i * 1000, wall: i, actor: 'role:ic' as const, type: 'chat.sent', payload: { text: 'x'.repeat(200) } })));
  store.close();
  openStore(path).close(); // an open takes a copy
  openStore(path).close();
  return path;
}

describe('a database from a newer Drillbook', () => {
  it('is refused and left byte for byte as it was', () => {
    const path = join(tempDir(), 'future.db');
    track(openStore(path)).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fileHash(path);
    for (const readonly of [false, true]) {
      const error = refusal(path, readonly);
      expect(error.kind).toBe('newer-version');
      expect(error.message).toContain(path);
      expect(error.message).toMatch(/newer version of Drillbook \(schema \d+; this one knows up to \d+\)/);
      expect(error.message).toMatch(/did not change it/);
    }
    expect(fileHash(path)).toBe(before);
    expect(listBackups(path)).toEqual([]);
  });
});

describe('a damaged data file', () => {
  it('with pages scribbled over: refused, unchanged, the newest backup named', () => {
    const path = healthyFileWithBackups();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    closeSync(fd);
    const before = fileHash(path);
    const backups = listBackups(path);
    expect(backups.length).toBeGreaterThanOrEqual(2);

    const error = refusal(path);
    expect(error.kind).toBe('damaged');
    expect(error.message).toContain(`The data file ${path} is damaged`);
    expect(error.message).toContain('Drillbook did not change it');
    expect(error.message).toContain(`The newest backup is ${backups[0]!.path}`);
    expect(error.newestBackup?.path).toBe(backups[0]!.path);
    expect(error.backups.map((b) => b.path)).toEqual(backups.map((b) => b.path));
    expect(fileHash(path)).toBe(before);
    expect(listBackups(path)).toHaveLength(backups.length);
  });

  it('cut short: refused and unchanged', () => {
    const path = healthyFileWithBackups();
    truncateSync(path, 4096 * 6);
    const before = fileHash(path);
    const error = refusal(path);
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/is damaged/);
    expect(fileHash(path)).toBe(before);
  });

  it('offers a backup that restores to a new file with the data', () => {
    const path = healthyFileWithBackups();
    truncateSync(path, 4096 * 3);
    const error = refusal(path);
    const newest = error.newestBackup;
    expect(newest).toBeDefined();
    const target = restoredPathFor(path);
    expect(restoreBackup(newest!.path, target)).toBe(target);
    const restored = track(openStore(target));
    expect(restored.events.load('session-before-damage')).toHaveLength(400);
    expect(() => restoreBackup(newest!.path, target)).toThrow(/already exists; Drillbook will not overwrite it/);
  });

  it('a text file with a .db name: refused, unchanged, told there is no backup', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'These are my workshop notes, not a database.\n'.repeat(40));
    const before = fileHash(path);
    const error = refusal(path);
    expect(error.kind).toBe('damaged');
    expect(error.message).toContain('it is not a Drillbook database file');
    expect(error.message).toContain('There is no backup of it');
    expect(error.newestBackup).toBeUndefined();
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(dir).filter((f) => !f.startsWith('notes.db'))).toEqual([]);
  });

  it("another program's SQLite database: refused, unchanged", () => {
    const path = join(tempDir(), 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    const before = fileHash(path);
    const error = refusal(path);
    expect(error.kind).toBe('foreign');
    expect(error.message).toMatch(/not a Drillbook data file/);
    expect(fileHash(path)).toBe(before);
  });

  it('a damaged backup is not restored', () => {
    const path = healthyFileWithBackups();
    const backup = listBackups(path)[0]!;
    truncateSync(backup.path, 4096 * 2);
    const target = join(tempDir(), 'restored.db');
    expect(() => restoreBackup(backup.path, target)).toThrow(StoreError);
    expect(readdirSync(join(target, '..'))).toEqual([]);
  });
});
