// FROZEN: core/scoring/rules.ts as of version 1 (git c35b30e~1), imports pointed at today's core. A reference for
// the property that 1.1 leaves a version-1 file's debrief unchanged; never edit to make it pass.
// The scoring rules of scenario-format.md ("Scoring, version 1"), one small function each, so that
// every rule can be read, tested and explained on its own.

import type { Expect, Rating } from '../../../../core/scenario/types.ts';
import { keywordCredit } from '../../../../core/scoring/keywords.ts';

/** choice: 1 if in best, acceptable_credit if in acceptable, else 0. */
export function choiceCorrectness(answer: string, expect: Expect): number {
  if (expect.best.includes(answer)) return 1;
  if (expect.acceptable.includes(answer)) return expect.acceptableCredit;
  return 0;
}

/**
 * multi: c = max(0, (hits - wrong) / |best|), hits = chosen in best, wrong = chosen in neither best
 * nor acceptable. With an empty `best` nothing can be hit: c = 0 (docs/scoring-decisions.md).
 */
export function multiCorrectness(answer: readonly string[], expect: Expect): number {
  if (expect.best.length === 0) return 0;
  const chosen = new Set(answer);
  let hits = 0;
  let wrong = 0;
  for (const option of chosen) {
    if (expect.best.includes(option)) hits++;
    else if (!expect.acceptable.includes(option)) wrong++;
  }
  return Math.max(0, (hits - wrong) / expect.best.length);
}

/** text: matched keyword groups / groups; without keywords c = 0 and the answer needs review. */
export function textCorrectness(answer: string, expect: Expect): { correctness: number; needsReview: boolean } {
  if (expect.keywords.length === 0) return { correctness: 0, needsReview: true };
  return { correctness: keywordCredit(answer, expect.keywords), needsReview: false };
}

/**
 * t = 1 if there is no `within` or r <= within, else max(0.5, 1 - 0.5 (r - within) / within).
 * A `within` of 0 leaves nothing to divide by: any later answer gets the floor, 0.5.
 */
export function timeliness(responseSeconds: number, withinSeconds: number | undefined): number {
  if (withinSeconds === undefined || responseSeconds <= withinSeconds) return 1;
  if (withinSeconds <= 0) return 0.5;
  return Math.max(0.5, 1 - (0.5 * (responseSeconds - withinSeconds)) / withinSeconds);
}

/** A step scores its points when met at or before `by`, half when met later, 0 when never met. */
export function stepPoints(points: number, byMs: number, metAtMs: number | null): number {
  if (metAtMs === null) return 0;
  return metAtMs <= byMs ? points : points / 2;
}

/** P at 90% or more, S at 70%, M at 40%, else U; null when nothing was possible. */
export function ratingFor(percent: number | null): Rating | null {
  if (percent === null) return null;
  // A hair of tolerance: 63/70 is exactly 90% to a person, 89.99999999999999 to a float.
  const p = percent + 1e-9;
  if (p >= 90) return 'P';
  if (p >= 70) return 'S';
  if (p >= 40) return 'M';
  return 'U';
}

export function percentOf(points: number, possible: number): number | null {
  return possible > 0 ? (points / possible) * 100 : null;
}
