// The fields every boundary checks, defined once: ids, slugs, people's names, dates and texts, with
// their limits from one LIMITS table. The engine checks meaning against the same LIMITS
// (core/engine/decide.ts), the Bridge (./bridge.ts), the engine's command schemas (./commands.ts),
// the LAN server, the shell's routes and the renderer's inputs read them here, so a value one side
// accepts the other never refuses for its length.
import { z } from 'zod';

/** Limits on what people may type (characters) and on how many of a thing a request may carry. */
export const LIMITS = {
  // ---- texts (characters) ----
  answer: 4000,
  chat: 2000,
  note: 4000,
  reason: 2000,
  /** A person's name (facilitator, participant, plan owner, an inject's sender). */
  name: 200,
  title: 300,
  body: 20_000,
  /** An improvement-plan item's issue and corrective action. */
  planField: 2000,
  hotwash: 4000,
  /** One entry of the participant feedback form (a strength, an answer, a suggested action). */
  feedbackText: 2000,
  /** A scenario file's name on import. */
  fileName: 255,
  // ---- ids ----
  /** A stored id (a session, a library entry). */
  id: 128,
  /** A reference the engine resolves against the scenario or the log (an inject, a prompt, a plan item). */
  ref: 200,
  // ---- counts ----
  participants: 100,
  rolesPerParticipant: 50,
  options: 50,
  planItems: 200,
  hotwashAnswers: 200,
  /** Top strengths, top areas for improvement: HSEEP asks for three of each. */
  feedbackItems: 3,
  feedbackActions: 5,
  /** Answers to a scenario's own feedback questions in one form. */
  feedbackAnswers: 100,
  compareSessions: 20,
  /** Corrective actions one register edit or import may change. */
  registerRows: 10_000,
  /** Session bundles in one import (issue 18, item 5). */
  bundlesPerImport: 20,
  /** One bundle's bytes as base64 (characters): 64 MiB, about 48 MB of file. */
  bundleBase64: 64 * 1024 * 1024,
  // ---- numbers ----
  minSpeed: 0.25,
  maxSpeed: 10,
} as const;

/** A scenario's own ids (roles, objectives, options...): lowercase letters, digits and dashes. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A stored id (sessions, library entries): letters, digits and - _ . : (at most LIMITS.id long). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
/** A calendar date, YYYY-MM-DD. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a stored id (the check routes and URLs make without zod). */
export function isStoredId(value: string): boolean {
  return value.length >= 1 && value.length <= LIMITS.id && ID_PATTERN.test(value);
}

/** Whether `value` is a slug. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** The words for a text over its limit, the same at every boundary and in the engine. */
export function tooLongMessage(limit: number): string {
  return `too long: the limit is ${String(limit)} characters`;
}

// ---- zod field builders ----

export const slug = () => z.string().regex(SLUG_PATTERN, 'a slug such as `incident-commander`');

export const storedId = () => z.string().min(1).max(LIMITS.id).regex(ID_PATTERN, 'an id of letters, digits and - _ . :');

export const ref = () => z.string().min(1).max(LIMITS.ref);

// A NUL ends a text early in C-based tools (terminals, PDF and spreadsheet readers): refused.
const noNul = (value: string) => !value.includes('\u0000');
const NUL_ERROR = { error: 'the text holds a NUL character (\\u0000); remove it' };

/** Free text of at most `max` characters. */
export const text = (max: number) => z.string().max(max, { error: tooLongMessage(max) }).refine(noNul, NUL_ERROR);

/** A person's name as a form gives it: trimmed, not empty, at most LIMITS.name. */
export const personName = () => z.string().trim().min(1).max(LIMITS.name, { error: tooLongMessage(LIMITS.name) }).refine(noNul, NUL_ERROR);

/** A due date: YYYY-MM-DD, or empty for none. */
export const dueDate = () => z.union([z.literal(''), z.string().regex(DATE_PATTERN, 'a date YYYY-MM-DD')]);

/** A role's seat on the wire: `role:<slug>`. */
export const roleAudience = () => z.templateLiteral(['role:', slug()]);

// ---- shapes ----

/**
 * A person at the exercise and the roles they hold (one person may hold several; an observer none).
 * The engine's `session.setup` takes this shape; a form (the Bridge's `sessions.create`) also
 * trims the name and asks for a role.
 */
export const ParticipantSchema = z.object({
  name: text(LIMITS.name),
  roles: z.array(slug()).max(LIMITS.rolesPerParticipant),
});

/** An improvement-plan item's fields as people write them (the engine's `plan.item.save`). */
export const planItemFields = () => ({
  issue: text(LIMITS.planField),
  corrective_action: text(LIMITS.planField),
  owner: text(LIMITS.name),
  due: dueDate(),
});
