// Library versions on a real SQLite file: the same spec as on memory storage, the history surviving
// a restart, the append-only triggers, and a full disk refused with a clear message.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServiceStorage, openStore } from '../../../electron/store/index.ts';
import { must, serviceOn, threeVersions, versionsSpec } from '../../core/service/library-versions-spec.ts';
import { tempDir, tempStore, track } from './helpers.ts';

describe('library versions (SQLite)', () => {
  versionsSpec(() => createServiceStorage(tempStore()));

  it('keeps the versions across a restart and refuses to change or delete one', async () => {
    const path = join(tempDir(), 'app.db');
    const [v1, v2] = threeVersions();
    const store = track(openStore(path));
    const first = serviceOn(createServiceStorage(store));
    const saved = await must(first.bridge.request('library.save', { fileName: 'a.yaml', text: v1, note: 'one' }));
    await must(first.bridge.request('library.save', { entryId: saved.entryId, fileName: 'a.yaml', text: v2, note: 'two' }));
    first.app.dispose();
    store.close();

    const again = track(openStore(path));
    const second = serviceOn(createServiceStorage(again));
    const versions = await must(second.bridge.request('library.versions', { entryId: saved.entryId }));
    expect(versions.map((v) => [v.version, v.note])).toEqual([[1, 'one'], [2, 'two']]);
    expect((await must(second.bridge.request('library.version', { entryId: saved.entryId, version: 1 }))).text).toBe(v1);
    expect(() => again.db.prepare("UPDATE library_versions SET note = 'x'").run()).toThrow(/append-only/);
    expect(() => again.db.prepare('DELETE FROM library_versions').run()).toThrow(/append-only/);
    second.app.dispose();
  });

  it('a full disk refuses the save with a message for the user and writes nothing', async () => {
    const store = tempStore();
    const { bridge, app } = serviceOn(createServiceStorage(store));
    const [v1] = threeVersions();
    const saved = await must(bridge.request('library.save', { fileName: 'a.yaml', text: v1 }));
    store.db.pragma(`max_page_count = ${Number(store.db.pragma('page_count', { simple: true }))}`);
    const big = `${v1}\n# ${'padding '.repeat(40_000)}\n`;
    const refused = await bridge.request('library.save', { entryId: saved.entryId, fileName: 'a.yaml', text: big, note: 'big' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/The disk is full: free space on the drive holding .+, then try again\./);
    expect(refused.error.message).not.toMatch(/SQLITE_FULL|\.ts:\d+/);
    store.db.pragma('max_page_count = 1073741823');
    expect((await must(bridge.request('library.versions', { entryId: saved.entryId }))).map((v) => v.version)).toEqual([1]);
    expect((await must(bridge.request('library.save', { entryId: saved.entryId, fileName: 'a.yaml', text: big }))).version).toBe(2);
    app.dispose();
  });

  it('a data file opened read-only refuses the save with a message for the user', async () => {
    const path = join(tempDir(), 'app.db');
    const [v1, v2] = threeVersions();
    const writable = track(openStore(path));
    const first = serviceOn(createServiceStorage(writable));
    const saved = await must(first.bridge.request('library.save', { fileName: 'a.yaml', text: v1 }));
    first.app.dispose();
    writable.close();

    const readonly = track(openStore(path, { readonly: true }));
    const { bridge, app } = serviceOn(createServiceStorage(readonly));
    const refused = await bridge.request('library.save', { entryId: saved.entryId, fileName: 'a.yaml', text: v2 });
    expect(!refused.ok && refused.error.message).toMatch(/was not saved: the computer could not write .+app\.db \(SQLITE_READONLY\)\. Check that the drive is still attached and writable/);
    expect((await must(bridge.request('library.versions', { entryId: saved.entryId }))).map((v) => v.version)).toEqual([1]);
    app.dispose();
  });
});
