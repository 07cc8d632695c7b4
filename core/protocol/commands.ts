// The zod schemas of the engine's commands and audiences: a host parses untrusted input (IPC,
// WebSocket frames) with these at the boundary, then hands the typed command to the runtime, which
// checks its meaning against the state. Fields and bounds come from ./fields.ts (the engine's LIMITS),
// so an oversized text is refused before it is ever held in memory twice.

import { z } from 'zod';
import type { Command, Rejection } from '../engine/commands.ts';
import type { Actor } from '../engine/event.ts';
import type { Audience } from '../engine/projections.ts';
import { END_REASONS, PAUSE_REASONS } from '../engine/events.ts';
import { FEEDBACK_PRIORITIES } from '../engine/feedback.ts';
import { CHANNELS, NOTE_TAGS, PROMPT_TYPES, RATINGS } from '../scenario/types.ts';
import { LIMITS, ParticipantSchema, planItemFields, ref, roleAudience, slug, text } from './fields.ts';

const id = ref();

export const OptionSchema = z.object({ id: slug(), label: text(LIMITS.title) }).strict();

// Notes are named by the seq of their `note.added`.
const noteId = z.number().int().min(1);

const planItem = { id: id.optional(), ...planItemFields(), objective: id.nullable().optional() };

const hotwashAnswer = z.object({ question: z.number().int().min(0), answer: text(LIMITS.hotwash) }).strict();

const feedbackText = text(LIMITS.feedbackText);
const scale = z.number().int().min(1).max(5);

/** The feedback form's fields (the engine trims, drops blank entries and checks the scenario's questions). */
export const feedbackFormFields = {
  strengths: z.array(feedbackText).max(LIMITS.feedbackItems),
  improvements: z.array(feedbackText).max(LIMITS.feedbackItems),
  missed: feedbackText,
  actions: z.array(z.object({ action: feedbackText, priority: z.enum(FEEDBACK_PRIORITIES), owner: text(LIMITS.name) }).strict()).max(LIMITS.feedbackActions),
  design: scale.nullable(),
  conduct: scale.nullable(),
  answers: z.array(z.object({ question: id, answer: z.union([scale, feedbackText]) }).strict()).max(LIMITS.feedbackAnswers),
};

export const CommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.setup'), facilitator: text(LIMITS.name), participants: z.array(ParticipantSchema.strict()).max(LIMITS.participants) }).strict(),
  z.object({ type: z.literal('session.start') }).strict(),
  z.object({ type: z.literal('session.pause'), reason: z.enum(PAUSE_REASONS).optional() }).strict(),
  z.object({ type: z.literal('session.resume') }).strict(),
  z.object({ type: z.literal('session.speed'), speed: z.number().min(LIMITS.minSpeed).max(LIMITS.maxSpeed) }).strict(),
  z.object({ type: z.literal('session.end'), reason: z.enum(END_REASONS).optional() }).strict(),
  z.object({ type: z.literal('inject.deliver'), inject: id }).strict(),
  z.object({ type: z.literal('inject.hold'), inject: id }).strict(),
  z.object({ type: z.literal('inject.release'), inject: id }).strict(),
  z.object({ type: z.literal('inject.skip'), inject: id }).strict(),
  z.object({
    type: z.literal('adhoc.send'),
    to: z.union([z.literal('all'), z.array(id).min(1).max(100)]),
    channel: z.enum(CHANNELS),
    from: text(LIMITS.name).optional(),
    title: text(LIMITS.title),
    body: text(LIMITS.body),
    prompt: z.object({
      role: id,
      ask: text(LIMITS.title * 4),
      type: z.enum(PROMPT_TYPES),
      options: z.array(OptionSchema).max(LIMITS.options).optional(),
    }).strict().optional(),
  }).strict(),
  z.object({ type: z.literal('note.add'), text: text(LIMITS.note), tag: z.enum(NOTE_TAGS), objective: id.optional(), role: id.optional() }).strict(),
  z.object({ type: z.literal('note.edit'), note: noteId, text: text(LIMITS.note), tag: z.enum(NOTE_TAGS), objective: id.optional(), role: id.optional() }).strict(),
  z.object({ type: z.literal('note.delete'), note: noteId }).strict(),
  z.object({ type: z.literal('answer.grade'), prompt: id, credit: z.number().min(0).max(1), reason: text(LIMITS.reason) }).strict(),
  z.object({ type: z.literal('objective.rate'), objective: id, rating: z.enum(RATINGS).nullable(), reason: text(LIMITS.reason) }).strict(),
  z.object({ type: z.literal('plan.item.save'), ...planItem }).strict(),
  z.object({ type: z.literal('plan.item.remove'), id }).strict(),
  z.object({ type: z.literal('plan.save'), items: z.array(z.object(planItem).strict()).max(LIMITS.planItems) }).strict(),
  z.object({ type: z.literal('hotwash.answer'), question: z.number().int().min(0), answer: text(LIMITS.hotwash) }).strict(),
  z.object({ type: z.literal('hotwash.save'), answers: z.array(hotwashAnswer).max(LIMITS.hotwashAnswers) }).strict(),
  z.object({ type: z.literal('prompt.answer'), prompt: id, answer: z.union([text(LIMITS.answer), z.array(id).max(LIMITS.options)]) }).strict(),
  z.object({ type: z.literal('action.take'), action: id }).strict(),
  z.object({ type: z.literal('chat.post'), text: text(LIMITS.chat) }).strict(),
  z.object({ type: z.literal('feedback.submit'), ...feedbackFormFields }).strict(),
]);

// The schema and the engine's Command type must describe the same thing.
type Parsed = z.infer<typeof CommandSchema>;
type _SchemaFitsCommand = Parsed extends Command ? true : never;
const _check: _SchemaFitsCommand = true;
void _check;

/** An audience as the engine names it (the Bridge's wire form, `role:<slug>`, is ./bridge.ts's AudienceSchema). */
export const EngineAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facilitator') }).strict(),
  z.object({ kind: z.literal('room') }).strict(),
  z.object({ kind: z.literal('role'), role: slug() }).strict(),
]);

export const ActorSchema = z.union([z.literal('facilitator'), z.literal('system'), roleAudience()]) as z.ZodType<Actor>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The command is not valid.';
  const where = issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
  if (issue.code === 'too_big' && issue.origin === 'string') return `The text${where} is too long: the limit is ${String(issue.maximum)} characters.`;
  return `The command is not valid${where}: ${issue.message}.`;
}

/** Checks an untrusted command's shape; a failure is a Rejection with code 'invalid' or 'too-long'. */
export function parseCommand(input: unknown): ParseResult<Command> {
  const result = CommandSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  const code = first?.code === 'too_big' && first.origin === 'string' ? 'too-long' : 'invalid';
  return { ok: false, rejection: { code, message: describe(result.error) } };
}

export function parseAudience(input: unknown): ParseResult<Audience> {
  const result = EngineAudienceSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, rejection: { code: 'invalid', message: describe(result.error) } };
}
