// drillbook restore DB --from BACKUP (issue 15): a backup put in place of a damaged data file, the
// old file kept beside it; refused while the data file is in use, for a bundle, for a bad backup.
import { existsSync, readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { exportSessionBundle, listBackups, openStore } from '../../../electron/store/index.ts';
import { fileHash, seedSession, tempDir, track } from '../store/helpers.ts';

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A data file with a session of 400 events and backups beside it, then damaged. */
function damagedFileWithBackups(): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'workshop.db');
  const store = openStore(path);
  const id = seedSession(store, 'session-before-damage');
  store.events.append(id, Array.from({ length: 400 }, (_, i) => ({ seq: i + 1, at: i * 1000, wall: i, actor: 'role:ic' as const, type: 'chat.sent', payload: { text: 'x'.repeat(200) } })));
  store.close();
  openStore(path).close(); // an open takes a copy
  truncateSync(path, 4096 * 3);
  return { dir, path };
}

describe('drillbook restore', () => {
  it('lists the backups without --from, then puts one in place and keeps the damaged file beside it', async () => {
    const { dir, path } = damagedFileWithBackups();
    const damaged = fileHash(path);
    const [newest] = listBackups(path);
    expect(newest).toBeDefined();
    expect(() => openStore(path)).toThrow(`drillbook restore ${path} --from ${newest!.path}`);

    const listing = await run(dir, 'restore', 'workshop.db');
    expect(listing.code).toBe(2);
    expect(listing.err).toContain('no backup given: add --from BACKUP; its backups, newest first:');
    expect(listing.err).toContain(newest!.path);

    const restored = await run(dir, 'restore', 'workshop.db', '--from', newest!.path);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`Restored ${newest!.path} to ${path}.`);
    const store = track(openStore(path));
    expect(store.events.load('session-before-damage')).toHaveLength(400);
    store.close();
    const aside = readdirSync(dir).filter((f) => /^workshop\.before-restore-\d{8}T\d{6}Z\.db$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fileHash(join(dir, aside[0]!))).toBe(damaged);
  });

  it('refuses a data file in use, and leaves it as it is', async () => {
    const dir = tempDir();
    const path = join(dir, 'live.db');
    const running = track(openStore(path));
    seedSession(running);
    running.close();
    openStore(path).close();
    const [backup] = listBackups(path);
    const live = track(openStore(path));
    const before = readdirSync(dir).sort();
    const refused = await run(dir, 'restore', 'live.db', '--from', backup!.path);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is open in a running Drillbook');
    expect(readdirSync(dir).sort()).toEqual(before);
    live.close();
    // Once it is closed, the same restore goes through.
    expect((await run(dir, 'restore', 'live.db', '--from', backup!.path)).code).toBe(0);
  });

  it('refuses a session bundle, a damaged backup or a missing one, and changes nothing', async () => {
    const { dir, path } = damagedFileWithBackups();
    const before = fileHash(path);
    const source = track(openStore(join(dir, 'other.db')));
    const session = seedSession(source);
    exportSessionBundle(source, session, join(dir, 'one.drillbook'));
    source.close();

    const bundle = await run(dir, 'restore', 'workshop.db', '--from', 'one.drillbook');
    expect(bundle).toMatchObject({ code: 1, err: expect.stringContaining('is a session bundle, not a backup') });
    const bad = await run(dir, 'restore', 'workshop.db', '--from', 'workshop.db.copy');
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('there is no file at') });
    // A damaged backup: the data file is put back where it was.
    const broken = join(dir, 'broken-backup.db');
    const { copyFileSync } = await import('node:fs');
    copyFileSync(path, broken);
    const damagedBackup = await run(dir, 'restore', 'workshop.db', '--from', 'broken-backup.db');
    expect(damagedBackup.code).toBe(1);
    expect(damagedBackup.err).toContain('was left as it was');
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });
});
