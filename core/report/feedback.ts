// The participant feedback summary in words, one way for every report format: how many gave it,
// a rating's median and distribution, a suggested action's priority. Anonymous as the model is:
// nothing here can name a role or a person, since the summary holds none.
import type { DebriefFeedback } from '../scoring/debrief-types.ts';

const PRIORITY_LABELS: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** "3 of 4 roles gave feedback (anonymous)." */
export function feedbackHeadline(f: DebriefFeedback): string {
  if (f.respondents === 0) return 'No participant gave feedback.';
  const roles = f.asked === 1 ? 'role' : 'roles';
  return `${f.respondents} of ${f.asked} ${roles} gave feedback. Answers are anonymous: no role or name is recorded with them here.`;
}

/** A median on the 1 to 5 scale: "4", "4.5", or "—" when no one rated. */
export function fmtMedian(median: number | null): string {
  return median === null ? '—' : Number.isInteger(median) ? String(median) : median.toFixed(1);
}

/** "1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1" */
export function fmtDistribution(distribution: readonly number[]): string {
  return distribution.map((n, i) => `${i + 1}: ${n}`).join(' · ');
}

/** A priority as people read it; a value the model does not know is shown as it is (escaped by the caller). */
export function priorityLabel(priority: string): string {
  return PRIORITY_LABELS[priority] ?? priority;
}

/** A grouped text with how many wrote it, when more than one did: "Clear roles (×2)". */
export function withCount(answer: { text: string; count: number }): string {
  return answer.count > 1 ? `${answer.text} (×${answer.count})` : answer.text;
}

export const FEEDBACK_ACTIONS_NOTE = 'Suggested by participants for the facilitator to consider; they are not improvement-plan items until the facilitator adds them.';
