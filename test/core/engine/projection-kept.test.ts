// The projections keep unchanged parts between calls (inject entries, prompt views, prompt and step
// scores). These properties play random sessions and, after every move, compare each audience's
// view with a straightforward computation from the same state (./projection-reference.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project, type Audience } from '../../../core/engine/projections.ts';
import type { Prompt, Scenario } from '../../../core/scenario/types.ts';
import { reduce } from '../../../core/engine/reduce.ts';
import { liveScores } from '../../../core/scoring/live-scores.ts';
import { scoreState } from '../../../core/scoring/score.ts';
import { moveArb, movesArb, play, rich, type Move } from './fixtures.ts';
import { harness } from './helpers.ts';
import { projectReference } from './projection-reference.ts';

const RUNS = { numRuns: 120 };

// Answers that fit their prompt (right role, a valid option or text), and a grade just after many
// of them: the shared model's random answers are rarely accepted, and so rarely re-answered or
// graded, which is exactly what kept prompt views and scores must follow.
const answerable: Pick<Prompt, 'id' | 'role' | 'type' | 'options'>[] = [...rich.injects.flatMap((i) => i.prompts), { id: 'adhoc-1:p', role: 'eng', type: 'text', options: [] }];
const fittingAnswerArb: fc.Arbitrary<Move> = fc.record({
  prompt: fc.constantFrom(...answerable),
  pick: fc.nat(),
  text: fc.constantFrom('We are investigating; customers informed', 'no idea', 'Users affected, investigating'),
}).map(({ prompt, pick, text }) => {
  const ids = prompt.options.map((o) => o.id);
  const answer = prompt.type === 'text' || ids.length === 0 ? text : prompt.type === 'choice' ? (ids[pick % ids.length] as string) : ids.slice(0, 1 + (pick % ids.length));
  return { actor: `role:${prompt.role}` as const, command: { type: 'prompt.answer', prompt: prompt.id, answer } };
});
const gradedMovesArb = fc.array(
  fc.tuple(fc.oneof({ weight: 3, arbitrary: moveArb }, { weight: 2, arbitrary: fittingAnswerArb }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 2 })),
  { maxLength: 60 },
);

/** Plays one move (and its grade), calling `observe` after each change of state. */
function dispatchWithGrade(h: ReturnType<typeof harness>, [move, credit]: [Move, number | null], observe: () => void): void {
  if ('advance' in move) {
    h.timers.advanceBy(move.advance);
    observe();
    return;
  }
  const done = h.runtime.dispatch(move.actor, move.command);
  observe();
  if (done.ok && move.command.type === 'prompt.answer' && credit !== null) {
    const graded = h.runtime.dispatch('facilitator', { type: 'answer.grade', prompt: move.command.prompt, credit, reason: 'graded' });
    if (!graded.ok && !move.command.prompt.startsWith('adhoc')) throw new Error(`grade refused: ${graded.rejection.message}`);
    observe();
  }
}
const audiences: Audience[] = [{ kind: 'facilitator' }, { kind: 'room' }, ...['ic', 'eng', 'comms', 'nobody'].map((role): Audience => ({ kind: 'role', role }))];

function sameAsReference(sc: Scenario, state: Parameters<typeof project>[1], nowMs: number): void {
  for (const audience of audiences) {
    const view = project(sc, state, audience, nowMs);
    const reference = projectReference(sc, state, audience, nowMs);
    expect(view).toStrictEqual(reference);
    // The same keys in the same order: what reaches a screen as JSON is byte for byte the same.
    expect(JSON.stringify(view)).toBe(JSON.stringify(reference));
  }
}

describe('kept parts of projections', () => {
  it('after every move of a random session, every view equals the reference computation', () => {
    fc.assert(fc.property(gradedMovesArb, (moves) => {
      const h = harness(rich);
      sameAsReference(rich, h.runtime.state, h.runtime.now());
      for (const move of moves) dispatchWithGrade(h, move, () => sameAsReference(rich, h.runtime.state, h.runtime.now()));
    }), RUNS);
  });

  it('a view of the same state at later clock readings (overdue prompts) equals the reference', () => {
    fc.assert(fc.property(movesArb, fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 6 }), (moves, steps) => {
      const h = play(moves);
      let now = h.runtime.now();
      for (const step of steps) {
        now += step;
        sameAsReference(rich, h.runtime.state, now);
      }
    }), RUNS);
  });

  it('views of a state folded afresh from the events equal the live state’s views (nothing kept leaks across states)', () => {
    fc.assert(fc.property(movesArb, fc.nat(), (moves: Move[], cut) => {
      const h = play(moves);
      const events = h.runtime.events;
      const now = h.runtime.now();
      project(rich, h.runtime.state, { kind: 'facilitator' }, now);
      const earlier = reduce(rich, events.slice(0, events.length === 0 ? 0 : cut % (events.length + 1)));
      sameAsReference(rich, earlier, now);
      sameAsReference(rich, h.runtime.state, now);
    }), RUNS);
  });

  it('live scores equal scoreState after every move', () => {
    fc.assert(fc.property(gradedMovesArb, (moves) => {
      const h = harness(rich);
      for (const move of moves) dispatchWithGrade(h, move, () => expect(liveScores(rich, h.runtime.state)).toStrictEqual(scoreState(rich, h.runtime.state)));
    }), RUNS);
  });

  it('kept parts of a view cannot be changed by a reader', () => {
    const h = play([{ advance: 31_000 }, { actor: 'role:eng', command: { type: 'prompt.answer', prompt: 'checks', answer: ['a', 'b'] } }]);
    const view = project(rich, h.runtime.state, { kind: 'facilitator' }, h.runtime.now());
    if (view?.audience !== 'facilitator') throw new Error('no facilitator view');
    const alert = view.injects.find((i) => i.id === 'alert');
    const checks = alert?.prompts.find((p) => p.id === 'checks');
    expect(checks?.answer).toEqual(['a', 'b']);
    expect(() => (checks?.answer as string[]).push('c')).toThrow(TypeError);
    expect(() => { (alert as { title: string }).title = 'changed'; }).toThrow(TypeError);
    const again = project(rich, h.runtime.state, { kind: 'facilitator' }, h.runtime.now());
    expect(again).toStrictEqual(projectReference(rich, h.runtime.state, { kind: 'facilitator' }, h.runtime.now()));
  });
});
