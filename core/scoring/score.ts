// Scores from the folded state: prompts, steps, objectives, the overall score and the time-to
// metrics. The debrief (./debrief.ts) adds the timeline and the session's story around them; the
// facilitator's live score board can call this alone on the runtime's state.

import type { Expect, Option, Prompt, Scenario, Step } from '../scenario/types.ts';
import type { SessionState } from '../engine/state.ts';
import type { DebriefMetric, DebriefObjective, DebriefPrompt, DebriefScore, DebriefStep } from './debrief-types.ts';
import { promptTypeSpec, type AnswerScore } from '../scenario/prompt-types.ts';
import { cappedRating, percentOf, ratingFor, stepPoints, timeliness } from './rules.ts';

export interface Scores {
  score: DebriefScore;
  objectives: DebriefObjective[];
  prompts: DebriefPrompt[];
  steps: DebriefStep[];
  metrics: DebriefMetric[];
}

const seconds = (ms: number): number => ms / 1000;

// An answer record never changes once folded, so its score (a keyword match for text) is computed
// once per prompt definition (live views score the state after every decision).
const answerScores = new WeakMap<object, { expect: Expect; score: AnswerScore }>();

function scoreAnswer(prompt: Prompt, record: { answer: string | readonly string[] }): AnswerScore {
  const cached = answerScores.get(record);
  if (cached && cached.expect === prompt.expect) return cached.score;
  const score = promptTypeSpec(prompt.type).score(record.answer, prompt.expect);
  answerScores.set(record, { expect: prompt.expect, score });
  return score;
}

function labels(options: readonly Option[], ids: readonly string[]): string[] {
  return ids.map((id) => options.find((o) => o.id === id)?.label ?? id);
}

/** One prompt's score, or null while its inject is undelivered. Depends only on its delivery, last answer and grade. */
export function scorePrompt(prompt: Prompt, state: SessionState): DebriefPrompt | null {
  const ps = state.prompts.get(prompt.id);
  const delivered = state.injects.get(prompt.inject)?.delivered;
  // An undelivered inject's prompts are left out of both points and possible.
  if (!ps || !delivered) return null;
  const last = ps.last;
  const grade = ps.grade && last && ps.grade.answerSeq === last.seq ? ps.grade : null;
  let correctness = 0;
  let needsReview = false;
  let avoided: string[] = [];
  let provisional = false;
  let t = 0;
  let response: number | null = null;
  if (last) {
    response = seconds(last.at - delivered.at);
    t = timeliness(response, prompt.expect.within);
    const result = scoreAnswer(prompt, last);
    correctness = result.correctness;
    needsReview = result.needsReview;
    avoided = result.avoided;
    provisional = result.provisional;
    if (grade) {
      correctness = grade.credit;
      needsReview = false;
      avoided = [];
      provisional = false;
    }
  }
  const answer = last ? (typeof last.answer === 'string' ? last.answer : [...last.answer]) : null;
  return {
    id: prompt.id,
    role: prompt.role,
    inject: prompt.inject,
    objective: prompt.objective ?? null,
    ask: prompt.ask,
    type: prompt.type,
    delivered_at_s: seconds(delivered.at),
    answer,
    answer_labels: answer === null || !promptTypeSpec(prompt.type).options ? [] : labels(prompt.options, typeof answer === 'string' ? [answer] : answer),
    answered_at_s: last ? seconds(last.at) : null,
    response_time_s: response,
    within_s: prompt.expect.within ?? null,
    correctness,
    timeliness: t,
    points: prompt.points * correctness * t,
    possible: prompt.points,
    graded_by_facilitator: grade !== null,
    grade: grade ? { credit: grade.credit, reason: grade.reason } : null,
    needs_review: needsReview,
    avoided: [...avoided],
    provisional,
    expected: {
      best: [...prompt.expect.best], acceptable: [...prompt.expect.acceptable], keywords: prompt.expect.keywords.map((g) => [...g]),
      avoid: prompt.expect.avoid.map((g) => ({ any: [...g.any], why: g.why })),
    },
    expected_labels: { best: labels(prompt.options, prompt.expect.best), acceptable: labels(prompt.options, prompt.expect.acceptable) },
  };
}

export function scoreState(scenario: Scenario, state: SessionState): Scores {
  const prompts: DebriefPrompt[] = [];
  for (const inject of scenario.injects) {
    for (const prompt of inject.prompts) {
      const scored = scorePrompt(prompt, state);
      if (scored) prompts.push(scored);
    }
  }
  return totalScores(scenario, state, prompts, scenario.runbook.map((step) => scoreStep(step, state.steps.get(step.id)?.metAt ?? null)));
}

/** One runbook step's score, given when it was met. */
export function scoreStep(step: Step, metAt: number | null): DebriefStep {
  const byMs = Math.round(step.by * 1000);
  return {
    id: step.id, step: step.step, objective: step.objective ?? null, by_s: step.by, metric: step.metric ?? null,
    met_at_s: metAt === null ? null : seconds(metAt), on_time: metAt !== null && metAt <= byMs,
    points: stepPoints(step.points, byMs, metAt), possible: step.points,
  };
}

/** Objectives, the overall score and the metrics from the scored prompts (scenario order) and steps (runbook order). */
export function totalScores(scenario: Scenario, state: SessionState, prompts: DebriefPrompt[], steps: DebriefStep[]): Scores {
  // One pass each over prompts and steps (not one per objective); each objective still adds its
  // prompts in order, then its steps, so the sums are the same to the last bit.
  const sums = new Map(scenario.objectives.map((o) => [o.id, { points: 0, possible: 0 }]));
  for (const p of prompts) {
    const sum = p.objective === null ? undefined : sums.get(p.objective);
    if (sum) { sum.points += p.points; sum.possible += p.possible; }
  }
  for (const s of steps) {
    const sum = s.objective === null ? undefined : sums.get(s.objective);
    if (sum) { sum.points += s.points; sum.possible += s.possible; }
  }
  const objectives: DebriefObjective[] = scenario.objectives.map((o) => {
    const { points, possible } = sums.get(o.id) ?? { points: 0, possible: 0 };
    const percent = percentOf(points, possible);
    const computed = ratingFor(percent);
    const override = state.ratings.get(o.id);
    return {
      id: o.id, title: o.title, description: o.description ?? null, capability: o.capability ?? null,
      points, possible, percent, computed_rating: computed,
      rating: override ? override.rating : computed,
      rating_override: override ? { rating: override.rating, reason: override.reason } : null,
      eeg: o.eeg ? { P: o.eeg.P, S: o.eeg.S, M: o.eeg.M, U: o.eeg.U } : null,
    };
  });
  let points = 0;
  let possible = 0;
  for (const p of prompts) { points += p.points; possible += p.possible; }
  for (const s of steps) { points += s.points; possible += s.possible; }
  const metrics: DebriefMetric[] = [];
  for (const s of steps) if (s.metric !== null) metrics.push({ name: s.metric, step: s.id, at_s: s.met_at_s, target_s: s.by_s });
  const percent = percentOf(points, possible);
  const capped = cappedRating(ratingFor(percent), objectives);
  return {
    score: { points, possible, percent, computed_rating: capped.rating, rating: capped.rating, capped_by: capped.cappedBy },
    objectives, prompts, steps, metrics,
  };
}
