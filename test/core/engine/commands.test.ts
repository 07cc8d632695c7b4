// Commands checked against the state: accepted ones become events; refused ones say why.
import { describe, expect, it } from 'vitest';
import { LIMITS, type Command, type RejectionCode } from '../../../core/engine/index.ts';
import type { Actor } from '../../../core/engine/index.ts';
import { at, harness, inject, prompt, scenario } from './helpers.ts';

const sc = scenario({
  injects: [
    inject({
      id: 'i1', trigger: at(10), to: ['ic', 'eng'], prompts: [
        prompt({ id: 'choice', role: 'ic', type: 'choice' }),
        prompt({ id: 'multi', role: 'eng', type: 'multi' }),
        prompt({ id: 'free', role: 'ic', type: 'text' }),
      ],
    }),
    inject({ id: 'i2', trigger: at(600), to: ['comms'], prompts: [prompt({ id: 'later', role: 'comms', type: 'choice' })] }),
  ],
});

function delivered() {
  const h = harness(sc);
  h.to(10);
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

describe('answers', () => {
  it('accepts an answer by the prompt’s role once its inject is delivered; the last one counts', () => {
    const h = delivered();
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'choice', answer: 'a' });
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'choice', answer: 'b' });
    expect(h.runtime.state.prompts.get('choice')).toMatchObject({ answers: 2, last: { answer: 'b', role: 'ic' } });
  });

  it('refuses with reasons a person understands', () => {
    const h = delivered();
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'nope', answer: 'a' }, 'unknown-prompt', /no prompt 'nope'/);
    // Not yet delivered, or another role's: the answer an unknown id gets, naming nothing else (issue 16).
    rejects(h, 'role:comms', { type: 'prompt.answer', prompt: 'later', answer: 'a' }, 'unknown-prompt', /^The role 'comms' has no prompt 'later' to answer/);
    rejects(h, 'role:eng', { type: 'prompt.answer', prompt: 'choice', answer: 'a' }, 'unknown-prompt', /^The role 'eng' has no prompt 'choice' to answer \(a prompt can be answered once it has arrived\)\.$/);
    rejects(h, 'role:eng', { type: 'prompt.answer', prompt: 'nope', answer: 'a' }, 'unknown-prompt', /^The role 'eng' has no prompt 'nope' to answer \(a prompt can be answered once it has arrived\)\.$/);
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'choice', answer: 'z' }, 'unknown-option', /no option 'z'/);
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'choice', answer: ['a'] }, 'wrong-answer-type');
    rejects(h, 'role:eng', { type: 'prompt.answer', prompt: 'multi', answer: ['a', 'a'] }, 'duplicate-option', /twice/);
    rejects(h, 'role:eng', { type: 'prompt.answer', prompt: 'multi', answer: [] }, 'empty');
    rejects(h, 'role:eng', { type: 'prompt.answer', prompt: 'multi', answer: 'a' }, 'wrong-answer-type');
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'free', answer: '   ' }, 'empty');
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'free', answer: 'x'.repeat(LIMITS.answer + 1) }, 'too-long', /4001 characters.*limit is 4000/);
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'free', answer: 'x'.repeat(LIMITS.answer) });
    rejects(h, 'facilitator', { type: 'prompt.answer', prompt: 'choice', answer: 'a' }, 'forbidden');
    rejects(h, 'role:ghost', { type: 'prompt.answer', prompt: 'choice', answer: 'a' }, 'unknown-role');
  });

  it('refuses decisions before the start, while paused and after the end', () => {
    const h = harness(sc, { start: false });
    rejects(h, 'role:ic', { type: 'action.take', action: 'page' }, 'not-started', /not started/);
    h.ok('facilitator', { type: 'session.start' });
    h.to(10);
    h.ok('facilitator', { type: 'session.pause' });
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'choice', answer: 'a' }, 'paused', /paused/);
    rejects(h, 'role:ic', { type: 'action.take', action: 'page' }, 'paused');
    h.ok('role:ic', { type: 'chat.post', text: 'back in five' });
    h.ok('facilitator', { type: 'session.resume' });
    h.ok('facilitator', { type: 'session.end' });
    rejects(h, 'role:ic', { type: 'prompt.answer', prompt: 'choice', answer: 'a' }, 'ended', /ended/);
    rejects(h, 'role:ic', { type: 'chat.post', text: 'hello' }, 'ended');
  });
});

