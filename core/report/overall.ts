// The overall rating as every report and the Debrief view state it (scenario-format.md, "Version
// 1.1"): the band in force, and when the weakest objective capped it, which objective, its rating
// and the band the percent alone would have had ("Overall M: capped by Communicate (U). 78% would
// be S."). One place, so that the HTML, PDF, Markdown, CSV, the CLI and the UI say the same thing.
import type { Rating } from '../scenario/types.ts';
import type { Debrief, DebriefObjective } from '../scoring/debrief-types.ts';
import { ratingFor } from '../scoring/rules.ts';
import { fmtPercent, ratingLabel } from './format.ts';

export interface OverallCap {
  /** The capping objective's id (score.capped_by). */
  id: string;
  /** Its title, or the id when the debrief does not list it. */
  title: string;
  /** Its rating in force, null when the debrief does not list it. */
  rating: Rating | null;
  /** The rating was set by the facilitator. */
  overridden: boolean;
}

export interface Overall {
  rating: Rating | null;
  percent: number | null;
  /** The band of the percent alone, before the cap. */
  percentBand: Rating | null;
  cap: OverallCap | null;
  /** Text answers scored by keywords and not yet graded by the facilitator. */
  provisional: number;
}

export function overallOf(debrief: Pick<Debrief, 'score' | 'objectives' | 'prompts'>): Overall {
  const { score } = debrief;
  let cap: OverallCap | null = null;
  if (score.capped_by !== null) {
    const o: DebriefObjective | undefined = debrief.objectives.find((x) => x.id === score.capped_by);
    cap = { id: score.capped_by, title: o?.title ?? score.capped_by, rating: o?.rating ?? null, overridden: o?.rating_override != null };
  }
  return {
    rating: score.rating,
    percent: score.percent,
    percentBand: ratingFor(score.percent),
    cap,
    provisional: debrief.prompts.filter((p) => p.provisional).length,
  };
}

/** "Overall M", or "Overall: not rated" when nothing was possible. */
export function overallLabel(overall: Overall): string {
  return overall.rating === null ? 'Overall: not rated' : `Overall ${overall.rating}`;
}

/** "Overall M: Performed with major challenges", or "Overall: not rated". */
export function overallHeadline(overall: Overall): string {
  return overall.rating === null ? overallLabel(overall) : `${overallLabel(overall)}: ${ratingLabel(overall.rating)}`;
}

/** "Communicate (U)" or "Communicate (U, set by the facilitator)": the objective that capped the overall rating. */
export function capObjectiveText(cap: OverallCap): string {
  return `${cap.title} (${cap.rating ?? 'not rated'}${cap.overridden ? ', set by the facilitator' : ''})`;
}

/**
 * Why the cap applies, after "capped by OBJECTIVE (R).": "78% would be S; the overall rating is at
 * most one band above the weakest objective." (A capped rating always has a percent.)
 */
export function capReason(overall: Overall): string {
  return `${fmtPercent(overall.percent)} would be ${overall.percentBand ?? 'not rated'}; the overall rating is at most one band above the weakest objective.`;
}

/** The whole statement in plain text: "Overall M: capped by Communicate (U). 78% would be S; ...". */
export function overallSentence(overall: Overall): string {
  if (overall.cap === null) return `${overallLabel(overall)} (${fmtPercent(overall.percent)}).`;
  return `${overallLabel(overall)}: capped by ${capObjectiveText(overall.cap)}. ${capReason(overall)}`;
}

/** "2 text answers are provisional: scored by keywords, not yet graded by the facilitator." or null. */
export function provisionalSentence(count: number): string | null {
  if (count === 0) return null;
  return `${count} text ${count === 1 ? 'answer is' : 'answers are'} provisional: scored by keywords, not yet graded by the facilitator.`;
}

/** The EEG description of the objective's rating in force, or null without a guide or a rating. */
export function eegInForce(objective: DebriefObjective): string | null {
  if (objective.eeg === null || objective.rating === null) return null;
  return (objective.eeg as Record<string, string | undefined>)[objective.rating] ?? null;
}
