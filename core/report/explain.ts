// How a decision's points come about, in the words the app and the reports can show beside them:
// points = correctness x timeliness x the prompt's points (core/scoring/score.ts), so a reader can
// check "0.8 × 1.0 × 10 = 8.0" instead of trusting a bare "8.0 / 10".
import type { DebriefPrompt } from '../scoring/debrief-types.ts';
import { fmtPoints } from './format.ts';
import { knownPromptType } from '../scenario/prompt-types.ts';

/** A 0..1 factor to at most two decimals and at least one: 1 -> "1.0", 0.8 -> "0.8", 0.333 -> "0.33". */
export function fmtFactor(value: number): string {
  const fixed = (Math.round(value * 100) / 100).toFixed(2);
  return fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
}

/** A prompt's points as a number of points: whole numbers bare, others to one decimal. */
function fmtWeight(points: number): string {
  return Number.isInteger(points) ? String(points) : fmtPoints(points);
}

/** "0.8 × 1.0 × 10 = 8.0": correctness × timeliness × the prompt's points = the points scored. */
export function pointsFormula(prompt: Pick<DebriefPrompt, 'correctness' | 'timeliness' | 'possible' | 'points'>): string {
  return `${fmtFactor(prompt.correctness)} × ${fmtFactor(prompt.timeliness)} × ${fmtWeight(prompt.possible)} = ${fmtPoints(prompt.points)}`;
}

/** Where the correctness came from, in a few words. */
export function correctnessSource(prompt: DebriefPrompt): string {
  if (prompt.answer === null) return 'no answer';
  if (prompt.grade) return `graded ${fmtFactor(prompt.grade.credit)} by the facilitator`;
  const spec = knownPromptType(prompt.type);
  return spec ? spec.explain(prompt.answer, prompt.expected, prompt.needs_review) : 'a prompt type this version does not know';
}

/** Why the timeliness is what it is: "in the 2 min window", "4 min after a 2 min window", "no time limit". */
export function timelinessSource(prompt: DebriefPrompt, duration: (seconds: number) => string): string {
  if (prompt.response_time_s === null) return 'no answer';
  if (prompt.within_s === null) return 'no time limit';
  if (prompt.response_time_s <= prompt.within_s) return `within the ${duration(prompt.within_s)} window`;
  return `${duration(prompt.response_time_s)}, past the ${duration(prompt.within_s)} window`;
}
