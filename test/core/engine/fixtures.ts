// A scenario that uses every trigger and condition form, with secrets a role must never see, and a
// fast-check model of random sessions played against it (shared by the property tests).
import fc from 'fast-check';
import type { Command, Actor } from '../../../core/engine/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { after, at, expect_, harness, inject, prompt, scenario, step, when } from './helpers.ts';

export const rich: Scenario = scenario({
  injects: [
    inject({
      id: 'alert', trigger: at(30), to: ['ic', 'eng'], body: 'SECRET-alert', facilitatorNotes: 'FNOTE-alert', storyTime: 'Day 1',
      prompts: [
        prompt({ id: 'sev', role: 'ic', type: 'choice', objective: 'detect', expect: expect_({ best: ['a'], acceptable: ['b'], within: 60 }) }),
        prompt({ id: 'checks', role: 'eng', type: 'multi', objective: 'detect', expect: expect_({ best: ['a', 'b'], acceptable: ['c'], within: 120 }) }),
      ],
    }),
    inject({ id: 'room', trigger: at(45), to: ['ic', 'eng', 'comms'], toAll: true, channel: 'news', body: 'SECRET-room', storyTime: 'Day 2' }),
    inject({
      id: 'press', trigger: after('alert', 90), to: ['comms'], body: 'SECRET-press', facilitatorNotes: 'FNOTE-press',
      prompts: [prompt({ id: 'statement', role: 'comms', type: 'text', objective: 'communicate', expect: expect_({ keywords: [['investigating'], ['customers', 'users']], within: 90 }) })],
    }),
    inject({ id: 'nudge', trigger: when({ kind: 'unanswered', prompt: 'sev', for: 60 }, 10), to: ['ic'], body: 'SECRET-nudge' }),
    inject({ id: 'escalate', trigger: when({ kind: 'missed', step: 'declare' }), to: ['ic', 'comms'], body: 'SECRET-escalate' }),
    inject({ id: 'thanks', trigger: when({ kind: 'met', step: 'contain' }, 5), to: ['eng'], body: 'SECRET-thanks' }),
    inject({
      id: 'combo', trigger: when({ kind: 'all', conditions: [{ kind: 'any', conditions: [{ kind: 'answered', prompt: 'sev', with: ['a'] }, { kind: 'action', action: 'page', by: 'ic' }] }, { kind: 'action', action: 'rollback' }] }),
      to: ['eng'], body: 'SECRET-combo', prompts: [prompt({ id: 'verify', role: 'eng', type: 'text', objective: 'detect' })],
    }),
  ],
  runbook: [
    step({ id: 'declare', by: 120, objective: 'detect', metric: 'detect', metBy: [{ kind: 'prompt', prompt: 'sev', with: ['a', 'b'] }] }),
    step({ id: 'contain', by: 400, objective: 'detect', metric: 'mitigate', metBy: [{ kind: 'action', action: 'rollback' }] }),
    step({ id: 'tell', by: 600, objective: 'communicate', metBy: [{ kind: 'prompt', prompt: 'statement' }] }),
  ],
});

const ids = ['a', 'b', 'c', 'd'];
const roles = ['ic', 'eng', 'comms'];
const promptIds = ['sev', 'checks', 'statement', 'verify', 'adhoc-1:p'];
const injectIds = ['alert', 'room', 'press', 'nudge', 'escalate', 'thanks', 'combo'];

export type Move = { advance: number } | { actor: Actor; command: Command };

const answer = fc.oneof(fc.constantFrom(...ids), fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 4 }), fc.constantFrom('We are investigating; customers informed', 'no idea', 'Users affected, investigating'));

export const moveArb: fc.Arbitrary<Move> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 120_000 }).map((advance) => ({ advance })) },
  { weight: 4, arbitrary: fc.record({ role: fc.constantFrom(...roles), prompt: fc.constantFrom(...promptIds), answer }).map(({ role, prompt, answer }) => ({ actor: `role:${role}` as Actor, command: { type: 'prompt.answer', prompt, answer } as Command })) },
  { weight: 2, arbitrary: fc.record({ role: fc.constantFrom(...roles), action: fc.constantFrom('rollback', 'page') }).map(({ role, action }) => ({ actor: `role:${role}` as Actor, command: { type: 'action.take', action } as Command })) },
  { weight: 1, arbitrary: fc.record({ prompt: fc.constantFrom(...promptIds), credit: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ prompt, credit }) => ({ actor: 'facilitator' as Actor, command: { type: 'answer.grade', prompt, credit, reason: 'graded' } as Command })) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('inject.deliver', 'inject.hold', 'inject.release', 'inject.skip'), inject: fc.constantFrom(...injectIds) }).map((c) => ({ actor: 'facilitator' as Actor, command: c as Command })) },
  { weight: 1, arbitrary: fc.constantFrom<Command>({ type: 'session.pause' }, { type: 'session.resume' }, { type: 'session.speed', speed: 4 }, { type: 'session.speed', speed: 0.5 }).map((command) => ({ actor: 'facilitator' as Actor, command })) },
  { weight: 1, arbitrary: fc.constantFrom<Command>(
    { type: 'adhoc.send', to: ['eng'], channel: 'call', title: 'Call', body: 'SECRET-adhoc', prompt: { role: 'eng', ask: 'Status?', type: 'text' } },
    { type: 'note.add', text: 'FNOTE-note', tag: 'observation' },
    { type: 'objective.rate', objective: 'detect', rating: 'M', reason: 'FNOTE-rating' },
  ).map((command) => ({ actor: 'facilitator' as Actor, command })) },
  { weight: 1, arbitrary: fc.constantFrom(...roles).map((role) => ({ actor: `role:${role}` as Actor, command: { type: 'chat.post', text: `hello from ${role}` } as Command })) },
);

export const movesArb = fc.array(moveArb, { maxLength: 60 });

/** Plays the moves on a fresh runtime; rejected commands are simply refused, as in a real room. */
export function play(moves: readonly Move[], sc: Scenario = rich) {
  const h = harness(sc);
  for (const move of moves) {
    if ('advance' in move) h.timers.advanceBy(move.advance);
    else h.runtime.dispatch(move.actor, move.command);
  }
  return h;
}
