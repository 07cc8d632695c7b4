import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SessionEvent } from '../../../core/engine/event.ts';
import { openDatabase, StoreError } from '../../../electron/store/index.ts';
import { seedSession, tempStore } from './helpers.ts';

function ev(seq: number, extra: Partial<SessionEvent> = {}): SessionEvent {
  return { seq, at: seq * 1000, wall: 1_790_000_000_000 + seq, actor: 'role:ic', type: 'prompt.answered', payload: { prompt: `p${seq}`, answer: ['a', 'b'] }, ...extra };
}

describe('SqliteEventStore (the EventStore contract)', () => {
  it('loads what was appended, in seq order, across batches', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.events.append(id, [ev(1, { actor: 'facilitator', type: 'session.started', payload: {} })]);
    store.events.append(id, [ev(2), ev(3, { at: 2500.75, payload: { text: 'ünïcode "quotes" <b>' } })]);
    const loaded = store.events.load(id);
    expect(loaded.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(loaded[0]).toEqual(ev(1, { actor: 'facilitator', type: 'session.started', payload: {} }));
    expect(loaded[2]).toEqual(ev(3, { at: 2500.75, payload: { text: 'ünïcode "quotes" <b>' } }));
  });

  it('round-trips arbitrary JSON payloads and batches (property)', () => {
    const store = tempStore();
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (batches) => {
        n += 1;
        const id = seedSession(store, `property-session-${n}`);
        const all: SessionEvent[] = [];
        for (const batch of batches) {
          const events = batch.map((payload, i) => ev(all.length + i + 1, { payload: JSON.parse(JSON.stringify(payload)) as unknown }));
          store.events.append(id, events);
          all.push(...events);
        }
        expect(store.events.load(id)).toEqual(all);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps sessions apart', () => {
    const store = tempStore();
    const a = seedSession(store, 'session-aaaa');
    const b = seedSession(store, 'session-bbbb');
    store.events.append(a, [ev(1), ev(2)]);
    store.events.append(b, [ev(1, { type: 'other' })]);
    expect(store.events.load(a)).toHaveLength(2);
    expect(store.events.load(b).map((e) => e.type)).toEqual(['other']);
    expect(store.events.load('no-such-session')).toEqual([]);
  });

  it('commits before append returns: another connection sees the events at once', () => {
    const store = tempStore();
    const id = seedSession(store);
    const reader = openDatabase(store.path, { readonly: true });
    try {
      store.events.append(id, [ev(1), ev(2)]);
      expect(reader.prepare('SELECT count(*) FROM events WHERE session = ?').pluck().get(id)).toBe(2);
    } finally {
      reader.close();
    }
  });

  it('writes all of a batch or none of it', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.events.append(id, [ev(1)]);
    // The third event skips a number: the whole batch must be refused, its first two included.
    expect(() => store.events.append(id, [ev(2), ev(3), ev(5)])).toThrow(StoreError);
    expect(store.events.load(id).map((e) => e.seq)).toEqual([1]);
    // An invalid event in the middle (a bad actor) is refused before anything is written.
    expect(() => store.events.append(id, [ev(2), ev(3, { actor: 'nobody' as 'system' })])).toThrow(/actor/);
    expect(store.events.load(id).map((e) => e.seq)).toEqual([1]);
    store.events.append(id, [ev(2), ev(3)]);
    expect(store.events.load(id).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('fails loudly on a duplicate or out-of-order seq', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.events.append(id, [ev(1), ev(2)]);
    const duplicate = (() => {
      try {
        store.events.append(id, [ev(2)]);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(duplicate).toBeInstanceOf(StoreError);
    expect((duplicate as StoreError).kind).toBe('sequence');
    expect((duplicate as StoreError).message).toMatch(/ends at event 2, so the next event must be 3/);
    expect(() => store.events.append(id, [ev(4)])).toThrow(/next event must be 3/);
    expect(() => store.events.append(id, [ev(1)])).toThrow(StoreError);
    expect(store.events.lastSeq(id)).toBe(2);
  });

  it('refuses events for a session that does not exist', () => {
    const store = tempStore();
    seedSession(store);
    expect(() => store.events.append('missing-session', [ev(1)])).toThrow(/there is no session missing-session/);
  });

  it('rejects malformed events at the boundary', () => {
    const store = tempStore();
    const id = seedSession(store);
    expect(() => store.events.append(id, [ev(1, { seq: 0 })])).toThrow();
    expect(() => store.events.append(id, [ev(1, { at: Number.NaN })])).toThrow();
    expect(() => store.events.append(id, [ev(1, { type: '' })])).toThrow();
    expect(store.events.load(id)).toEqual([]);
  });
});
