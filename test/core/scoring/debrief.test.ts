// The debrief's story around the scores: session, timeline, notes, controls, hotwash, plan.
import { describe, expect, it } from 'vitest';
import { computeDebrief } from '../../../core/scoring/index.ts';
import { at, expect_, harness, inject, prompt, scenario } from '../engine/helpers.ts';

const sc = scenario({
  injects: [
    inject({ id: 'alert', trigger: at(60), to: ['ic'], title: 'Pager: error rate 20%', channel: 'alert', prompts: [prompt({ id: 'sev', role: 'ic', type: 'choice', expect: expect_({ best: ['a'] }) })] }),
    inject({ id: 'later', trigger: at(9000), to: ['eng'] }),
  ],
});

function session() {
  const h = harness(sc, { start: false });
  h.setWall(Date.UTC(2026, 10, 26, 9, 0, 0));
  h.ok('facilitator', { type: 'session.setup', facilitator: 'Dana', participants: [{ name: 'Ari', roles: ['ic', 'comms'] }, { name: 'Bo', roles: ['eng'] }, { name: 'Observer', roles: [] }] });
  h.ok('facilitator', { type: 'session.start' });
  h.timers.runDue();
  h.to(60);
  h.ok('role:ic', { type: 'prompt.answer', prompt: 'sev', answer: 'a' });
  h.ok('role:eng', { type: 'action.take', action: 'rollback' });
  h.ok('role:comms', { type: 'chat.post', text: 'Drafting <b>now</b>' });
  h.to(90);
  h.ok('facilitator', { type: 'session.pause' });
  h.timers.advanceBy(600_000);
  h.ok('facilitator', { type: 'session.resume' });
  h.ok('facilitator', { type: 'session.speed', speed: 2 });
  h.ok('facilitator', { type: 'note.add', text: 'IC declared quickly', tag: 'strength', objective: 'detect', role: 'ic' });
  h.ok('facilitator', { type: 'adhoc.send', to: ['eng'], channel: 'call', title: 'CEO calls', body: '?' });
  h.to(120);
  h.ok('facilitator', { type: 'session.end' });
  h.ok('facilitator', { type: 'hotwash.answer', question: 0, answer: 'Fast triage' });
  h.ok('facilitator', { type: 'plan.item.save', issue: 'No runbook link', corrective_action: 'Add it to the alert', owner: 'Bo', due: '2026-12-15', objective: 'detect' });
  return h;
}

describe('computeDebrief', () => {
  it('fills the session: id, times, duration without the pause, facilitator, one participant per role held', () => {
    const h = session();
    const d = computeDebrief(sc, h.runtime.events, { sessionId: 's1', contentHash: 'abc123' });
    expect(d.format).toBe('drillbook/debrief@1');
    expect(d.scenario).toEqual({ id: 'test-scenario', title: 'Test scenario', level: 'beginner', content_hash: 'abc123' });
    expect(d.session).toEqual({
      id: 's1',
      started_at: '2026-11-26T09:00:00.000Z',
      // 90 s at 1x, a 600 s pause, 30 s of exercise at 2x = 15 s: 705 s of wall time
      ended_at: '2026-11-26T09:11:45.000Z',
      duration_s: 120,
      facilitator: 'Dana',
      participants: [
        { name: 'Ari', role: 'ic', role_title: 'Incident commander' },
        { name: 'Ari', role: 'comms', role_title: 'Comms' },
        { name: 'Bo', role: 'eng', role_title: 'Engineer' },
      ],
      // Ari holds two roles and counts once; the observer holds none (issue 14, item 18).
      people: 2,
    });
  });

  it('lists every delivery, decision, control and note in the timeline, in order', () => {
    const d = computeDebrief(sc, session().runtime.events);
    expect(d.timeline.map((t) => [t.at_s, t.kind, t.actor, t.summary])).toEqual([
      // Titles, not ids, wherever a person reads (issue 14, item 18).
      [0, 'system', 'facilitator', 'Session set up: facilitator Dana; Ari (Incident commander, Comms); Bo (Engineer); Observer (no role)'],
      [0, 'control', 'facilitator', 'Session started at 1x'],
      [60, 'delivery', 'system', "Delivered 'Pager: error rate 20%' to Incident commander"],
      [60, 'decision', 'ic', 'Incident commander answered "Question sev?": A'],
      [60, 'decision', 'eng', "Engineer took action 'Roll back'"],
      [60, 'chat', 'comms', 'Comms: Drafting <b>now</b>'],
      [90, 'control', 'facilitator', 'Paused (facilitator)'],
      [90, 'control', 'facilitator', 'Resumed'],
      [90, 'control', 'facilitator', 'Speed set to 2x'],
      [90, 'note', 'facilitator', 'Note (strength): IC declared quickly'],
      [90, 'delivery', 'facilitator', "Delivered 'CEO calls' to Engineer (ad-hoc)"],
      [120, 'control', 'facilitator', 'Session ended (facilitator)'],
      [120, 'system', 'facilitator', 'Hotwash: What went well?'],
      [120, 'system', 'facilitator', 'Improvement plan: No runbook link'],
    ]);
    expect(d.timeline.find((t) => t.kind === 'delivery')).toMatchObject({ inject: 'alert', channel: 'alert', role: null });
    expect(d.timeline.find((t) => t.type === 'prompt.answered')).toMatchObject({ prompt: 'sev', inject: 'alert', role: 'ic' });
  });

  it('names grades, ratings and ad-hoc prompts by their titles too', () => {
    const h = session();
    h.ok('facilitator', { type: 'objective.rate', objective: 'detect', rating: 'S', reason: 'Quick but noisy' });
    const d = computeDebrief(sc, h.runtime.events);
    const summaries = d.timeline.map((t) => t.summary);
    expect(summaries).toContain('Rated Detect S (Quick but noisy)');
    expect(summaries.join('\n')).not.toMatch(/\b(ic|eng|comms|sev|detect) /);
  });

  it('carries notes, controls, hotwash and the improvement plan', () => {
    const d = computeDebrief(sc, session().runtime.events);
    expect(d.notes).toEqual([{ seq: 10, at_s: 90, tag: 'strength', text: 'IC declared quickly', objective: 'detect', role: 'ic' }]);
    // The exercise clock stood still for the 600 s pause: its wall-clock length says how long it was.
    expect(d.controls).toEqual({ pauses: [{ at_s: 90, resumed_at_s: 90, reason: 'facilitator', wall_s: 600 }], speed_changes: [{ at_s: 90, speed: 2 }] });
    expect(d.hotwash).toEqual([{ question: 'What went well?', answer: 'Fast triage' }, { question: 'What would you change?', answer: null }]);
    expect(d.improvement_plan).toEqual([{ id: 'plan-1', issue: 'No runbook link', corrective_action: 'Add it to the alert', owner: 'Bo', due: '2026-12-15', objective: 'detect' }]);
    expect(d.rejected).toBeUndefined();
    // ad-hoc injects and undelivered prompts stay out of the scores
    expect(d.prompts.map((p) => p.id)).toEqual(['sev']);
  });

  it('a session that never started has an empty story and nothing possible from prompts', () => {
    const d = computeDebrief(sc, []);
    expect(d.session).toMatchObject({ started_at: null, ended_at: null, duration_s: 0, facilitator: null, participants: [] });
    expect(d.score).toEqual({ points: 0, possible: 0, percent: null, computed_rating: null, rating: null, capped_by: null });
    expect(d.objectives.every((o) => o.rating === null)).toBe(true);
  });
});
