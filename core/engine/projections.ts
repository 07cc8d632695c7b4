// Projections decide who sees what, before anything leaves the host: the shapes each audience
// receives (below), and project(). Who sees which field is ./projection-policy.ts, on one screen;
// what is kept between calls so that a push does not rebuild a view from nothing is
// ./projection-cache.ts.

import type { Channel, Chart, Expect, NoteTag, Option, PromptType, Rating, Scenario, Table } from '../scenario/types.ts';
import type { DeliveryHow, Participant, PauseReason, PlanItem } from './events.ts';
import type { FeedbackForm } from './feedback.ts';
import type { FeedbackQuestion } from '../scenario/types.ts';
import type { Scores } from '../scoring/score.ts';
import { facilitatorView, roleView, roomView } from './projection-policy.ts';
import type { SessionState, SessionStatus } from './state.ts';

export { facilitatorView, nextScheduledAt, roleView, roomView, VIEW_RECENT } from './projection-policy.ts';

/** Who a projection is for. */
export type Audience = { kind: 'facilitator' } | { kind: 'room' } | { kind: 'role'; role: string };

export interface ClockView {
  status: SessionStatus;
  /** Exercise ms when the view was made. */
  exerciseMs: number;
  speed: number;
  /** The scenario's planned length, ms. */
  durationMs: number;
  /** Why the session is paused, when it is. */
  pausedFor: PauseReason | null;
}

/** What any audience may see of an inject once delivered to it. */
export interface InjectContent {
  id: string;
  channel: Channel;
  from: string | null;
  title: string;
  body: string;
  storyTime: string | null;
  table: Table | null;
  chart: Chart | null;
  deliveredAt: number;
  adhoc: boolean;
}

export interface ChatView {
  seq: number;
  at: number;
  role: string | null;
  /** Who wrote it, as people read it: the role's title, or 'Facilitator'. */
  from: string;
  text: string;
}

export interface RolePromptView {
  id: string;
  inject: string;
  ask: string;
  type: PromptType;
  options: Option[];
  answer: string | string[] | null;
  answeredAt: number | null;
  /** Exercise ms its inject reached this role. */
  deliveredAt: number;
  /**
   * Exercise ms by which an answer counts as on time (delivery plus the prompt's `within`), or null
   * when the prompt has no window. Only the time: the rest of `expect` never leaves the host.
   */
  answerBy: number | null;
}

export interface RoleView {
  audience: 'role';
  scenario: { id: string; title: string; summary: string };
  role: { id: string; title: string; brief: string | null };
  clock: ClockView;
  storyTime: string | null;
  injects: InjectContent[];
  prompts: RolePromptView[];
  /** The actions this role may take; `takenAt` holds the latest times it took each (at most VIEW_RECENT), `taken` how often. */
  actions: { id: string; title: string; description: string | null; takenAt: number[]; taken: number }[];
  chat: ChatView[];
  /**
   * The feedback form (it opens when the session has ended): the scenario's own questions, and this
   * role's latest form, so that it can be corrected and sent again. No one else's form.
   */
  feedback: { questions: FeedbackQuestion[]; given: FeedbackForm | null };
}

export interface RoomView {
  audience: 'room';
  scenario: { id: string; title: string; summary: string };
  clock: ClockView;
  storyTime: string | null;
  injects: InjectContent[];
  /**
   * Roles with delivered prompts still unanswered: how many, and since when (exercise ms of the
   * oldest unanswered delivery). Role titles and counts only: no prompt text, no answer.
   */
  pending: { role: string; title: string; count: number; since: number }[];
  /**
   * Exercise ms at which the next inject on a fixed schedule (`at:`) falls due, or null when none is
   * left. Only the time: not which inject or for whom. Injects set off by decisions (`after:`,
   * `when:`) are left out, so that the room cannot read a consequence from the countdown.
   */
  nextInjectAt: number | null;
  /** Once the session has ended: how many of the seated roles have given feedback (counts only). */
  feedback: { given: number; of: number } | null;
}

export type InjectStatus = 'pending' | 'held' | 'delivered' | 'skipped';

export interface FacilitatorInjectView extends Omit<InjectContent, 'deliveredAt'> {
  to: string[];
  toAll: boolean;
  status: InjectStatus;
  /** Exercise ms at which it falls due, when known. */
  dueAt: number | null;
  deliveredAt: number | null;
  how: DeliveryHow | null;
  facilitatorNotes: string | null;
  prompts: FacilitatorPromptView[];
}

export interface FacilitatorPromptView {
  id: string;
  role: string;
  ask: string;
  type: PromptType;
  options: Option[];
  expect: Expect | null;
  objective: string | null;
  points: number | null;
  answer: string | string[] | null;
  answeredAt: number | null;
  answers: number;
  grade: { credit: number; reason: string } | null;
  /** Delivered, unanswered, and past its `within`. */
  overdue: boolean;
}

export interface FacilitatorView {
  audience: 'facilitator';
  scenario: { id: string; title: string; summary: string };
  clock: ClockView;
  setup: { facilitator: string; participants: Participant[] } | null;
  storyTime: string | null;
  injects: FacilitatorInjectView[];
  steps: { id: string; step: string; objective: string | null; byMs: number; metAt: number | null }[];
  /** The latest actions taken, with the action's and the role's titles for the feed. */
  actionsTaken: { seq: number; at: number; action: string; role: string; title: string; roleTitle: string }[];
  chat: ChatView[];
  notes: { seq: number; at: number; text: string; tag: NoteTag; objective: string | null; role: string | null }[];
  ratings: { objective: string; rating: Rating; reason: string }[];
  plan: PlanItem[];
  hotwash: { question: string; answer: string | null }[];
  /** Live scores (facilitator only): the same rules as the debrief, on the state so far. */
  scores: Scores;
}

export type Projection = FacilitatorView | RoomView | RoleView;

export function project(scenario: Scenario, state: SessionState, audience: Audience, nowMs: number): Projection | null {
  switch (audience.kind) {
    case 'facilitator':
      return facilitatorView(scenario, state, nowMs);
    case 'room':
      return roomView(scenario, state, nowMs);
    case 'role':
      return roleView(scenario, state, audience.role, nowMs);
  }
}
