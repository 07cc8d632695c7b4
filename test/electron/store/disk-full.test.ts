// A full disk, simulated with PRAGMA max_page_count (SQLite reports it exactly as a full disk:
// SQLITE_FULL). The decision is refused with a message for the user, nothing of it is written,
// and the same store takes the next append once there is room again.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../core/engine/event.ts';
import { openDatabase, StoreError } from '../../../electron/store/index.ts';
import { seedSession, tempStore } from './helpers.ts';

const decision = (seq: number, size: number): SessionEvent => ({
  seq,
  at: seq * 1000,
  wall: 1_790_000_000_000 + seq,
  actor: 'role:ic',
  type: 'prompt.answered',
  payload: { prompt: 'mitigation', answer: 'y'.repeat(size) },
});

describe('a full disk', () => {
  it('refuses the append with a clear message, writes nothing, and recovers when space is freed', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.events.append(id, [decision(1, 10), decision(2, 10)]);
    const pages = Number(store.db.pragma('page_count', { simple: true }));
    store.db.pragma(`max_page_count = ${pages}`);

    let caught: unknown;
    try {
      store.events.append(id, [decision(3, 50), decision(4, 20_000)]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    const error = caught as StoreError;
    expect(error.kind).toBe('disk-full');
    expect(error.message).toMatch(/^The disk is full: free space on the drive holding .+, then try again\./);
    expect(error.message).toContain(`nothing was lost up to event 2 of session ${id}`);
    expect(error.message).not.toMatch(/SQLITE|at .+\.ts:\d+/);

    // No partial batch, also as seen by another connection.
    expect(store.events.load(id).map((e) => e.seq)).toEqual([1, 2]);
    const reader = openDatabase(store.path, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2);
    reader.close();
    expect(store.db.inTransaction).toBe(false);

    // Space is freed: the same store, the same connection, the same events go in.
    store.db.pragma('max_page_count = 1073741823');
    store.events.append(id, [decision(3, 50), decision(4, 20_000)]);
    expect(store.events.load(id).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('other writes say the disk is full too', () => {
    const store = tempStore();
    seedSession(store);
    store.db.pragma(`max_page_count = ${Number(store.db.pragma('page_count', { simple: true }))}`);
    expect(() => store.settings.set('big', 'z'.repeat(50_000))).toThrow(/The disk is full/);
  });
});
