// The participants' feedback forms summarised for the debrief (issue 18 item 1): how many roles
// answered, per rating question the count, median and distribution, the free text grouped per
// question, and the corrective actions participants suggest. Anonymous: nothing here names a role
// or a person, and each question's texts are sorted (not in the order people sent them), so that
// answers to different questions cannot be lined up into one person's form.

import { FEEDBACK_PRIORITIES, STANDARD_FEEDBACK, feedbackSeats, type FeedbackForm } from '../engine/feedback.ts';
import type { SessionState } from '../engine/state.ts';
import type { Scenario } from '../scenario/types.ts';
import type { DebriefFeedback } from './debrief-types.ts';

const byText = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The median of whole-number ratings (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function scaleSummary(id: string, ask: string, values: number[]): DebriefFeedback['scales'][number] {
  const distribution = [0, 0, 0, 0, 0];
  for (const v of values) distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
  return { id, ask, count: values.length, median: median(values), distribution };
}

/** The same text (ignoring case and runs of spaces) written by several people is one entry with its count. */
function grouped(texts: string[]): { text: string; count: number }[] {
  const groups = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const key = text.replace(/\s+/gu, ' ').toLowerCase();
    const had = groups.get(key);
    if (had) had.count++;
    else groups.set(key, { text, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || byText(a.text, b.text));
}

export function summarizeFeedback(scenario: Scenario, state: SessionState): DebriefFeedback {
  const forms: FeedbackForm[] = [...(state.feedback?.values() ?? [])];
  const scaleOf = (pick: (f: FeedbackForm) => number | null | undefined): number[] =>
    forms.map(pick).filter((v): v is number => typeof v === 'number');
  const answerOf = (f: FeedbackForm, id: string) => f.answers.find((a) => a.question === id)?.answer;
  const custom = scenario.feedback.questions;
  const rank = (p: string) => FEEDBACK_PRIORITIES.indexOf(p as (typeof FEEDBACK_PRIORITIES)[number]);
  return {
    respondents: forms.length,
    asked: feedbackSeats(scenario, state.setup?.participants, state.feedback?.keys() ?? []).size,
    scales: [
      scaleSummary('design', STANDARD_FEEDBACK.design, scaleOf((f) => f.design)),
      scaleSummary('conduct', STANDARD_FEEDBACK.conduct, scaleOf((f) => f.conduct)),
      ...custom.filter((q) => q.type === 'scale').map((q) => scaleSummary(q.id, q.ask, scaleOf((f) => {
        const a = answerOf(f, q.id);
        return typeof a === 'number' ? a : null;
      }))),
    ],
    texts: [
      { id: 'strengths', ask: STANDARD_FEEDBACK.strengths, answers: grouped(forms.flatMap((f) => f.strengths)) },
      { id: 'improvements', ask: STANDARD_FEEDBACK.improvements, answers: grouped(forms.flatMap((f) => f.improvements)) },
      { id: 'missed', ask: STANDARD_FEEDBACK.missed, answers: grouped(forms.map((f) => f.missed).filter((t) => t !== '')) },
      ...custom.filter((q) => q.type === 'text').map((q) => ({
        id: q.id, ask: q.ask,
        answers: grouped(forms.map((f) => answerOf(f, q.id)).filter((a): a is string => typeof a === 'string' && a !== '')),
      })),
    ],
    actions: forms.flatMap((f) => f.actions).map((a) => ({ action: a.action, priority: a.priority, owner: a.owner }))
      .sort((a, b) => rank(a.priority) - rank(b.priority) || byText(a.action, b.action) || byText(a.owner, b.owner)),
  };
}
