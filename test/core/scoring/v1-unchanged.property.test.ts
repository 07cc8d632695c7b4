// Version 1.1 leaves a version-1 file's debrief unchanged (scenario-format.md, "Version 1.1": every
// version-1 file scores exactly as before; the new fields are added beside the old ones). Random
// sessions (the engine's shared fast-check model, with fitting answers and grades mixed in) are
// scored by today's core and by a frozen copy of the version-1 fold and scoring (./v1-frozen, from
// git history); every field version 1 had must be equal, and the 1.1 fields must say nothing new
// for a file without 1.1 keys. The shipped scenarios that use no 1.1 scoring key are checked with
// their dry-run plays too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../core/engine/event.ts';
import { reduce } from '../../../core/engine/reduce.ts';
import { loadPlay, loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { computeDebrief, simulatePlay, type Debrief } from '../../../core/scoring/index.ts';
import { cappedRating, ratingFor } from '../../../core/scoring/rules.ts';
import { moveArb, rich, type Move } from '../engine/fixtures.ts';
import { harness } from '../engine/helpers.ts';
import { reduce as reduceV1 } from './v1-frozen/reduce.ts';
import { scoreState as scoreStateV1 } from './v1-frozen/score.ts';

const RUNS = { numRuns: 150 };

function usesNoScoringKeyOf11(sc: Scenario): boolean {
  return sc.injects.every((i) => i.prompts.every((p) => p.expect.avoid.length === 0)) && sc.runbook.every((s) => s.metBy.every((m) => m.kind !== 'all'));
}

/** The debrief's scores without the 1.1 fields: what version 1 computed. */
function v1Fields(d: Debrief) {
  return {
    score: { points: d.score.points, possible: d.score.possible, percent: d.score.percent },
    objectives: d.objectives.map(({ eeg: _eeg, ...o }) => o),
    prompts: d.prompts.map(({ avoided: _a, provisional: _p, expected, ...p }) => ({ ...p, expected: { best: expected.best, acceptable: expected.acceptable, keywords: expected.keywords } })),
    steps: d.steps,
    metrics: d.metrics,
  };
}

function checkUnchanged(sc: Scenario, events: readonly SessionEvent[]): void {
  const now = computeDebrief(sc, events, { sessionId: 's1' });
  // The fold: the same state (a v1 file never fills 1.1's record of partly met all-of entries).
  const state = reduce(sc, events);
  const v1State = reduceV1(sc, events);
  expect(state).toEqual(v1State);
  for (const step of state.steps.values()) expect(step.partial).toBeUndefined();
  // Every scored field of version 1, exactly (toStrictEqual: same values, same shape, bit for bit).
  expect(v1Fields(now)).toStrictEqual(scoreStateV1(sc, v1State));
  // The 1.1 fields add nothing for a v1 file but the overall rating: no avoided reasons, no EEG;
  // provisional exactly where version 1 gave keyword credit without a grade.
  for (const p of now.prompts) {
    expect(p.avoided).toEqual([]);
    expect(p.expected.avoid).toEqual([]);
    expect(p.provisional).toBe(p.type === 'text' && p.answer !== null && !p.needs_review && !p.graded_by_facilitator);
  }
  for (const o of now.objectives) expect(o.eeg).toBeNull();
  const capped = cappedRating(ratingFor(now.score.percent), now.objectives);
  expect(now.score).toMatchObject({ computed_rating: capped.rating, rating: capped.rating, capped_by: capped.cappedBy });
}

// Answers that fit their prompt and a grade after some, so that text credit, grades and re-answers
// are exercised often (the shared model's random answers are mostly refused).
const fittingArb: fc.Arbitrary<Move> = fc.record({
  prompt: fc.constantFrom(...rich.injects.flatMap((i) => i.prompts)),
  pick: fc.nat(),
  text: fc.constantFrom('We are investigating; customers informed', 'no idea', 'Users affected, investigating', 'INVESTIGATING for our Users'),
}).map(({ prompt, pick, text }) => {
  const ids = prompt.options.map((o) => o.id);
  const answer = prompt.type === 'text' || ids.length === 0 ? text : prompt.type === 'choice' ? (ids[pick % ids.length] as string) : ids.slice(0, 1 + (pick % ids.length));
  return { actor: `role:${prompt.role}` as const, command: { type: 'prompt.answer', prompt: prompt.id, answer } };
});
const gradeArb: fc.Arbitrary<Move> = fc.record({ prompt: fc.constantFrom('sev', 'checks', 'statement', 'verify'), credit: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ prompt, credit }) => ({ actor: 'facilitator' as const, command: { type: 'answer.grade', prompt, credit, reason: 'graded' } }));
const sessionArb = fc.array(fc.oneof({ weight: 4, arbitrary: moveArb }, { weight: 3, arbitrary: fittingArb }, { weight: 1, arbitrary: gradeArb }), { maxLength: 80 });

describe('a version-1 file scores as it did before 1.1', () => {
  it('the rich test scenario uses no 1.1 scoring key', () => {
    expect(usesNoScoringKeyOf11(rich)).toBe(true);
  });

  it('random sessions: every version-1 field equals the frozen version-1 scoring', () => {
    fc.assert(fc.property(sessionArb, (moves) => {
      const h = harness(rich);
      for (const move of moves) {
        if ('advance' in move) h.timers.advanceBy(move.advance);
        else h.runtime.dispatch(move.actor, move.command);
      }
      checkUnchanged(rich, h.runtime.events);
    }), RUNS);
  });

  const root = join(import.meta.dirname, '../../../scenarios');
  const plays = readdirSync(join(root, 'plays')).filter((f) => f.endsWith('.yaml')).sort();
  it.each(plays)('shipped play %s (when its scenario uses no 1.1 scoring key)', (playFile) => {
    const scenarioFile = `${playFile.split('.')[0]}.yaml`;
    const sc = loadScenario(readFileSync(join(root, scenarioFile), 'utf8'), scenarioFile);
    const pl = loadPlay(readFileSync(join(root, 'plays', playFile), 'utf8'), playFile);
    if (!sc.ok || !pl.ok) throw new Error(`${playFile}: the shipped files should load`);
    if (!usesNoScoringKeyOf11(sc.value)) return;
    checkUnchanged(sc.value, simulatePlay(sc.value, pl.value).events);
  });
});
