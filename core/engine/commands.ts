// Commands: what a facilitator, a participant or the host asks the session to do. A command is
// checked against the state (./decide.ts) and becomes events or a Rejection. Their shapes are also
// zod schemas in core/protocol/commands.ts, so a host can check untrusted input at the boundary.

import type { Channel, NoteTag, PromptType, Rating, Option } from '../scenario/types.ts';
import type { EndReason, Participant, PauseReason, PlanItem, ValidatedAction } from './events.ts';
import type { FeedbackForm } from './feedback.ts';

export type Command =
  // ---- facilitator (also the host, as actor 'system') ----
  | { type: 'session.setup'; facilitator: string; participants: Participant[] }
  | { type: 'session.start' }
  | { type: 'session.pause'; reason?: PauseReason }
  | { type: 'session.resume' }
  | { type: 'session.speed'; speed: number }
  | { type: 'session.end'; reason?: EndReason }
  | { type: 'inject.deliver'; inject: string }
  | { type: 'inject.hold'; inject: string }
  | { type: 'inject.release'; inject: string }
  | { type: 'inject.skip'; inject: string }
  | {
      type: 'adhoc.send';
      /** Role ids, or 'all'. */
      to: string[] | 'all';
      channel: Channel;
      from?: string;
      title: string;
      body: string;
      prompt?: { role: string; ask: string; type: PromptType; options?: Option[] };
    }
  | { type: 'note.add'; text: string; tag: NoteTag; objective?: string; role?: string }
  /** Corrects a note: `note` is the seq of its `note.added`; the text, tag, objective and role replace the old ones. */
  | { type: 'note.edit'; note: number; text: string; tag: NoteTag; objective?: string; role?: string }
  | { type: 'note.delete'; note: number }
  | { type: 'answer.grade'; prompt: string; credit: number; reason: string }
  | { type: 'objective.rate'; objective: string; rating: Rating | null; reason: string }
  | ({ type: 'plan.item.save'; id?: string; objective?: string | null } & Omit<PlanItem, 'id' | 'objective'>)
  | { type: 'plan.item.remove'; id: string }
  /**
   * The whole improvement plan at once: afterwards the plan is exactly `items` (an item without an
   * id is new). All or nothing: one bad item refuses the lot.
   */
  | { type: 'plan.save'; items: PlanItemInput[] }
  | { type: 'hotwash.answer'; question: number; answer: string }
  /** Every hotwash answer given at once, all or nothing; an empty answer clears one. */
  | { type: 'hotwash.save'; answers: { question: number; answer: string }[] }
  /**
   * The verdict on a corrective action from an earlier run. Sent by the service only (it is not in
   * the protocol's CommandSchema): the service checks the action against the register and copies
   * its words in, which the engine cannot see.
   */
  | ({ type: 'action.validate' } & ValidatedAction)
  // ---- participants (actor `role:ID`) ----
  | { type: 'prompt.answer'; prompt: string; answer: string | string[] }
  | { type: 'action.take'; action: string }
  | { type: 'chat.post'; text: string }
  /** The feedback form, once the session has ended; sending it again replaces this role's earlier one. */
  | ({ type: 'feedback.submit' } & FeedbackForm);

/** One row of the improvement plan as the facilitator wrote it. */
export interface PlanItemInput {
  id?: string;
  issue: string;
  corrective_action: string;
  owner: string;
  due: string;
  objective?: string | null;
}

export type CommandType = Command['type'];

/** The commands a participant (actor `role:ID`) may send; every other command is the facilitator's. */
export const PARTICIPANT_COMMANDS = ['prompt.answer', 'action.take', 'chat.post', 'feedback.submit'] as const satisfies readonly CommandType[];

export type RejectionCode =
  | 'invalid'
  | 'forbidden'
  | 'not-started'
  | 'already-started'
  | 'paused'
  | 'not-paused'
  | 'not-ended'
  | 'ended'
  | 'unknown-prompt'
  | 'unknown-inject'
  | 'unknown-action'
  | 'unknown-objective'
  | 'unknown-role'
  | 'unknown-option'
  | 'unknown-plan-item'
  | 'unknown-question'
  | 'unknown-note'
  | 'not-delivered'
  | 'already-delivered'
  | 'skipped'
  | 'already-held'
  | 'not-held'
  | 'wrong-answer-type'
  | 'duplicate-option'
  | 'empty'
  | 'too-long'
  | 'out-of-range'
  | 'no-answer'
  | 'not-scored'
  | 'store-failed';

/** Why a command was refused, in words for the person who sent it. */
export interface Rejection {
  code: RejectionCode;
  message: string;
}

/** Limits on what people may type: one table, in core/protocol/fields.ts, that every boundary reads too. */
export { LIMITS } from '../protocol/fields.ts';
