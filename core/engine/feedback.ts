// The participant feedback form (HSEEP's Participant Feedback Form, issue 18 item 1): what a role
// may send once the session has ended, and the engine's check of it. One form per role: a role
// that sends again replaces its earlier form (the latest wins), so a person can correct it.
//
// Anonymous by design: the event keeps the role (so that a resubmission replaces the right form),
// but nothing built from it for the debrief or a report names the role or the person; see
// core/scoring/feedback.ts and docs/scoring-decisions.md.

import type { Scenario } from '../scenario/types.ts';
import { LIMITS } from '../protocol/fields.ts';
import type { Rejection } from './commands.ts';

export const FEEDBACK_PRIORITIES = ['high', 'medium', 'low'] as const;
export type FeedbackPriority = (typeof FEEDBACK_PRIORITIES)[number];

/** A corrective action a participant suggests: input for the facilitator, not an improvement-plan item. */
export interface FeedbackAction {
  action: string;
  priority: FeedbackPriority;
  /** Who should own it (an organisation, a team or a person), or ''. */
  owner: string;
}

/** An answer to one of the scenario's own questions (its `feedback.questions`). */
export interface FeedbackAnswer {
  question: string;
  /** 1 to 5 for a `scale` question, text for a `text` one. */
  answer: number | string;
}

/** The form as a participant fills it in. Every part is optional, but not all of it at once. */
export interface FeedbackForm {
  /** Top strengths (at most LIMITS.feedbackItems). */
  strengths: string[];
  /** Top areas for improvement (at most LIMITS.feedbackItems). */
  improvements: string[];
  /** What the evaluators may have missed. */
  missed: string;
  actions: FeedbackAction[];
  /** 1 to 5: how well the exercise was designed (scenario, objectives, materials); null when not rated. */
  design: number | null;
  /** 1 to 5: how well it was run (facilitation, pace, logistics); null when not rated. */
  conduct: number | null;
  answers: FeedbackAnswer[];
}

/** The standard questions every form asks, with the ids the summary names them by. */
export const STANDARD_FEEDBACK = {
  strengths: 'Top strengths',
  improvements: 'Top areas for improvement',
  missed: 'What the evaluators may have missed',
  design: 'The exercise’s design (scenario, objectives, materials), 1 to 5',
  conduct: 'The exercise’s conduct (facilitation, pace, logistics), 1 to 5',
} as const;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

const isScale = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= SCALE_MIN && n <= SCALE_MAX;

type Checked = { ok: true; form: FeedbackForm } | { ok: false; rejection: Rejection };

const refuse = (code: Rejection['code'], message: string): Checked => ({ ok: false, rejection: { code, message } });

function checkList(what: string, list: unknown): { ok: true; items: string[] } | { ok: false; rejection: Rejection } {
  if (!Array.isArray(list)) return { ok: false, rejection: { code: 'invalid', message: `The ${what} must be a list of texts.` } };
  const items: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') return { ok: false, rejection: { code: 'invalid', message: `The ${what} must be a list of texts.` } };
    if (item.length > LIMITS.feedbackText) return { ok: false, rejection: { code: 'too-long', message: `One of the ${what} is ${item.length} characters long; the limit is ${LIMITS.feedbackText}. Shorten it and send the form again.` } };
    if (item.trim() !== '') items.push(item.trim());
  }
  if (items.length > LIMITS.feedbackItems) return { ok: false, rejection: { code: 'too-long', message: `Give at most ${LIMITS.feedbackItems} ${what}; you gave ${items.length}.` } };
  return { ok: true, items };
}

/**
 * Checks a form against the scenario and the LIMITS: texts trimmed, blank entries dropped, ratings
 * whole numbers from 1 to 5, answers only to the scenario's own questions and of their type.
 */
