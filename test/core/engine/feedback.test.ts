// The participant feedback form in the engine (issue 18 item 1): a participant command, accepted
// only once the session has ended, only from a role for itself, within the LIMITS; the latest form
// of a role wins; a role sees its own form only, the room a count only.
import { describe, expect, it } from 'vitest';
import { LIMITS, type Command, type RejectionCode } from '../../../core/engine/index.ts';
import type { Actor } from '../../../core/engine/index.ts';
import { PARTICIPANT_COMMANDS } from '../../../core/engine/commands.ts';
import type { FeedbackForm } from '../../../core/engine/feedback.ts';
import { roleView, roomView } from '../../../core/engine/projections.ts';
import { parseCommand } from '../../../core/protocol/commands.ts';
import { at, harness, inject, scenario } from './helpers.ts';

const sc = scenario({
  injects: [inject({ id: 'i1', trigger: at(10) })],
  feedback: { questions: [{ id: 'pace', ask: 'Was the pace right?', type: 'scale' }, { id: 'next', ask: 'What should the next drill cover?', type: 'text' }] },
});

const blankForm: FeedbackForm = { strengths: [], improvements: [], missed: '', actions: [], design: null, conduct: null, answers: [] };
const submit = (form: Partial<FeedbackForm>): Command => ({ type: 'feedback.submit', ...blankForm, ...form });

function ended() {
  const h = harness(sc);
  h.ok('facilitator', { type: 'session.setup', facilitator: 'Fay', participants: [{ name: 'Ann', roles: ['ic'] }, { name: 'Bo', roles: ['eng'] }] });
  h.to(20);
  h.ok('facilitator', { type: 'session.end' });
  return h;
}

function rejects(h: ReturnType<typeof harness>, actor: Actor, command: Command, code: RejectionCode, words?: RegExp) {
  const before = h.runtime.events.length;
  const result = h.run(actor, command);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.rejection.code).toBe(code);
  if (words) expect(result.rejection.message).toMatch(words);
  expect(h.runtime.events.length).toBe(before);
}

