// The scoring rules of scenario-format.md ("Scoring, version 1"), one small function each, so that
// every rule can be read, tested and explained on its own.

import type { AvoidGroup, Expect, Rating } from '../scenario/types.ts';
import { keywordCredit, matchedGroups } from './keywords.ts';

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

// A scenario's avoid groups never change: one phrase list per group list, so the keyword matcher's
// own per-list cache holds.
const avoidLists = new WeakMap<readonly AvoidGroup[], string[][]>();
function avoidPhrases(groups: readonly AvoidGroup[]): string[][] {
  let list = avoidLists.get(groups);
  if (!list) avoidLists.set(groups, (list = groups.map((g) => g.any)));
  return list;
}

export interface TextResult {
  correctness: number;
  needsReview: boolean;
  /** Version 1.1: the `why` of every matched avoid group, in file order. */
  avoided: string[];
}

/**
 * text: c = max(0, matched keyword groups / groups - 0.5 x matched avoid groups) (version 1.1; with
 * no avoid groups this is version 1's matched / groups). Without keywords c = 0 and the answer
 * needs review; the avoid groups it matches are still listed.
 */
export function textCorrectness(answer: string, expect: Expect): TextResult {
  const hits = expect.avoid.length === 0 ? [] : matchedGroups(answer, avoidPhrases(expect.avoid));
  const avoided = expect.avoid.filter((_, i) => hits[i]).map((g) => g.why);
  if (expect.keywords.length === 0) return { correctness: 0, needsReview: true, avoided };
  const credit = keywordCredit(answer, expect.keywords);
  return { correctness: avoided.length === 0 ? credit : Math.max(0, credit - 0.5 * avoided.length), needsReview: false, avoided };
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

const BANDS: readonly Rating[] = ['U', 'M', 'S', 'P'];

/**
 * Version 1.1: the overall band is at most one band above the lowest objective rating in force
 * (null ratings ignored). `cappedBy` is the first lowest-rated objective in file order when the
 * cap lowered the band, else null.
 */
export function cappedRating(
  band: Rating | null,
  objectives: readonly { id: string; rating: Rating | null }[],
): { rating: Rating | null; cappedBy: string | null } {
  if (band === null) return { rating: null, cappedBy: null };
  let lowest: { id: string; rank: number } | null = null;
  for (const o of objectives) {
    if (o.rating === null) continue;
    const rank = BANDS.indexOf(o.rating);
    if (lowest === null || rank < lowest.rank) lowest = { id: o.id, rank };
  }
  const rank = BANDS.indexOf(band);
  if (lowest === null || rank <= lowest.rank + 1) return { rating: band, cappedBy: null };
  return { rating: BANDS[lowest.rank + 1] ?? band, cappedBy: lowest.id };
}

export function percentOf(points: number, possible: number): number | null {
  return possible > 0 ? (points / possible) * 100 : null;
}
