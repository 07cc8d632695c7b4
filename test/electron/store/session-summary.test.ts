// The session summary (status, seats, facilitator, plan items) is written in the same transaction
// as the events it comes from: it never disagrees with the log, and when it cannot be written,
// neither are the events.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../core/engine/index.ts';
import { SqliteEventStore } from '../../../electron/store/index.ts';
import { seedSession, tempStore } from './helpers.ts';

const at = (seq: number, type: string, payload: unknown, actor: SessionEvent['actor'] = 'facilitator'): SessionEvent => ({ seq, at: seq * 1000, wall: 1_790_000_000_000 + seq * 1000, actor, type, payload });

describe('session summary', () => {
  it('follows the log: header, seats, status, plan items', () => {
    const store = tempStore();
    const id = seedSession(store);
    store.events.append(id, [
      at(1, 'session.setup', { facilitator: 'Margaret', participants: [{ name: 'Grace', roles: ['ic', 'comms'] }, { name: 'Linus', roles: ['eng'] }, { name: 'Ken', roles: [] }], scenarioId: 'llm-outage' }),
      at(2, 'session.started', { speed: 1 }),
    ]);
    expect(store.sessions.get(id)).toMatchObject({
      facilitator: 'Margaret',
      status: 'running',
      startedAt: 1_790_000_002_000,
      seats: [
        { role: 'ic', participant: 'Grace' },
        { role: 'comms', participant: 'Grace' },
        { role: 'eng', participant: 'Linus' },
      ],
    });
    store.events.append(id, [
      at(3, 'session.paused', { reason: 'suspend' }, 'system'),
      at(4, 'plan.item.saved', { id: 'p1', issue: 'Slow paging', corrective_action: 'Rotation', owner: 'Grace', due: '2026-12-01', objective: null }),
      at(5, 'plan.item.saved', { id: 'p2', issue: 'No template', corrective_action: 'Write one', owner: '', due: '', objective: null }),
      at(6, 'plan.item.removed', { id: 'p1' }),
      at(7, 'session.ended', { reason: 'facilitator' }),
    ]);
    expect(store.sessions.get(id)).toMatchObject({ status: 'ended', endedAt: 1_790_000_007_000 });
    expect(store.improvements.list(id).map((i) => i.id)).toEqual(['p2']);
  });

  it('writes no event when its summary cannot be written', () => {
    const store = tempStore();
    const id = seedSession(store);
    const failing = new SqliteEventStore(store.db, store.path, () => {
      throw new Error('summary failed');
    });
    expect(() => failing.append(id, [at(1, 'session.started', { speed: 1 })])).toThrow('summary failed');
    expect(store.events.load(id)).toEqual([]);
    expect(store.sessions.get(id).status).toBe('setup');
  });
});
