// The corrective-action register (issue 18): every improvement-plan item of every session is a
// corrective action, known by a stable id `<sessionId>/<planItemId>`. Its words (issue, action,
// owner organisation, due date, objective) are the plan item's, kept in that session's log; its
// tracking (status, contact, start date) is kept beside the log in the data file, and a later run
// that tests it records its verdict as an event in its own log (`action.validated`).
import { z } from 'zod';
import { dueDate, LIMITS, text } from './fields.ts';

export const ACTION_STATUSES = ['open', 'in progress', 'done', 'validated'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** How the register tracks one action outside any session (a register edit, a CSV import). */
export interface ActionRecord {
  /** The stable id `<sessionId>/<planItemId>`. */
  id: string;
  status: ActionStatus;
  /** Who to ask about it (a name, an address, a ticket queue); '' when nobody is named. */
  contact: string;
  /** YYYY-MM-DD or ''. */
  start: string;
  /** Wall time (epoch ms) of the change. */
  updatedAt: number;
}

/** One corrective action as the register lists it. */
export interface RegisterAction {
  id: string;
  sessionId: string;
  planItemId: string;
  scenarioId: string;
  scenarioTitle: string;
  /** When the run that raised it started its clock (or was set up, before), epoch ms. */
  raisedAt: number;
  issue: string;
  correctiveAction: string;
  objective: string | null;
  objectiveTitle: string | null;
  /** The objective's capability in the scenario that raised it; null without one. */
  capability: string | null;
  /** The owner organisation (the plan item's owner). */
  owner: string;
  contact: string;
  start: string;
  due: string;
  status: ActionStatus;
  /** The last verdict of a run that tested it; null while none has. */
  validation: { sessionId: string; validated: boolean; note: string; at: number } | null;
  /** Due before today and neither done nor validated. */
  overdue: boolean;
}

export const ActionStatusSchema = z.enum(ACTION_STATUSES);

/** The register's filters; an absent one lets everything through. */
export const RegisterFilterSchema = z.object({
  status: z.array(ActionStatusSchema).max(ACTION_STATUSES.length).optional(),
  /** The owner organisation, matched whole, ignoring case. */
  owner: text(LIMITS.name).optional(),
  capability: text(LIMITS.name).optional(),
  overdue: z.boolean().optional(),
}).strict();
export type RegisterFilter = z.infer<typeof RegisterFilterSchema>;

/** A stable action id: a stored session id, a slash, a plan item id. */
export const ActionIdSchema = z.string().min(3).max(LIMITS.id + 1 + LIMITS.ref).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*\/[^/\s]+$/, 'an action id `<session>/<plan item>`');

/** One change to the tracking of an action (the Register view's edit). */
export const ActionChangeSchema = z.object({
  id: ActionIdSchema,
  status: ActionStatusSchema.optional(),
  contact: text(LIMITS.name).optional(),
  start: dueDate().optional(),
}).strict();
export type ActionChange = z.infer<typeof ActionChangeSchema>;

/** What an import or an edit changed, field by field, for the person to read. */
export interface ActionFieldChange {
  id: string;
  field: 'status' | 'contact' | 'start';
  from: string;
  to: string;
}

/** A located problem in an imported file: the row (the header is row 1) and the column. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}