describe('actions and chat', () => {
  it('checks the action exists and the role may take it', () => {
    const h = delivered();
    // Another role's action gets the answer an unknown one gets: no title, no roles (issue 16).
    rejects(h, 'role:ic', { type: 'action.take', action: 'rollback' }, 'unknown-action', /^The role 'ic' has no action 'rollback' to take\.$/);
    rejects(h, 'role:ic', { type: 'action.take', action: 'nope' }, 'unknown-action', /^The role 'ic' has no action 'nope' to take\.$/);
    h.ok('role:eng', { type: 'action.take', action: 'rollback' });
  });

  it('limits chat to 2,000 characters and refuses empty messages', () => {
    const h = delivered();
    rejects(h, 'role:ic', { type: 'chat.post', text: 'x'.repeat(LIMITS.chat + 1) }, 'too-long');
    rejects(h, 'role:ic', { type: 'chat.post', text: '' }, 'empty');
    h.ok('facilitator', { type: 'chat.post', text: 'Facilitator here' });
    expect(h.runtime.state.chat.map((m) => m.role)).toEqual([null]);
  });
});

describe('facilitator controls', () => {
  it('start, pause, resume, speed, end in their states only', () => {
    const h = harness(sc, { start: false });
    rejects(h, 'facilitator', { type: 'session.pause' }, 'not-started');
    rejects(h, 'facilitator', { type: 'session.resume' }, 'not-paused');
    rejects(h, 'facilitator', { type: 'session.end' }, 'not-started');
    h.ok('facilitator', { type: 'session.start' });
    rejects(h, 'facilitator', { type: 'session.start' }, 'already-started');
    rejects(h, 'facilitator', { type: 'session.resume' }, 'not-paused');
    h.ok('facilitator', { type: 'session.pause' });
    rejects(h, 'facilitator', { type: 'session.pause' }, 'paused');
    rejects(h, 'facilitator', { type: 'session.speed', speed: 0.2 }, 'out-of-range', /0.25x and 10x/);
    rejects(h, 'facilitator', { type: 'session.speed', speed: 11 }, 'out-of-range');
    h.ok('facilitator', { type: 'session.speed', speed: 0.25 });
    h.ok('facilitator', { type: 'session.speed', speed: 10 });
    h.ok('facilitator', { type: 'session.end' });
    rejects(h, 'facilitator', { type: 'session.end' }, 'ended');
    rejects(h, 'facilitator', { type: 'session.speed', speed: 2 }, 'ended');
  });

  it('participants cannot use facilitator commands', () => {
    const h = delivered();
    rejects(h, 'role:ic', { type: 'session.pause' }, 'forbidden', /Only the facilitator/);
    rejects(h, 'role:ic', { type: 'answer.grade', prompt: 'choice', credit: 1, reason: 'self-graded' }, 'forbidden');
  });

  it('the host (actor system) may pause with a reason', () => {
    const h = delivered();
    h.ok('system', { type: 'session.pause', reason: 'suspend' });
    expect(h.runtime.state.pauses.at(-1)?.reason).toBe('suspend');
  });

  it('hold, release and skip refuse what does not apply', () => {
    const h = delivered();
    rejects(h, 'facilitator', { type: 'inject.hold', inject: 'i1' }, 'already-delivered', /never delivered twice/);
    rejects(h, 'facilitator', { type: 'inject.hold', inject: 'zz' }, 'unknown-inject');
    rejects(h, 'facilitator', { type: 'inject.release', inject: 'i2' }, 'not-held');
    h.ok('facilitator', { type: 'inject.hold', inject: 'i2' });
    rejects(h, 'facilitator', { type: 'inject.hold', inject: 'i2' }, 'already-held');
    h.ok('facilitator', { type: 'inject.skip', inject: 'i2' });
    rejects(h, 'facilitator', { type: 'inject.skip', inject: 'i2' }, 'skipped');
  });

  it('grades need an answer, a credit in 0..1 and a reason', () => {
    const h = delivered();
    rejects(h, 'facilitator', { type: 'answer.grade', prompt: 'free', credit: 0.5, reason: 'ok' }, 'no-answer');
    h.ok('role:ic', { type: 'prompt.answer', prompt: 'free', answer: 'We roll back' });
    rejects(h, 'facilitator', { type: 'answer.grade', prompt: 'free', credit: 1.5, reason: 'ok' }, 'out-of-range');
    rejects(h, 'facilitator', { type: 'answer.grade', prompt: 'free', credit: 0.5, reason: '' }, 'empty');
    rejects(h, 'facilitator', { type: 'answer.grade', prompt: 'nope', credit: 0.5, reason: 'x' }, 'unknown-prompt');
    h.ok('facilitator', { type: 'answer.grade', prompt: 'free', credit: 0.5, reason: 'partial' });
  });

  it('notes, ratings, the improvement plan and the hotwash, also after the end', () => {
    const h = delivered();
    h.ok('facilitator', { type: 'session.end' });
    rejects(h, 'facilitator', { type: 'note.add', text: 'x', tag: 'observation', objective: 'nope' }, 'unknown-objective');
    rejects(h, 'facilitator', { type: 'note.add', text: 'x', tag: 'observation', role: 'nope' }, 'unknown-role');
    h.ok('facilitator', { type: 'note.add', text: 'IC declared quickly', tag: 'strength', objective: 'detect', role: 'ic' });
    rejects(h, 'facilitator', { type: 'objective.rate', objective: 'detect', rating: 'S', reason: '' }, 'empty');
    h.ok('facilitator', { type: 'objective.rate', objective: 'detect', rating: 'S', reason: 'good' });
    rejects(h, 'facilitator', { type: 'plan.item.save', issue: 'Slow paging', corrective_action: 'Fix rota', owner: 'Ana', due: 'soon' }, 'invalid', /YYYY-MM-DD/);
    const [saved] = h.ok('facilitator', { type: 'plan.item.save', issue: 'Slow paging', corrective_action: 'Fix rota', owner: 'Ana', due: '2026-12-01', objective: 'detect' });
    expect(saved?.payload).toMatchObject({ id: 'plan-1' });
    h.ok('facilitator', { type: 'plan.item.save', id: 'plan-1', issue: 'Slow paging', corrective_action: 'Fix the rota', owner: 'Ana', due: '' });
    rejects(h, 'facilitator', { type: 'plan.item.remove', id: 'plan-9' }, 'unknown-plan-item');
    rejects(h, 'facilitator', { type: 'hotwash.answer', question: 2, answer: 'x' }, 'unknown-question');
    h.ok('facilitator', { type: 'hotwash.answer', question: 1, answer: 'Page earlier' });
    expect([...h.runtime.state.plan.values()]).toEqual([{ id: 'plan-1', issue: 'Slow paging', corrective_action: 'Fix the rota', owner: 'Ana', due: '', objective: null }]);
    h.ok('facilitator', { type: 'plan.item.remove', id: 'plan-1' });
    expect(h.runtime.state.plan.size).toBe(0);
  });
});

