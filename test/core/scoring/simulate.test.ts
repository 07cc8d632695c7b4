// Dry runs through the runtime on virtual time: the play-script ordering, the implicit end,
// pauses in a script, and rejected script events.
import { describe, expect, it } from 'vitest';
import type { Play, PlayAction, PlayEvent } from '../../../core/scenario/types.ts';
import { simulatePlay } from '../../../core/scoring/index.ts';
import { at, expect_, inject, prompt, scenario, when } from '../engine/helpers.ts';

function playOf(...events: (PlayAction & { at: number })[]): Play {
  return { format: 'drillbook/play@1', events: events.map((e, index): PlayEvent => ({ ...e, index, line: index + 3 })) };
}

const sc = scenario({
  duration: 1800,
  injects: [
    inject({ id: 'x', trigger: at(60), to: ['ic'], prompts: [prompt({ id: 'px', role: 'ic', type: 'choice', objective: 'detect', expect: expect_({ best: ['a'] }) })] }),
    inject({ id: 'y', trigger: when({ kind: 'answered', prompt: 'px' }), to: ['ic'], prompts: [prompt({ id: 'py', role: 'ic', type: 'choice', objective: 'detect', expect: expect_({ best: ['b'] }) })] }),
    inject({ id: 'z', trigger: at(1700), to: ['eng'] }),
  ],
});

const types = (events: { type: string; at: number }[]) => events.map((e) => `${e.at / 1000}:${e.type}`);

describe('simulatePlay', () => {
  it('at one time: due deliveries first, then the script in order, then what the script made due', () => {
    const { events, rejected, debrief } = simulatePlay(sc, playOf(
      { at: 60, kind: 'answer', role: 'ic', prompt: 'px', answer: 'a' },
      { at: 60, kind: 'answer', role: 'ic', prompt: 'py', answer: 'b' },
      { at: 61, kind: 'answer', role: 'ic', prompt: 'py', answer: 'b' },
      { at: 120, kind: 'end' },
    ));
    expect(types(events).slice(2)).toEqual(['60:inject.delivered', '60:prompt.answered', '60:inject.delivered', '61:prompt.answered', '120:session.ended']);
    expect(rejected).toEqual([{ at_s: 60, event: 'events[1] (line 4): ic answers py', reason: "The role 'ic' has no prompt 'py' to answer (a prompt can be answered once it has arrived)." }]);
    expect(debrief.rejected).toEqual(rejected);
    expect(debrief.prompts.map((p) => [p.id, p.delivered_at_s, p.answered_at_s, p.points])).toEqual([['px', 60, 60, 10], ['py', 60, 61, 10]]);
    expect(debrief.session.duration_s).toBe(120);
  });

  it('a script without end ends at the scenario’s duration; later events are rejected', () => {
    const { events, rejected, debrief } = simulatePlay(sc, playOf(
      { at: 100, kind: 'note', text: 'ok', tag: 'observation' },
      { at: 2000, kind: 'answer', role: 'ic', prompt: 'px', answer: 'a' },
    ));
    const ended = events.find((e) => e.type === 'session.ended');
    expect(ended).toMatchObject({ at: 1_800_000, actor: 'system', payload: { reason: 'duration' } });
    expect(events.some((e) => e.type === 'inject.delivered' && (e.payload as { inject: string }).inject === 'z')).toBe(true);
    expect(rejected.map((r) => [r.at_s, r.reason])).toEqual([[2000, 'The session has ended, so you cannot answer any more.']]);
    expect(debrief.session.duration_s).toBe(1800);
    // px delivered, never answered: 0 of 10; py never delivered: left out
    expect(debrief.score).toEqual({ points: 0, possible: 10, percent: 0, computed_rating: 'U', rating: 'U', capped_by: null });
  });

  it('an empty script runs the whole scenario', () => {
    const { events } = simulatePlay(sc, playOf());
    expect(types(events)).toEqual(['0:session.setup', '0:session.started', '60:inject.delivered', '1700:inject.delivered', '1800:session.ended']);
  });

  it('while the script has the session paused, the clock stands still and decisions are refused', () => {
    const { events, rejected } = simulatePlay(sc, playOf(
      { at: 30, kind: 'pause' },
      { at: 50, kind: 'answer', role: 'ic', prompt: 'px', answer: 'a' },
      { at: 70, kind: 'resume' },
      { at: 100, kind: 'end' },
    ));
    expect(types(events).slice(2)).toEqual(['30:session.paused', '30:session.resumed', '60:inject.delivered', '100:session.ended']);
    expect(rejected.map((r) => r.reason)).toEqual(["The role 'ic' has no prompt 'px' to answer (a prompt can be answered once it has arrived)."]);
  });

  it('reports decisions by a role that may not make them, and facilitator events that do not apply', () => {
    const { rejected } = simulatePlay(sc, playOf(
      { at: 70, kind: 'answer', role: 'eng', prompt: 'px', answer: 'a' },
      { at: 70, kind: 'action', role: 'ic', action: 'rollback' },
      { at: 80, kind: 'deliver', inject: 'x' },
      { at: 90, kind: 'grade', prompt: 'px', credit: 1, reason: 'fine' },
      { at: 95, kind: 'end' },
    ));
    expect(rejected.map((r) => r.event)).toEqual([
      'events[0] (line 3): eng answers px',
      'events[1] (line 4): ic takes action rollback',
      'events[2] (line 5): facilitator delivers x',
      'events[3] (line 6): facilitator grades px',
    ]);
    expect(rejected.map((r) => r.reason)).toEqual([
      "The role 'eng' has no prompt 'px' to answer (a prompt can be answered once it has arrived).",
      "The role 'ic' has no action 'rollback' to take.",
      "'Inject x' was already delivered; an inject is never delivered twice.",
      "Prompt 'px' has no answer yet, so there is nothing to grade.",
    ]);
  });

  it('records who played: the given setup, or one participant per role', () => {
    const byDefault = simulatePlay(sc, playOf());
    expect(byDefault.debrief.session.participants.map((p) => p.role)).toEqual(['ic', 'eng', 'comms']);
    const given = simulatePlay(sc, playOf(), { setup: { facilitator: 'Dana', participants: [{ name: 'Ari', roles: ['ic', 'eng'] }] }, wallStart: Date.UTC(2026, 0, 2) });
    expect(given.debrief.session).toMatchObject({
      facilitator: 'Dana', started_at: '2026-01-02T00:00:00.000Z', ended_at: '2026-01-02T00:30:00.000Z',
      participants: [{ name: 'Ari', role: 'ic', role_title: 'Incident commander' }, { name: 'Ari', role: 'eng', role_title: 'Engineer' }],
    });
  });
});
