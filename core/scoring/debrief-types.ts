// The debrief model, `drillbook/debrief@1`: the machine-readable result of a session, computed by
// core/scoring from (scenario, events) and rendered by core/report into every format. Its keys are
// snake_case because it is a public JSON format (see shared/scenario-format.md, "Debrief JSON").
// Points keep full precision here; reports round to one decimal and percents to whole numbers.

import type { Channel, NoteTag, PromptType, Rating } from '../scenario/types.ts';
import type { PlanItem } from '../engine/events.ts';
import type { FeedbackPriority } from '../engine/feedback.ts';

export interface DebriefParticipant {
  name: string;
  role: string;
  /** The role's title from the scenario. */
  role_title: string;
}

export interface DebriefObjective {
  id: string;
  title: string;
  description: string | null;
  capability: string | null;
  points: number;
  possible: number;
  /** 0..100, full precision; null when nothing of it was possible. */
  percent: number | null;
  computed_rating: Rating | null;
  /** The rating in force: the facilitator's override where one was set. */
  rating: Rating | null;
  rating_override: { rating: Rating; reason: string } | null;
  /**
   * Version 1.1: the objective's exercise evaluation guide from the scenario (markdown per rating),
   * or null when it has none. Reports show the description of the rating in force.
   */
  eeg: { P: string; S: string; M: string; U: string } | null;
}

export interface DebriefScore {
  points: number;
  possible: number;
  /** 0..100, full precision; null when nothing was possible. */
  percent: number | null;
  /** Version 1.1: the band of the percent, capped one band above the lowest objective rating in force. */
  computed_rating: Rating | null;
  /** Version 1.1: equals computed_rating (override an objective, not the whole). */
  rating: Rating | null;
  /** Version 1.1: the lowest-rated objective when the cap lowered the band, else null. */
  capped_by: string | null;
}

export interface DebriefPrompt {
  id: string;
  role: string;
  inject: string;
  objective: string | null;
  ask: string;
  type: PromptType;
  delivered_at_s: number;
  /** Option ids for choice/multi (a string for choice, a list for multi), text for text; null when unanswered. */
  answer: string | string[] | null;
  /** The labels of the chosen options, for reports; [] for text or unanswered. */
  answer_labels: string[];
  answered_at_s: number | null;
  response_time_s: number | null;
  within_s: number | null;
  correctness: number;
  timeliness: number;
  points: number;
  possible: number;
  graded_by_facilitator: boolean;
  grade: { credit: number; reason: string } | null;
  needs_review: boolean;
  /** Version 1.1: the `why` of every avoid group the answer matched, in file order; [] when none or graded. */
  avoided: string[];
  /** Version 1.1: a text answer scored by keywords and not graded by a facilitator. */
  provisional: boolean;
  expected: { best: string[]; acceptable: string[]; keywords: string[][]; avoid: { any: string[]; why: string }[] };
  /** Labels of the best and acceptable options, for reports. */
  expected_labels: { best: string[]; acceptable: string[] };
}

export interface DebriefStep {
  id: string;
  step: string;
  objective: string | null;
  by_s: number;
  metric: string | null;
  met_at_s: number | null;
  on_time: boolean;
  points: number;
  possible: number;
}

export interface DebriefMetric {
  name: string;
  step: string;
  at_s: number | null;
  target_s: number;
}

export type TimelineKind = 'control' | 'delivery' | 'decision' | 'chat' | 'note' | 'grade' | 'rating' | 'system';

export interface DebriefTimelineEntry {
  seq: number;
  at_s: number;
  kind: TimelineKind;
  /** The event type in the log (e.g. `inject.delivered`, `prompt.answered`). */
  type: string;
  /** 'facilitator', 'system', or a role id. */
  actor: string;
  /** One line a person reads ("Delivered 'Pager: error rate 20%' to ic, eng"). */
  summary: string;
  role: string | null;
  inject: string | null;
  prompt: string | null;
  channel: Channel | null;
}

