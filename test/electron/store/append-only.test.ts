// The event log is append-only in the database itself, not only in our code: any SQL that
// updates or deletes an event, from any program, is refused by a trigger.
import { describe, expect, it } from 'vitest';
import { seedSession, tempStore } from './helpers.ts';

describe('the append-only event log', () => {
  it('refuses UPDATE and DELETE of events, whatever the statement', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.events.append(id, [
      { seq: 1, at: 0, wall: 1, actor: 'facilitator', type: 'session.started', payload: {} },
      { seq: 2, at: 5, wall: 2, actor: 'role:ic', type: 'prompt.answered', payload: { answer: 'a' } },
    ]);
    const attempts = [
      "UPDATE events SET payload = '{\"answer\":\"b\"}' WHERE seq = 2",
      'UPDATE events SET seq = seq + 10',
      'DELETE FROM events WHERE seq = 2',
      'DELETE FROM events',
      `DELETE FROM sessions WHERE id = '${id}'`,
    ];
    for (const sql of attempts) expect(() => store.db.exec(sql), sql).toThrow(/append-only|FOREIGN KEY/);
    const events = store.events.load(id);
    expect(events.map((e) => [e.seq, e.payload])).toEqual([
      [1, {}],
      [2, { answer: 'a' }],
    ]);
  });

  it('refuses a raw insert that breaks the dense seq', () => {
    const store = tempStore();
    const id = seedSession(store);
    const insert = store.db.prepare("INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, ?, 0, 0, 'system', 't', '{}')");
    insert.run(id, 1);
    expect(() => insert.run(id, 3)).toThrow(/seq out of order/);
    expect(() => insert.run(id, 1)).toThrow(/seq out of order|UNIQUE/);
    insert.run(id, 2);
    expect(store.events.lastSeq(id)).toBe(2);
  });

  it('refuses payloads that are not JSON and unknown actors', () => {
    const store = tempStore();
    const id = seedSession(store);
    expect(() => store.db.prepare("INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, 1, 0, 0, 'system', 't', '{oops')").run(id)).toThrow(/CHECK/);
    expect(() => store.db.prepare("INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, 1, 0, 0, 'mallory', 't', '{}')").run(id)).toThrow(/CHECK/);
  });
});