describe('ad-hoc injects', () => {
  it('delivers at once to any roles, with an optional prompt that only its role may answer', () => {
    const h = delivered();
    const events = h.ok('facilitator', {
      type: 'adhoc.send', to: ['comms', 'eng'], channel: 'call', title: 'CEO on the line', body: 'What do we tell the press?',
      prompt: { role: 'comms', ask: 'Statement?', type: 'choice', options: [{ id: 'wait', label: 'Wait' }, { id: 'now', label: 'Now' }] },
    });
    expect(events.map((e) => e.type)).toEqual(['adhoc.sent', 'inject.delivered']);
    expect(events[1]?.payload).toEqual({ inject: 'adhoc-1', how: 'adhoc', due: null });
    rejects(h, 'role:eng', { type: 'prompt.answer', prompt: 'adhoc-1:p', answer: 'now' }, 'unknown-prompt');
    h.ok('role:comms', { type: 'prompt.answer', prompt: 'adhoc-1:p', answer: 'now' });
    rejects(h, 'facilitator', { type: 'answer.grade', prompt: 'adhoc-1:p', credit: 1, reason: 'x' }, 'not-scored');
    const second = h.ok('facilitator', { type: 'adhoc.send', to: 'all', channel: 'news', title: 'Breaking', body: '' });
    expect(second[0]?.payload).toMatchObject({ inject: 'adhoc-2', to: ['ic', 'eng', 'comms'], toAll: true });
  });

  it('refuses a prompt for a role it is not sent to, and an unknown role', () => {
    const h = delivered();
    rejects(h, 'facilitator', { type: 'adhoc.send', to: ['eng'], channel: 'chat', title: 'x', body: '', prompt: { role: 'ic', ask: 'q?', type: 'text' } }, 'unknown-role', /must be one of/);
    rejects(h, 'facilitator', { type: 'adhoc.send', to: ['nobody'], channel: 'chat', title: 'x', body: '' }, 'unknown-role');
    rejects(h, 'facilitator', { type: 'adhoc.send', to: [], channel: 'chat', title: 'x', body: '' }, 'empty');
  });
});
