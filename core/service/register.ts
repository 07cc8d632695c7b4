// The corrective-action register, computed: the plan items of every session's log, their tracking
// records, and the verdicts later runs recorded (see ../protocol/register.ts). Pure: the service
// and the CLI hand it what they read and write back what it returns.
import type { SessionEvent } from '../engine/event.ts';
import { isEngineEvent } from '../engine/events.ts';
import { reduce } from '../engine/reduce.ts';
import { DATE_PATTERN, LIMITS } from '../protocol/fields.ts';
import {
  ACTION_STATUSES,
  type ActionChange, type ActionFieldChange, type ActionRecord, type ActionStatus, type ImportProblem, type RegisterAction, type RegisterFilter,
} from '../protocol/register.ts';
import { csvField } from '../report/csv.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Debrief } from '../scoring/debrief-types.ts';
import type { ServiceStorage } from './storage.ts';

/** One session as the register reads it. */
export interface RegisterSession {
  sessionId: string;
  createdAt: number;
  scenario: Scenario;
  events: readonly SessionEvent[];
}

/**
 * Every stored session as the register reads it; `open` gives a session that is open in memory
 * as it stands. A session whose stored scenario no longer loads is left out.
 */
export function storedSessions(storage: Pick<ServiceStorage, 'sessions' | 'events'>, open: (sessionId: string) => RegisterSession | undefined = () => undefined): RegisterSession[] {
  const out: RegisterSession[] = [];
  for (const record of storage.sessions.list()) {
    const live = open(record.sessionId);
    if (live) {
      out.push(live);
      continue;
    }
    const loaded = loadScenario(record.scenarioText, record.scenarioFileName);
    if (!loaded.ok) continue;
    out.push({ sessionId: record.sessionId, createdAt: record.createdAt, scenario: loaded.value, events: storage.events.load(record.sessionId) });
  }
  return out;
}

export const actionId = (sessionId: string, planItemId: string): string => `${sessionId}/${planItemId}`;

interface Verdict { sessionId: string; validated: boolean; note: string; at: number }

/**
 * Every corrective action in the sessions, oldest run first, plan order within a run; with `only`,
 * those one session raised (every log is still read for the verdicts on them).
 */
export function buildRegister(sessions: readonly RegisterSession[], records: readonly ActionRecord[], today: string, only?: string): RegisterAction[] {
  const tracked = new Map(records.map((r) => [r.id, r]));
  const verdicts = new Map<string, Verdict>();
  for (const s of sessions) {
    for (const e of s.events) {
      if (!isEngineEvent(e) || e.type !== 'action.validated') continue;
      const prior = verdicts.get(e.payload.action);
      if (!prior || prior.at <= e.wall) verdicts.set(e.payload.action, { sessionId: s.sessionId, validated: e.payload.validated, note: e.payload.note, at: e.wall });
    }
  }
  const out: RegisterAction[] = [];
  for (const s of [...sessions].sort((a, b) => a.createdAt - b.createdAt)) {
    if (only !== undefined && s.sessionId !== only) continue;
    const state = reduce(s.scenario, s.events);
    for (const item of state.plan.values()) {
      const id = actionId(s.sessionId, item.id);
      const record = tracked.get(id);
      const verdict = verdicts.get(id) ?? null;
      const objective = item.objective === null ? undefined : s.scenario.objectives.find((o) => o.id === item.objective);
      const status = statusOf(record, verdict);
      out.push({
        id, sessionId: s.sessionId, planItemId: item.id, scenarioId: s.scenario.id, scenarioTitle: s.scenario.title,
        raisedAt: state.started?.wall ?? s.createdAt,
        issue: item.issue, correctiveAction: item.corrective_action, objective: item.objective, objectiveTitle: objective?.title ?? null,
        capability: objective?.capability ?? null, owner: item.owner, contact: record?.contact ?? '', start: record?.start ?? '', due: item.due,
        status, validation: verdict,
        overdue: item.due !== '' && item.due < today && status !== 'done' && status !== 'validated',
      });
    }
  }
  return out;
}

/**
 * The later of the register's own record and the last run's verdict decides. A run that validates
 * an action makes it `validated`; a run that finds it not validated sends a `done` (or earlier
 * `validated`) action back to `in progress`, and leaves an open or in-progress one as it was.
 */
function statusOf(record: ActionRecord | undefined, verdict: Verdict | null): ActionStatus {
  const base: ActionStatus = record?.status ?? 'open';
  if (!verdict || (record && record.updatedAt > verdict.at)) return base;
  if (verdict.validated) return 'validated';
  return base === 'done' || base === 'validated' ? 'in progress' : base;
}