describe('feedback.submit', () => {
  it('is a participant command', () => {
    expect(PARTICIPANT_COMMANDS).toContain('feedback.submit');
  });

  it('opens only once the session has ended', () => {
    const h = harness(sc);
    rejects(h, 'role:ic', submit({ design: 4 }), 'not-ended', /opens when the session has ended/);
    h.ok('facilitator', { type: 'session.pause' });
    rejects(h, 'role:ic', submit({ design: 4 }), 'not-ended');
    h.ok('facilitator', { type: 'session.resume' });
    h.ok('facilitator', { type: 'session.end' });
    const events = h.ok('role:ic', submit({ design: 4 }));
    expect(events.map((e) => e.type)).toEqual(['feedback.given']);
    expect(events[0]!.actor).toBe('role:ic');
  });

  it('is given by a role for itself: never by the facilitator, never for a role the scenario lacks', () => {
    const h = ended();
    rejects(h, 'facilitator', submit({ design: 4 }), 'forbidden');
    rejects(h, 'system', submit({ design: 4 }), 'forbidden');
    rejects(h, 'role:ghost', submit({ design: 4 }), 'unknown-role');
  });

  it('trims texts, drops blank entries, and stores the form; a role that sends again replaces its form', () => {
    const h = ended();
    const [event] = h.ok('role:ic', submit({
      strengths: ['  Clear roles ', '', '   '], improvements: ['Paging was slow'], missed: '  ',
      actions: [{ action: ' Write a paging runbook ', priority: 'high', owner: ' SRE ' }, { action: ' ', priority: 'low', owner: '' }],
      design: 4, conduct: 5, answers: [{ question: 'pace', answer: 3 }, { question: 'next', answer: '  ' }],
    }));
    expect(event!.payload).toEqual({
      role: 'ic', strengths: ['Clear roles'], improvements: ['Paging was slow'], missed: '',
      actions: [{ action: 'Write a paging runbook', priority: 'high', owner: 'SRE' }], design: 4, conduct: 5, answers: [{ question: 'pace', answer: 3 }],
    });
    h.ok('role:ic', submit({ strengths: ['Second thoughts'], design: 2 }));
    h.ok('role:eng', submit({ conduct: 3 }));
    const state = h.runtime.state;
    expect(state.feedback?.size).toBe(2);
    expect(state.feedback?.get('ic')).toMatchObject({ strengths: ['Second thoughts'], design: 2, conduct: null, improvements: [] });
  });

  it('refuses a form that says nothing, bad ratings, unknown or mistyped questions, and texts over the limits', () => {
    const h = ended();
    rejects(h, 'role:ic', submit({}), 'empty', /form is empty/);
    rejects(h, 'role:ic', submit({ strengths: ['', ' '] }), 'empty');
    rejects(h, 'role:ic', submit({ design: 0 }), 'out-of-range', /whole number from 1 to 5/);
    rejects(h, 'role:ic', submit({ conduct: 6 }), 'out-of-range');
    rejects(h, 'role:ic', submit({ design: 3.5 }), 'out-of-range');
    rejects(h, 'role:ic', submit({ answers: [{ question: 'nope', answer: 3 }] }), 'unknown-question', /no question 'nope'/);
    rejects(h, 'role:ic', submit({ answers: [{ question: 'pace', answer: 'fast' }] }), 'out-of-range');
    rejects(h, 'role:ic', submit({ answers: [{ question: 'next', answer: 3 }] }), 'wrong-answer-type');
    rejects(h, 'role:ic', submit({ answers: [{ question: 'pace', answer: 3 }, { question: 'pace', answer: 4 }] }), 'invalid', /twice/);
    rejects(h, 'role:ic', submit({ actions: [{ action: '', priority: 'high', owner: 'SRE' }] }), 'empty', /owner but no action/);
    rejects(h, 'role:ic', submit({ actions: [{ action: 'x', priority: 'urgent' as 'high', owner: '' }] }), 'invalid', /priority/);
    rejects(h, 'role:ic', submit({ strengths: ['a', 'b', 'c', 'd'] }), 'too-long', /at most 3 strengths/);
    rejects(h, 'role:ic', submit({ actions: Array.from({ length: LIMITS.feedbackActions + 1 }, (_, i) => ({ action: `a${i}`, priority: 'low' as const, owner: '' })) }), 'too-long');
    rejects(h, 'role:ic', submit({ missed: 'x'.repeat(LIMITS.feedbackText + 1) }), 'too-long', new RegExp(`limit is ${LIMITS.feedbackText}`));
    rejects(h, 'role:ic', submit({ strengths: ['x'.repeat(LIMITS.feedbackText + 1)] }), 'too-long');
    rejects(h, 'role:ic', submit({ answers: [{ question: 'next', answer: 'x'.repeat(LIMITS.feedbackText + 1) }] }), 'too-long');
    rejects(h, 'role:ic', submit({ actions: [{ action: 'a', priority: 'low', owner: 'x'.repeat(LIMITS.name + 1) }] }), 'too-long');
    h.ok('role:ic', submit({ missed: 'x'.repeat(LIMITS.feedbackText), strengths: ['a', 'b', 'c', ''] }));
  });

  it('is checked at the boundary with the same limits', () => {
    expect(parseCommand(submit({ design: 4 })).ok).toBe(true);
    const long = parseCommand(submit({ missed: 'x'.repeat(LIMITS.feedbackText + 1) }));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.rejection.code).toBe('too-long');
    expect(parseCommand(submit({ design: 6 })).ok).toBe(false);
    expect(parseCommand(submit({ strengths: ['a', 'b', 'c', 'd'] })).ok).toBe(false);
    expect(parseCommand({ ...submit({ design: 4 }), role: 'eng' }).ok).toBe(false);
    expect(parseCommand({ type: 'feedback.submit', design: 4 }).ok).toBe(false);
  });
});

describe('who sees feedback', () => {
  it('a role sees the scenario questions and its own latest form, never another role’s', () => {
    const h = ended();
    h.ok('role:ic', submit({ strengths: ['IC secret strength'], design: 5 }));
    const ic = roleView(sc, h.runtime.state, 'ic', 0)!;
    expect(ic.feedback.questions).toEqual([{ id: 'pace', ask: 'Was the pace right?', type: 'scale' }, { id: 'next', ask: 'What should the next drill cover?', type: 'text' }]);
    expect(ic.feedback.given).toMatchObject({ strengths: ['IC secret strength'], design: 5 });
    const eng = roleView(sc, h.runtime.state, 'eng', 0)!;
    expect(eng.feedback.given).toBeNull();
    expect(JSON.stringify(eng)).not.toContain('IC secret strength');
  });

  it('the room sees how many of the seated roles gave feedback, and nothing of what they wrote', () => {
    const h = harness(sc);
    h.ok('facilitator', { type: 'session.setup', facilitator: 'Fay', participants: [{ name: 'Ann', roles: ['ic'] }, { name: 'Bo', roles: ['eng'] }] });
    expect(roomView(sc, h.runtime.state, 0).feedback).toBeNull();
    h.ok('facilitator', { type: 'session.end' });
    expect(roomView(sc, h.runtime.state, 0).feedback).toEqual({ given: 0, of: 2 });
    h.ok('role:ic', submit({ strengths: ['Room must not see this'] }));
    h.ok('role:ic', submit({ strengths: ['Nor this'] }));
    const room = roomView(sc, h.runtime.state, 0);
    expect(room.feedback).toEqual({ given: 1, of: 2 });
    expect(JSON.stringify(room)).not.toMatch(/Room must not see this|Nor this/);
  });
});
