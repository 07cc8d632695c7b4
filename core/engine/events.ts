// The session event types and their payloads: everything that can happen in a session, as data.
// The envelope (seq, at, wall, actor) is SessionEvent in ./event.ts; this file defines `type` and
// `payload`. Payloads are plain JSON. The log is append-only: a correction is a new event.

import type { Channel, NoteTag, PromptType, Rating, Option } from '../scenario/types.ts';
import type { SessionEvent } from './event.ts';
import type { FeedbackForm } from './feedback.ts';

/** Why a session was paused. `suspend` / `clock-jump` come from the host, `recovered` after a crash. */
export const PAUSE_REASONS = ['facilitator', 'suspend', 'clock-jump', 'recovered', 'host'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** How an inject reached its audience: on its schedule, ahead of it by the facilitator, or composed live. */
export type DeliveryHow = 'scheduled' | 'early' | 'adhoc';

export const END_REASONS = ['facilitator', 'duration', 'host'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** An improvement-plan item: one shape for the event, the state, the views and the debrief. */
export interface PlanItem {
  id: string;
  issue: string;
  corrective_action: string;
  owner: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  due: string;
  objective: string | null;
}

export interface Participant {
  name: string;
  /** Role ids this person holds (one person may hold several; a role may stay empty). */
  roles: string[];
}

/** A prompt composed live with an ad-hoc inject. Ad-hoc prompts are answered but never scored. */
export interface AdhocPrompt {
  /** Assigned by the engine: `adhoc-N:p` (a colon never occurs in a scenario slug). */
  id: string;
  role: string;
  ask: string;
  type: PromptType;
  options: Option[];
}

export interface EventPayloads {
  /**
   * The session header: who facilitates and who plays which roles. Recorded before the start and
   * again whenever the facilitator changes the seating; the last one counts.
   */
  'session.setup': { facilitator: string; participants: Participant[]; scenarioId: string; contentHash?: string };
  'session.started': { speed: number };
  'session.paused': { reason: PauseReason };
  'session.resumed': Record<string, never>;
  'session.speed': { speed: number };
  /** `due` is the exercise time (ms) at which a scheduled inject fell due; null when early/adhoc. */
  'inject.delivered': { inject: string; how: DeliveryHow; due: number | null };
  'inject.held': { inject: string };
  'inject.released': { inject: string };
  'inject.skipped': { inject: string };
  /** Defines a live-composed inject; the `inject.delivered` (how: adhoc) that follows delivers it. */
  'adhoc.sent': {
    inject: string;
    to: string[];
    toAll: boolean;
    channel: Channel;
    from?: string;
    title: string;
    body: string;
    prompt?: AdhocPrompt;
  };
  'prompt.answered': { prompt: string; role: string; answer: string | string[] };
  'action.taken': { action: string; role: string };
  /** `role` null when the facilitator posts. */
  'chat.posted': { role: string | null; text: string };
  'note.added': { text: string; tag: NoteTag; objective?: string; role?: string };
  /** A correction of the note whose `note.added` has seq `note`: these fields replace its own. */
  'note.edited': { note: number; text: string; tag: NoteTag; objective?: string; role?: string };
  /** Withdraws the note whose `note.added` has seq `note`: it leaves the debrief and the reports. */
  'note.deleted': { note: number };
  /** `answerSeq` is the seq of the answer that was graded; a later answer is not covered by it. */
  'answer.graded': { prompt: string; credit: number; reason: string; answerSeq: number };
  /** `rating` null withdraws an earlier override. */
  'objective.rated': { objective: string; rating: Rating | null; reason: string };
  'session.ended': { reason: EndReason };
  /** The host restarted after the process died; `lastAt` is the last exercise time on record. */
  'session.recovered': { lastAt: number };
  'plan.item.saved': PlanItem;
  'plan.item.removed': { id: string };
  /** `question` is the index in the scenario's debrief questions. */
  'hotwash.answered': { question: number; answer: string };
  /** A role's feedback form, checked and trimmed; a later one from the same role replaces it. */
  'feedback.given': { role: string } & FeedbackForm;
  /**
   * This run tested a corrective action raised in an earlier run (the register's, see
   * core/service/register.ts): whether it is validated, and why. The action's words are kept as
   * they stood, so this run's report reads them from its own log; the last one per action counts.
   */
  'action.validated': ValidatedAction;
}

/** A corrective action carried in from an earlier run, and this run's verdict on it. */
export interface ValidatedAction {
  /** The register's stable id: `<sessionId>/<planItemId>` of the run that raised it. */
  action: string;
  validated: boolean;
  note: string;
  issue: string;
  corrective_action: string;
  owner: string;
  capability: string | null;
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'session.setup', 'session.started', 'session.paused', 'session.resumed', 'session.speed',
  'inject.delivered', 'inject.held', 'inject.released', 'inject.skipped', 'adhoc.sent',
  'prompt.answered', 'action.taken', 'chat.posted', 'note.added', 'note.edited', 'note.deleted', 'answer.graded', 'objective.rated',
  'session.ended', 'session.recovered', 'plan.item.saved', 'plan.item.removed', 'hotwash.answered', 'feedback.given',
  'action.validated',
] as const satisfies readonly EventType[];

/** One engine event with its envelope: a discriminated union on `type`. */
export type EngineEvent = { [K in EventType]: SessionEvent<K, EventPayloads[K]> }[EventType];

/** An event before the runtime gives it seq, at and wall. */
export type EventDraft = { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType];

const KNOWN = new Set<string>(EVENT_TYPES);

/** Narrows a stored envelope to an engine event by its type (payloads are trusted: we wrote them). */
export function isEngineEvent(event: SessionEvent): event is EngineEvent {
  return KNOWN.has(event.type);
}