export function checkFeedback(scenario: Scenario, form: FeedbackForm): Checked {
  const strengths = checkList('strengths', form.strengths);
  if (!strengths.ok) return strengths;
  const improvements = checkList('areas for improvement', form.improvements);
  if (!improvements.ok) return improvements;
  if (typeof form.missed !== 'string') return refuse('invalid', 'What the evaluators may have missed must be text.');
  if (form.missed.length > LIMITS.feedbackText) return refuse('too-long', `What the evaluators may have missed is ${form.missed.length} characters long; the limit is ${LIMITS.feedbackText}.`);
  if (!Array.isArray(form.actions)) return refuse('invalid', 'The suggested corrective actions must be a list.');
  const actions: FeedbackAction[] = [];
  for (const [n, a] of form.actions.entries()) {
    if (typeof a.action !== 'string' || typeof a.owner !== 'string') return refuse('invalid', `Suggested corrective action ${n + 1} must be text.`);
    if (!FEEDBACK_PRIORITIES.includes(a.priority)) return refuse('invalid', `A corrective action's priority is one of ${FEEDBACK_PRIORITIES.join(', ')}; '${String(a.priority)}' is not.`);
    if (a.action.length > LIMITS.feedbackText) return refuse('too-long', `Suggested corrective action ${n + 1} is ${a.action.length} characters long; the limit is ${LIMITS.feedbackText}.`);
    if (a.owner.length > LIMITS.name) return refuse('too-long', `The owner of suggested corrective action ${n + 1} is ${a.owner.length} characters long; the limit is ${LIMITS.name}.`);
    if (a.action.trim() === '') {
      if (a.owner.trim() !== '') return refuse('empty', `Suggested corrective action ${n + 1} names an owner but no action. Write the action or clear the owner.`);
      continue;
    }
    actions.push({ action: a.action.trim(), priority: a.priority, owner: a.owner.trim() });
  }
  if (actions.length > LIMITS.feedbackActions) return refuse('too-long', `Suggest at most ${LIMITS.feedbackActions} corrective actions; you gave ${actions.length}.`);
  for (const [key, value] of [['design', form.design], ['conduct', form.conduct]] as const) {
    if (value !== null && !isScale(value)) return refuse('out-of-range', `The rating of the exercise's ${key} is a whole number from 1 to 5 (or none); ${String(value)} is not.`);
  }
  if (!Array.isArray(form.answers)) return refuse('invalid', 'The answers to the scenario’s questions must be a list.');
  const questions = new Map(scenario.feedback.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const answers: FeedbackAnswer[] = [];
  for (const a of form.answers) {
    const q = questions.get(a.question);
    if (!q) return refuse('unknown-question', `This exercise's feedback form has no question '${String(a.question).slice(0, 64)}'.`);
    if (seen.has(q.id)) return refuse('invalid', `The question '${q.id}' is answered twice.`);
    seen.add(q.id);
    if (q.type === 'scale') {
      if (!isScale(a.answer)) return refuse('out-of-range', `'${q.ask}' takes a whole number from 1 to 5; ${String(a.answer).slice(0, 64)} is not.`);
      answers.push({ question: q.id, answer: a.answer });
    } else {
      if (typeof a.answer !== 'string') return refuse('wrong-answer-type', `'${q.ask}' takes a text answer.`);
      if (a.answer.length > LIMITS.feedbackText) return refuse('too-long', `The answer to '${q.ask}' is ${a.answer.length} characters long; the limit is ${LIMITS.feedbackText}.`);
      if (a.answer.trim() !== '') answers.push({ question: q.id, answer: a.answer.trim() });
    }
  }
  const checked: FeedbackForm = {
    strengths: strengths.items, improvements: improvements.items, missed: form.missed.trim(), actions,
    design: form.design, conduct: form.conduct, answers,
  };
  const empty = checked.strengths.length === 0 && checked.improvements.length === 0 && checked.missed === '' && actions.length === 0
    && checked.design === null && checked.conduct === null && answers.length === 0;
  if (empty) return refuse('empty', 'The feedback form is empty. Answer at least one question and send it again.');
  return { ok: true, form: checked };
}

/** A copy that shares nothing with the original (views and the state never hand out their own). */
export function copyFeedback(form: FeedbackForm): FeedbackForm {
  return {
    strengths: [...form.strengths], improvements: [...form.improvements], missed: form.missed,
    actions: form.actions.map((a) => ({ action: a.action, priority: a.priority, owner: a.owner })),
    design: form.design, conduct: form.conduct, answers: form.answers.map((a) => ({ question: a.question, answer: a.answer })),
  };
}

/** Who is asked for feedback: the roles someone holds (every role when no one is seated yet). */
export function feedbackSeats(scenario: Scenario, participants: readonly { roles: readonly string[] }[] | undefined, gave: Iterable<string>): Set<string> {
  const known = new Set(scenario.roles.map((r) => r.id));
  const seated = new Set((participants ?? []).flatMap((p) => p.roles).filter((r) => known.has(r)));
  const seats = seated.size > 0 ? seated : known;
  for (const role of gave) seats.add(role);
  return seats;
}