/** The debrief with each plan item's standing in the register (`actions`: the whole register). */
export function withRegisterStatus(debrief: Debrief, sessionId: string, actions: readonly RegisterAction[]): Debrief {
  if (debrief.improvement_plan.length === 0) return debrief;
  const byItem = new Map(actions.filter((a) => a.sessionId === sessionId).map((a) => [a.planItemId, a]));
  return {
    ...debrief,
    improvement_plan: debrief.improvement_plan.map((item) => {
      const a = byItem.get(item.id);
      if (!a) return item;
      const validation = a.validation ? { session: a.validation.sessionId, validated: a.validation.validated, note: a.validation.note } : null;
      return { ...item, register: { id: a.id, status: a.status, validation } };
    }),
  };
}

export function filterRegister(actions: readonly RegisterAction[], filter: RegisterFilter): RegisterAction[] {
  const owner = filter.owner?.trim().toLowerCase();
  const capability = filter.capability?.trim().toLowerCase();
  return actions.filter((a) =>
    (!filter.status || filter.status.length === 0 || filter.status.includes(a.status))
    && (!owner || a.owner.trim().toLowerCase() === owner)
    && (!capability || (a.capability ?? '').toLowerCase() === capability)
    && (filter.overdue === undefined || a.overdue === filter.overdue));
}

/**
 * The open actions a new run of `scenario` can test: raised in earlier runs, on an objective of the
 * same scenario or on one with a capability this scenario exercises, and not yet validated (or
 * validated by this very run, so that the facilitator still sees what they marked).
 */
export function carriedActions(actions: readonly RegisterAction[], session: RegisterSession): RegisterAction[] {
  const objectives = new Set(session.scenario.objectives.map((o) => o.id));
  const capabilities = new Set(session.scenario.objectives.flatMap((o) => (o.capability ? [o.capability.toLowerCase()] : [])));
  return actions.filter((a) => {
    // Raised in another run that started before this one did (or before now, for one not started).
    if (a.sessionId === session.sessionId || a.raisedAt > (session.events.find((e) => e.type === 'session.started')?.wall ?? Infinity)) return false;
    const linked = (a.scenarioId === session.scenario.id && a.objective !== null && objectives.has(a.objective))
      || (a.capability !== null && capabilities.has(a.capability.toLowerCase()));
    return linked && (a.status !== 'validated' || a.validation?.sessionId === session.sessionId);
  });
}

// ---- changes (the Register view's edits and CSV imports) ----

export type Applied = { ok: true; records: ActionRecord[]; changes: ActionFieldChange[] } | { ok: false; problems: ImportProblem[] };

/**
 * The records to write for `changes`, and what they change; all or nothing. An unknown id, a
 * status the register does not have or a malformed date refuses the lot.
 */
