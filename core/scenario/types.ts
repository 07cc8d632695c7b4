// The normalized, typed scenario that the loader returns. Everything downstream (engine, scoring,
// reports, UI) works on this shape, never on raw YAML. Durations are seconds; defaults are filled;
// `to: all` is expanded; references are checked. See ../../../shared/scenario-format.md (the public
// format) and docs/scenario-decisions.md for the choices made where the format is silent.

import type { PromptType } from './prompt-types.ts';

export type Seconds = number;

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const CHANNELS = ['alert', 'chat', 'email', 'ticket', 'status-page', 'news', 'call', 'dashboard', 'note'] as const;
export type Channel = (typeof CHANNELS)[number];

// The prompt types are the keys of their registry, where each says how it is answered and scored.
export { PROMPT_TYPES, type PromptType } from './prompt-types.ts';

export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];

export const NOTE_TAGS = ['observation', 'strength', 'improvement'] as const;
export type NoteTag = (typeof NOTE_TAGS)[number];

/** The rules of `drillbook lint` (core/scenario/lint): an element may silence one with a reason. */
export const LINT_RULES = [
  'longest-is-best',
  'answer-in-text',
  'comment-in-value',
  'idle-role',
  'empty-room',
  'words-meet-comms',
  'short-window',
  'story-order',
  'no-step',
  'no-eeg',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** `lint: {allow: [rule...], why}` on an element: the author silences rules for it, with a reason. */
export interface LintAllow {
  allow: string[];
  why: string;
}

/** Version 1.1: an exercise evaluation guide, what each rating looks like for one objective (markdown). */
export interface Eeg {
  P: string;
  S: string;
  M: string;
  U: string;
}

export interface Objective {
  id: string;
  title: string;
  description?: string;
  capability?: string;
  /** Version 1.1. */
  eeg?: Eeg;
  lint?: LintAllow;
}

export interface Role {
  id: string;
  title: string;
  brief?: string;
  lint?: LintAllow;
}

export interface Action {
  id: string;
  title: string;
  description?: string;
  /** Who may take it. Filled with every role id when the file leaves it out. */
  roles: string[];
  lint?: LintAllow;
}

export type Condition =
  | { kind: 'answered'; prompt: string; with?: string[] }
  | { kind: 'unanswered'; prompt: string; for: Seconds }
  | { kind: 'action'; action: string; by?: string }
  | { kind: 'met'; step: string }
  | { kind: 'missed'; step: string }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'all'; conditions: Condition[] };

export type Trigger =
  | { kind: 'at'; at: Seconds }
  | { kind: 'after'; inject: string; delay: Seconds }
  | { kind: 'when'; condition: Condition; delay: Seconds };

export interface Option {
  id: string;
  label: string;
}

export interface Expect {
  best: string[];
  acceptable: string[];
  /** Default 0.5. */
  acceptableCredit: number;
  /** Text prompts only: groups of words or phrases; a group matches when any member does. */
  keywords: string[][];
  /** Version 1.1, text prompts only: phrases an answer should not contain, each group with its reason. */
  avoid: AvoidGroup[];
  within?: Seconds;
}

export interface AvoidGroup {
  /** Words or phrases; the group matches like a keyword group. */
  any: string[];
  why: string;
}

export interface Prompt {
  id: string;
  /** The inject this prompt belongs to. */
  inject: string;
  role: string;
  ask: string;
  type: PromptType;
  /** Empty for text prompts. */
  options: Option[];
  /** Filled with empty lists and acceptableCredit 0.5 when the file leaves it out. */
  expect: Expect;
  objective?: string;
  /** Default 10. */
  points: number;
  lint?: LintAllow;
}

export interface Table {
  columns: string[];
  rows: (string | number)[][];
}

export interface Chart {
  label: string;
  unit?: string;
  /** [seconds, value] pairs. */
  points: [number, number][];
}

