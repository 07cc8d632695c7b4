import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, backupNow, listBackups, openDatabase, openStore, startRollingBackups } from '../../../electron/store/index.ts';
import { pruneBackups } from '../../../electron/store/backup-files.ts';
import { seedSession, tempDir, track } from './helpers.ts';

describe('backups', () => {
  it('an existing file is copied into backups/ beside it on open; a new one is not', () => {
    const path = join(tempDir(), 'drillbook.db');
    const first = openStore(path);
    seedSession(first, 'session-one');
    first.close();
    expect(existsSync(backupDir(path))).toBe(false);
    track(openStore(path));
    const backups = listBackups(path);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'open' });
    expect(backups[0]!.path.startsWith(join(path, '..', 'backups'))).toBe(true);
    const copy = openDatabase(backups[0]!.path, { readonly: true });
    expect(copy.prepare('SELECT id FROM sessions').pluck().all()).toEqual(['session-one']);
    copy.close();
  });

  it('a copy on open that cannot be written is reported, and the file still opens', () => {
    const path = join(tempDir(), 'drillbook.db');
    const first = openStore(path);
    seedSession(first, 'session-one');
    first.close();
    // Something that is not a folder where backups/ should be: the copy cannot be written.
    writeFileSync(backupDir(path), 'not a folder');
    const reported: string[] = [];
    const store = track(openStore(path, { onBackupError: (error) => reported.push(`${error.kind}: ${error.message}`) }));
    expect(store.sessions.get('session-one').facilitator).toBe('Ada');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^io: A backup of the data file could not be written to .+; the data file itself is unchanged\.$/);
  });

  it('lists backups newest first and ignores other files', () => {
    const path = join(tempDir(), 'drillbook.db');
    const store = track(openStore(path));
    const a = backupNow(store.db, path, 'rolling');
    const b = backupNow(store.db, path, 'rolling');
    writeFileSync(join(backupDir(path), 'unrelated.txt'), 'x');
    writeFileSync(join(backupDir(path), 'other.20260101T000000000Z.open.db'), 'x');
    const listed = listBackups(path).map((x) => x.path);
    expect(listed).toEqual([b, a]);
  });

  it('rolling backups keep the newest K automatic copies and every pre-migration copy', async () => {
    const path = join(tempDir(), 'drillbook.db');
    const store = track(openStore(path));
    seedSession(store);
    const kept = backupNow(store.db, path, 'before-v2');
    const rolling = startRollingBackups(store.db, path, { everyMs: 3_600_000, keep: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) made.push(await rolling.runOnce());
    await rolling.stop();
    const listed = listBackups(path);
    expect(listed.filter((b) => b.reason === 'rolling').map((b) => b.path)).toEqual(made.slice(-3).reverse());
    expect(listed.map((b) => b.path)).toContain(kept);
    pruneBackups(path, 1);
    expect(listBackups(path).map((b) => b.reason).sort()).toEqual(['before-v2', 'rolling']);
  });

  it('rolling copies are taken on their own timer', async () => {
    const path = join(tempDir(), 'drillbook.db');
    const store = track(openStore(path));
    seedSession(store);
    const taken: string[] = [];
    const rolling = startRollingBackups(store.db, path, { everyMs: 20, keep: 2, onBackup: (p) => taken.push(p) });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (taken.length >= 3) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    await rolling.stop();
    expect(listBackups(path).filter((b) => b.reason === 'rolling')).toHaveLength(2);
  });
});