export function applyChanges(actions: readonly RegisterAction[], changes: readonly (ActionChange & { row?: number })[], now: number): Applied {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const records: ActionRecord[] = [];
  const fieldChanges: ActionFieldChange[] = [];
  changes.forEach((change, i) => {
    const row = change.row ?? i + 1;
    const action = byId.get(change.id);
    if (!action) {
      problems.push({ row, column: 'id', message: `There is no corrective action '${change.id}' in this data file; an import only updates actions the register already holds.` });
      return;
    }
    if (seen.has(change.id)) {
      problems.push({ row, column: 'id', message: `The action '${change.id}' appears twice; keep one row for it.` });
      return;
    }
    seen.add(change.id);
    const next = { status: change.status ?? action.status, contact: change.contact ?? action.contact, start: change.start ?? action.start };
    const changed = (['status', 'contact', 'start'] as const).filter((f) => next[f] !== action[f]);
    if (changed.length === 0) return;
    for (const field of changed) fieldChanges.push({ id: action.id, field, from: action[field], to: next[field] });
    records.push({ id: action.id, ...next, updatedAt: now });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records, changes: fieldChanges };
}

// ---- files ----

export const REGISTER_COLUMNS = [
  'id', 'status', 'capability', 'owner', 'contact', 'start', 'due', 'overdue', 'issue', 'corrective_action',
  'objective', 'scenario', 'session', 'validated_in', 'validation_note',
] as const;

/** The columns an import reads; the others are there to be read by people and are ignored. */
export const IMPORTED_COLUMNS = ['status', 'contact', 'start'] as const;

function csvRow(a: RegisterAction): string[] {
  const cells: Record<(typeof REGISTER_COLUMNS)[number], string> = {
    id: a.id, status: a.status, capability: a.capability ?? '', owner: a.owner, contact: a.contact, start: a.start, due: a.due,
    overdue: a.overdue ? 'yes' : 'no', issue: a.issue, corrective_action: a.correctiveAction, objective: a.objective ?? '',
    scenario: a.scenarioId, session: a.sessionId,
    validated_in: a.validation ? `${a.validation.sessionId} (${a.validation.validated ? 'validated' : 'not validated'})` : '',
    validation_note: a.validation?.note ?? '',
  };
  return REGISTER_COLUMNS.map((c) => csvField(cells[c]));
}

/** RFC 4180 with CRLF, cells neutralized against spreadsheet formulas (as the reports' CSV). */
export function registerCsv(actions: readonly RegisterAction[]): string {
  return [REGISTER_COLUMNS.join(','), ...actions.map((a) => csvRow(a).join(','))].map((l) => `${l}\r\n`).join('');
}

export function registerJson(actions: readonly RegisterAction[]): string {
  return `${JSON.stringify({ format: 'drillbook/register@1', actions }, null, 2)}\n`;
}

/** Undoes the export's formula guard: a leading apostrophe before = + - @ tab or CR was ours. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : `${columnLetter(Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`);

/**
 * The changes a register CSV asks for, from its parsed records (the first is the header). Strict:
 * `id` and `status` columns are required, every row has the header's width, statuses and dates
 * are checked; problems are located by row (the header is row 1) and column.
 */
export function changesFromCsv(records: readonly (readonly string[])[]): { ok: true; changes: (ActionChange & { row: number })[] } | { ok: false; problems: ImportProblem[] } {
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ row: 1, column: '-', message: 'The file is empty: a register CSV starts with a header row (id,status,...).' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: ImportProblem[] = [];
  for (const required of ['id', 'status']) {
    if (!names.includes(required)) problems.push({ row: 1, column: required, message: `The header has no '${required}' column; export the register as CSV to get the columns an import reads.` });
  }
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) problems.push({ row: 1, column: `${n} (${columnLetter(i)})`, message: `The column '${n}' appears twice.` });
  });
  if (problems.length > 0) return { ok: false, problems };
  const col = (name: string): number => names.indexOf(name);
  const where = (name: string): string => `${name} (${columnLetter(col(name))})`;
  const changes: (ActionChange & { row: number })[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== names.length) {
      problems.push({ row, column: '-', message: `The row has ${cells.length} cells; the header has ${names.length}.` });
      return;
    }
    const cell = (name: string): string | undefined => (col(name) < 0 ? undefined : unguard(cells[col(name)] ?? ''));
    const id = (cell('id') ?? '').trim();
    if (id === '') {
      problems.push({ row, column: where('id'), message: 'The id is empty; every row names the action it updates.' });
      return;
    }
    const status = (cell('status') ?? '').trim().toLowerCase().replace(/[_-]/g, ' ');
    if (!(ACTION_STATUSES as readonly string[]).includes(status)) {
      problems.push({ row, column: where('status'), message: `'${cell('status') ?? ''}' is not a status; use one of ${ACTION_STATUSES.join(', ')}.` });
      return;
    }
    const change: ActionChange & { row: number } = { row, id, status: status as ActionStatus };
    const contact = cell('contact');
    if (contact !== undefined) {
      if (contact.length > LIMITS.name || contact.includes('\u0000')) {
        problems.push({ row, column: where('contact'), message: `The contact is too long or holds a NUL character (the limit is ${LIMITS.name} characters).` });
        return;
      }
      change.contact = contact.trim();
    }
    const start = cell('start');
    if (start !== undefined) {
      const s = start.trim();
      if (s !== '' && !DATE_PATTERN.test(s)) {
        problems.push({ row, column: where('start'), message: `'${start}' is not a date: write YYYY-MM-DD, or leave it empty.` });
        return;
      }
      change.start = s;
    }
    changes.push(change);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/** A problem as one line: `row 3, column status (B): ...`. */
export function problemLine(p: ImportProblem): string {
  return `row ${p.row}, column ${p.column}: ${p.message}`;
}

/** A change as one line: `S1/plan-1: status open -> done`. */
export function changeLine(c: ActionFieldChange): string {
  const show = (v: string) => (v === '' ? '(empty)' : JSON.stringify(v).slice(1, -1));
  return `${c.id}: ${c.field} ${show(c.from)} -> ${show(c.to)}`;
}
