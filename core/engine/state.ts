// The session state: what the fold of the events (./reduce.ts) knows. Maps keep ids that people
// type (plan items) away from object prototypes. Exercise times are milliseconds.

import type { NoteTag, Rating } from '../scenario/types.ts';
import type { FeedbackForm } from './feedback.ts';
import type { EventPayloads, Participant, PauseReason, DeliveryHow, PlanItem } from './events.ts';

export type SessionStatus = 'setup' | 'running' | 'paused' | 'ended';

export interface InjectState {
  id: string;
  adhoc: boolean;
  delivered: { at: number; seq: number; how: DeliveryHow; due: number | null } | null;
  held: boolean;
  skipped: boolean;
}

export interface AnswerRecord {
  seq: number;
  at: number;
  role: string;
  answer: string | string[];
}

export interface GradeRecord {
  seq: number;
  at: number;
  credit: number;
  reason: string;
  /** The answer it graded: it counts only while that answer is the last one. */
  answerSeq: number;
}

export interface PromptState {
  id: string;
  inject: string;
  adhoc: boolean;
  answers: number;
  first: AnswerRecord | null;
  last: AnswerRecord | null;
  /** The first time each option was part of an answer (for `answered ... with`). */
  optionFirstAt: Map<string, number>;
  grade: GradeRecord | null;
}

export interface StepState {
  id: string;
  metAt: number | null;
  metSeq: number | null;
  /**
   * Version 1.1 `{all: [...]}` entries not yet complete: per `met_by` index, the first time each
   * inner clause was satisfied (null while it is not). The step is met when one is complete.
   */
  partial?: Map<number, (number | null)[]>;
}

export interface ChatMessage {
  seq: number;
  at: number;
  role: string | null;
  text: string;
}

export interface NoteRecord {
  /** The seq of its `note.added`: the note's id, which edits and deletions name. */
  seq: number;
  /** When it was taken (an edit keeps it). */
  at: number;
  text: string;
  tag: NoteTag;
  objective: string | null;
  role: string | null;
}

export interface PauseRecord {
  at: number;
  seq: number;
  reason: PauseReason;
  resumedAt: number | null;
}

export type { PlanItem };

export type AdhocInject = EventPayloads['adhoc.sent'] & { seq: number; at: number };

export interface SessionState {
  scenarioId: string;
  status: SessionStatus;
  speed: number;
  /** Exercise time (ms) of the newest event: the clock never runs backwards past it. */
  lastAt: number;
  lastSeq: number;
  setup: { facilitator: string; participants: Participant[]; contentHash: string | null } | null;
  started: { at: number; wall: number } | null;
  ended: { at: number; wall: number } | null;
  /** Every scenario inject, then the ad-hoc ones as they are sent. */
  injects: Map<string, InjectState>;
  adhoc: AdhocInject[];
  /** Scenario prompts and ad-hoc prompts. */
  prompts: Map<string, PromptState>;
  actionFirstAt: Map<string, number>;
  /** Per action, per role: when it was first taken, and every time it was taken. */
  actionByRole: Map<string, Map<string, { firstAt: number; times: number[] }>>;
  actionsTaken: { seq: number; at: number; action: string; role: string }[];
  steps: Map<string, StepState>;
  chat: ChatMessage[];
  /** The notes as last edited, in the order taken; deleted ones are gone. */
  notes: NoteRecord[];
  /** The ids (seqs) of deleted notes (optional for folds written before notes could be deleted). */
  deletedNotes?: Set<number>;
  ratings: Map<string, { rating: Rating; reason: string; at: number }>;
  plan: Map<string, PlanItem>;
  hotwash: Map<number, string>;
  /** Per role, its latest feedback form; made by the first form (so a fold without one is as before). */
  feedback?: Map<string, FeedbackForm & { seq: number; at: number }>;
  pauses: PauseRecord[];
  speedChanges: { at: number; speed: number }[];
  recoveries: { at: number; lastAt: number }[];
  /** Counters that name live-composed things: ad-hoc injects and plan items. */
  counters: { adhoc: number; plan: number };
}