export interface DebriefNote {
  seq: number;
  at_s: number;
  tag: NoteTag;
  text: string;
  objective: string | null;
  role: string | null;
}

/**
 * The participants' feedback forms, summarised and anonymous: no role, no name, texts sorted per
 * question rather than in the order sent (core/scoring/feedback.ts).
 */
export interface DebriefFeedback {
  /** How many roles gave a form (a role that sent it again counts once: its latest form counts). */
  respondents: number;
  /** How many roles were asked: those someone held (every role when no one was seated). */
  asked: number;
  /** The exercise's design and conduct, then the scenario's own `scale` questions. */
  scales: {
    id: string;
    ask: string;
    /** How many gave a rating. */
    count: number;
    /** Null when no one rated it; the mean of the middle two for an even count. */
    median: number | null;
    /** How many rated 1, 2, 3, 4 and 5. */
    distribution: number[];
  }[];
  /** Strengths, areas for improvement, what the evaluators missed, then the scenario's `text` questions. */
  texts: {
    id: string;
    ask: string;
    /** The same text from several people is one entry with its count; most often first, then alphabetical. */
    answers: { text: string; count: number }[];
  }[];
  /** Corrective actions participants suggest (input for the facilitator, not plan items): high priority first. */
  actions: { action: string; priority: FeedbackPriority; owner: string }[];
}

/** Where a corrective action stands in the register across runs (core/service/register.ts). */
export interface DebriefActionStatus {
  /** The register's stable id, `<sessionId>/<planItemId>`. */
  id: string;
  status: 'open' | 'in progress' | 'done' | 'validated';
  /** The last run that tested it, its verdict and note; null while no run has. */
  validation: { session: string; validated: boolean; note: string } | null;
}

/**
 * The engine's plan item, as the debrief carries it; `register` is added by a host that keeps the
 * register (absent in a debrief computed from the log alone).
 */
export type DebriefPlanItem = PlanItem & { register?: DebriefActionStatus };

/** A corrective action from an earlier run that this run tested (the `action.validated` events). */
export interface DebriefValidatedAction {
  id: string;
  validated: boolean;
  note: string;
  issue: string;
  corrective_action: string;
  owner: string;
  capability: string | null;
  at_s: number;
}

export interface Debrief {
  format: 'drillbook/debrief@1';
  scenario: { id: string; title: string; level: string; content_hash: string | null };
  session: {
    id: string;
    started_at: string | null;
    ended_at: string | null;
    duration_s: number;
    facilitator: string | null;
    /** One entry per role a person holds: a person with two roles appears twice. */
    participants: DebriefParticipant[];
    /**
     * How many people hold a role (a person with two roles counts once). Absent in debriefs made
     * before it was added: readers then count the distinct names.
     */
    people?: number;
  };
  score: DebriefScore;
  objectives: DebriefObjective[];
  prompts: DebriefPrompt[];
  steps: DebriefStep[];
  metrics: DebriefMetric[];
  timeline: DebriefTimelineEntry[];
  notes: DebriefNote[];
  controls: {
    /**
     * The exercise clock stands still in a pause, so `at_s` and `resumed_at_s` are (nearly) equal;
     * `wall_s` is how long the pause lasted on the wall clock, null while it has not ended.
     */
    pauses: { at_s: number; resumed_at_s: number | null; reason: string | null; wall_s?: number | null }[];
    speed_changes: { at_s: number; speed: number }[];
  };
  hotwash: { question: string; answer: string | null }[];
  improvement_plan: DebriefPlanItem[];
  /** The participant feedback summary. Absent in debriefs made before the form existed. */
  feedback?: DebriefFeedback;
  /** Corrective actions from earlier runs that this run tested; absent when it tested none. */
  validated_actions?: DebriefValidatedAction[];
  /** Dry runs only: the script events that were rejected. */
  rejected?: { at_s: number; event: string; reason: string }[];
}
