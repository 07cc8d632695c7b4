import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, openStore, StoreError } from '../../../electron/store/index.ts';
import { seedSession, tempDir, tempStore, track } from './helpers.ts';

describe('openDatabase', () => {
  it('opens every connection the same way: WAL, synchronous FULL, foreign keys, busy timeout', () => {
    const store = tempStore();
    const db = store.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('enforces foreign keys', () => {
    const store = tempStore();
    expect(() => store.sessions.create({ scenario: 999, facilitator: 'Ada' })).toThrow(/FOREIGN KEY/);
  });

  it('read-only: reads, refuses writes, and never creates a file', () => {
    const dir = tempDir();
    const path = join(dir, 'data.db');
    const writer = track(openStore(path));
    const id = seedSession(writer);
    const reader = track(openStore(path, { readonly: true }));
    expect(reader.sessions.get(id).facilitator).toBe('Ada');
    expect(() => reader.settings.set('x', 1)).toThrow();
    expect(() => openDatabase(join(dir, 'missing.db'), { readonly: true })).toThrow(StoreError);
    expect(() => openDatabase(join(dir, 'missing.db'), { readonly: true })).toThrow(/There is no Drillbook data file/);
  });

  it('says plainly when the path is a folder or its folder does not exist', () => {
    const dir = tempDir();
    expect(() => openDatabase(dir)).toThrow(/is a folder, not a Drillbook data file/);
    expect(() => openDatabase(join(dir, 'no-such-folder', 'data.db'))).toThrow(/^Drillbook cannot write to .+data\.db/);
  });

  it('two connections: a reader sees what the writer committed', () => {
    const store = tempStore();
    const other = track(openStore(store.path, { backupOnOpen: false }));
    store.settings.set('room', { name: 'Lab 2' });
    expect(other.settings.get('room', z.object({ name: z.string() }))).toEqual({ name: 'Lab 2' });
  });
});