export interface Inject {
  id: string;
  trigger: Trigger;
  /** Role ids, with `all` expanded to every role in file order. */
  to: string[];
  /** True when the file said `to: all` (the room screen shows these). */
  toAll: boolean;
  channel: Channel;
  from?: string;
  title: string;
  /** Markdown, rendered without raw HTML. */
  body: string;
  storyTime?: string;
  facilitatorNotes?: string;
  table?: Table;
  chart?: Chart;
  prompts: Prompt[];
  /** Version 1.1: questions the facilitator can ask the room when this inject lands. */
  discussion: string[];
  lint?: LintAllow;
}

/** A version-1 met_by entry. */
export type SimpleMetBy =
  | { kind: 'prompt'; prompt: string; with?: string[] }
  | { kind: 'action'; action: string };

/** Version 1.1 adds `{all: [...]}`: satisfied once every inner entry is, at the latest of their times. */
export type MetBy = SimpleMetBy | { kind: 'all'; entries: SimpleMetBy[] };

export interface Step {
  id: string;
  /** The runbook's words. */
  step: string;
  objective?: string;
  by: Seconds;
  metric?: string;
  metBy: MetBy[];
  /** Default 10. */
  points: number;
  lint?: LintAllow;
}

/** Version 1.1 facilitator pack: material participants get before or at the start. */
export interface Handout {
  id: string;
  title: string;
  /** Role ids, with `all` expanded to every role in file order. */
  to: string[];
  toAll: boolean;
  /** Markdown. */
  body: string;
}

/** Version 1.1 facilitator pack: someone the facilitator voices. */
export interface Character {
  id: string;
  name: string;
  /** Who they are in the story ("the vendor's account manager"). */
  plays: string;
  /** Markdown: what they know, want and say. */
  script: string;
}

export const FEEDBACK_TYPES = ['scale', 'text'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export interface FeedbackQuestion {
  id: string;
  ask: string;
  /** `scale` is 1 to 5. */
  type: FeedbackType;
}

export interface Scenario {
  format: 'drillbook/scenario@1';
  id: string;
  title: string;
  /** Default 'beginner'. */
  level: Level;
  duration: Seconds;
  summary: string;
  tags: string[];
  objectives: Objective[];
  roles: Role[];
  actions: Action[];
  injects: Inject[];
  runbook: Step[];
  debrief: { questions: string[] };
  /** Version 1.1 facilitator pack (no effect on scores). */
  groundRules?: string;
  assumptions: string[];
  handouts: Handout[];
  characters: Character[];
  feedback: { questions: FeedbackQuestion[] };
  lint?: LintAllow;
}

/** One located load error: compiler-style FILE:LINE:COL: PATH: MESSAGE. Line and column are 1-based. */
export interface LoadError {
  file: string;
  line: number;
  column: number;
  /** Key path such as `injects[3].prompts[0].expect.best[1]`; '' for the whole document. */
  path: string;
  message: string;
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: LoadError[] };

// ---- Play scripts (drillbook/play@1) ----

export type PlayAction =
  | { kind: 'answer'; role: string; prompt: string; answer: string | string[] }
  | { kind: 'action'; role: string; action: string }
  | { kind: 'chat'; role: string; text: string }
  | { kind: 'grade'; prompt: string; credit: number; reason: string }
  | { kind: 'note'; text: string; tag: NoteTag; objective?: string; role?: string }
  | { kind: 'deliver'; inject: string }
  | { kind: 'skip'; inject: string }
  | { kind: 'rate'; objective: string; rating: Rating; reason: string }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'end' };

export type PlayEvent = PlayAction & {
  /** Exercise time in seconds. */
  at: Seconds;
  /** Position in the file's `events` list, for reporting (`events[4]`). */
  index: number;
  /** 1-based line of the event in the play file. */
  line: number;
};

export interface Play {
  format: 'drillbook/play@1';
  /** Optional: the scenario id the play was written for. */
  scenario?: string;
  events: PlayEvent[];
}
