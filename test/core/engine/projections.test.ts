// What each audience sees, on one concrete session.
import { describe, expect, it } from 'vitest';
import { facilitatorView, roleView, roomView } from '../../../core/engine/index.ts';
import { rich } from './fixtures.ts';
import { harness } from './helpers.ts';

function session() {
  const h = harness(rich);
  h.ok('facilitator', { type: 'session.setup', facilitator: 'Dana', participants: [{ name: 'Ari', roles: ['ic'] }, { name: 'Bo', roles: ['eng', 'comms'] }] });
  h.to(50);
  h.ok('role:ic', { type: 'prompt.answer', prompt: 'sev', answer: 'b' });
  h.ok('facilitator', { type: 'note.add', text: 'FNOTE-quick', tag: 'strength' });
  h.ok('role:eng', { type: 'chat.post', text: 'looking' });
  return h;
}

describe('projections', () => {
  it('a role sees its brief, its injects, its own prompts without expect, its answers, its actions and the chat', () => {
    const h = session();
    const ic = roleView(rich, h.runtime.state, 'ic', h.runtime.now());
    expect(ic).toMatchObject({
      audience: 'role',
      role: { id: 'ic', title: 'Incident commander', brief: 'You lead.' },
      clock: { status: 'running', exerciseMs: 50_000, speed: 1, durationMs: 3_600_000, pausedFor: null },
      storyTime: 'Day 2',
      // The writer's title, never only the role id (issue 14, item 18).
      chat: [{ role: 'eng', from: 'Engineer', text: 'looking' }],
    });
    expect(ic?.injects.map((i) => [i.id, i.body, i.deliveredAt])).toEqual([['alert', 'SECRET-alert', 30_000], ['room', 'SECRET-room', 45_000]]);
    expect(ic?.prompts).toEqual([{ id: 'sev', inject: 'alert', ask: 'Question sev?', type: 'choice', options: rich.injects[0]?.prompts[0]?.options, answer: 'b', answeredAt: 50_000, deliveredAt: 30_000, answerBy: 90_000 }]);
    expect(ic?.actions.map((a) => a.id)).toEqual(['page']);
    const comms = roleView(rich, h.runtime.state, 'comms', h.runtime.now());
    expect(comms?.injects.map((i) => i.id)).toEqual(['room']);
    expect(comms?.prompts).toEqual([]);
    expect(roleView(rich, h.runtime.state, 'nobody', 0)).toBeNull();
  });

  it('the room sees only injects to everyone, the story time and who has decisions pending', () => {
    const h = session();
    const room = roomView(rich, h.runtime.state, h.runtime.now());
    expect(room.injects.map((i) => i.id)).toEqual(['room']);
    expect(room.storyTime).toBe('Day 2');
    expect(room.pending).toEqual([{ role: 'eng', title: 'Engineer', count: 1, since: 30_000 }]);
    expect(JSON.stringify(room)).not.toMatch(/SECRET-alert|looking|FNOTE/);
  });

  it('the room counts down to the next inject on a fixed schedule only, never to one a decision set off', () => {
    const h = harness(rich);
    h.ok('facilitator', { type: 'session.setup', facilitator: 'Dana', participants: [{ name: 'Ari', roles: ['ic'] }] });
    h.to(10);
    expect(roomView(rich, h.runtime.state, h.runtime.now()).nextInjectAt).toBe(30_000);
    h.ok('facilitator', { type: 'inject.hold', inject: 'alert' });
    expect(roomView(rich, h.runtime.state, h.runtime.now()).nextInjectAt).toBe(45_000);
    h.ok('facilitator', { type: 'inject.release', inject: 'alert' });
    h.to(50);
    // `press` falls due 90 s after `alert` (at 2:00), but it is a consequence, not a schedule.
    const room = roomView(rich, h.runtime.state, h.runtime.now());
    expect(room.nextInjectAt).toBeNull();
    expect(Object.keys(room).sort()).toEqual(['audience', 'clock', 'feedback', 'injects', 'nextInjectAt', 'pending', 'scenario', 'storyTime']);
    expect(Object.keys(room.pending[0]!).sort()).toEqual(['count', 'role', 'since', 'title']);
  });

  it('the facilitator sees everything: expectations, notes, due times, statuses', () => {
    const h = session();
    h.ok('facilitator', { type: 'inject.hold', inject: 'press' });
    const f = facilitatorView(rich, h.runtime.state, h.runtime.now());
    const byId = new Map(f.injects.map((i) => [i.id, i]));
    expect(byId.get('alert')).toMatchObject({ status: 'delivered', how: 'scheduled', deliveredAt: 30_000, facilitatorNotes: 'FNOTE-alert' });
    expect(byId.get('alert')?.prompts[0]).toMatchObject({ id: 'sev', answer: 'b', expect: { best: ['a'], acceptable: ['b'], within: 60 }, points: 10 });
    expect(byId.get('press')).toMatchObject({ status: 'held', dueAt: 120_000 });
    expect(byId.get('nudge')).toMatchObject({ status: 'pending', dueAt: null }); // sev was answered in time
    expect(f.setup).toEqual({ facilitator: 'Dana', participants: [{ name: 'Ari', roles: ['ic'] }, { name: 'Bo', roles: ['eng', 'comms'] }] });
    expect(f.notes.map((n) => n.text)).toEqual(['FNOTE-quick']);
    // The feed's actions and chat carry titles (issue 14, item 18).
    expect(f.chat).toEqual([{ seq: expect.any(Number), at: 50_000, role: 'eng', from: 'Engineer', text: 'looking' }]);
    expect(f.steps.find((s) => s.id === 'declare')?.metAt).toBe(50_000);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  it('marks a delivered prompt overdue once its within has passed unanswered', () => {
    const h = harness(rich);
    h.to(30 + 121);
    const f = facilitatorView(rich, h.runtime.state, h.runtime.now());
    const checks = f.injects.find((i) => i.id === 'alert')?.prompts.find((p) => p.id === 'checks');
    expect(checks?.overdue).toBe(true);
  });
});
