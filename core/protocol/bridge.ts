// The Bridge: the one typed API between the UI and a host. The renderer talks to it; the Electron
// preload (IPC), the LAN server (WebSocket) and the in-process bridge (tests, in-page demo) carry
// it. Every request and answer is JSON. Requests from an untrusted side are checked with
// `parseBridgeRequest` against the schemas below, the same definitions on every transport.
import { z } from 'zod';
import { LIMITS, ParticipantSchema, personName, planItemFields, roleAudience, slug, storedId, text } from './fields.ts';
import type { Scenario, LoadError, Rating } from '../scenario/types.ts';
import type { LintFinding } from '../scenario/lint/types.ts';
import type { ScenarioChange } from '../author/diff.ts';
import type { Debrief, DebriefPlanItem } from '../scoring/debrief-types.ts';
import type { Trends } from '../scoring/trends.ts';
import type { FacilitatorView, Projection, RoleView, RoomView } from '../engine/projections.ts';
import { REPORT_FORMATS } from '../report/formats.ts';
import { ActionChangeSchema, ActionIdSchema, RegisterFilterSchema, type ActionFieldChange, type RegisterAction } from './register.ts';

// ---- answers ----

export interface BridgeError {
  /** A stable, machine-readable code (`not-found`, `invalid-request`, `invalid-scenario`, `rejected`, ...). */
  code: string;
  /** What happened and what to do, written for the person at the screen. */
  message: string;
  /** For `invalid-scenario`: the validator's located errors. */
  errors?: LoadError[];
  /** For `invalid-scenario`: what drillbook lint still finds in the text (a value cut by a comment often explains an error). */
  lint?: LintFinding[];
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, errors?: LoadError[], lint?: LintFinding[]): { ok: false; error: BridgeError } {
  return { ok: false, error: { code, message, ...(errors ? { errors } : {}), ...(lint?.length ? { lint } : {}) } };
}

// ---- shared pieces ----

/** The format's own limit on a scenario file. */
export const MAX_SCENARIO_BYTES = 1_048_576;
/**
 * The largest register CSV the app's import takes (it must fit the facilitator socket's frames in
 * browser mode); `drillbook register --import` reads larger files.
 */
export const MAX_REGISTER_CSV_BYTES = 1_048_576;

export const IdSchema = storedId();
export const SlugSchema = slug();

/** Who sees: the facilitator (everything), the room screen (what is addressed to everyone), one role. */
export type Audience = 'facilitator' | 'room' | `role:${string}`;
export const AudienceSchema = z.union([z.literal('facilitator'), z.literal('room'), roleAudience()]);

/** Who acts: the facilitator or one role. The system never acts through the bridge. */
export type BridgeActor = 'facilitator' | `role:${string}`;
export const BridgeActorSchema = z.union([z.literal('facilitator'), roleAudience()]);

/** The report formats (core/report/formats.ts), and `bundle`: the session itself as a portable `.drillbook` file (made by the host). */
export const EXPORT_FORMATS = [...REPORT_FORMATS, 'bundle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A plan item as the debrief's editor holds it: the engine's fields, with the item's id. */
export const PlanItemSchema = z.object({
  id: IdSchema,
  ...planItemFields(),
  objective: SlugSchema.nullable(),
});

/** A participant as the setup form gives one: a trimmed name and at least one role. */
export const SeatedParticipantSchema = ParticipantSchema.extend({
  name: personName(),
  roles: ParticipantSchema.shape.roles.min(1),
});

// ---- requests ----

export const bridgeRequestSchemas = {
  'library.list': z.object({}),
  'library.get': z.object({ entryId: IdSchema }),
  'library.import': z.object({
    fileName: z.string().trim().min(1).max(LIMITS.fileName),
    text: z.string().max(MAX_SCENARIO_BYTES),
  }),
  'library.duplicate': z.object({ entryId: IdSchema }),
  /**
   * Saves a text as the next version of an entry, or as a new entry without `entryId`. A text with
   * errors is kept as a draft version (ready: false); the library lists and starts sessions from the
   * latest ready version.
   */
  'library.save': z.object({
    entryId: IdSchema.optional(),
    fileName: z.string().trim().min(1).max(LIMITS.fileName),
    text: text(MAX_SCENARIO_BYTES),
    note: text(LIMITS.title).default(''),
  }),
  'library.versions': z.object({ entryId: IdSchema }),
  'library.version': z.object({ entryId: IdSchema, version: z.number().int().min(1) }),
  'library.diff': z.object({ entryId: IdSchema, from: z.number().int().min(1), to: z.number().int().min(1) }),
  /** Appends a new version with an earlier version's text: history is never rewritten. */
  'library.restore': z.object({ entryId: IdSchema, version: z.number().int().min(1), note: text(LIMITS.title).optional() }),
  /** The shipped plays written for a scenario id (the Rehearse tab's "Run a play"). */
  'library.plays': z.object({ scenarioId: slug() }),
  /** A scenario's facilitator pack in print: the situation manual (of one role, or common) or the facilitator guide. */
  'library.guide': z.object({
    entryId: IdSchema,
    audience: z.enum(['participants', 'facilitator']),
    role: SlugSchema.optional(),
    format: z.enum(['html', 'md', 'pdf']).default('pdf'),
  }),
  'sessions.create': z.object({
    entryId: IdSchema,
    facilitator: personName(),
    participants: z.array(SeatedParticipantSchema).max(LIMITS.participants),
    /** Whether a room screen is shown (a projector); informational for the host and the report. */
    roomScreen: z.boolean().default(true),
    /** How roles enter decisions: turns on one shared screen, or each on its own device. */
    seating: z.enum(['hot-seat', 'own-devices']).default('hot-seat'),
  }),
  'sessions.list': z.object({}),
  'sessions.open': z.object({ sessionId: IdSchema }),
  'sessions.compare': z.object({ sessionIds: z.array(IdSchema).min(1).max(LIMITS.compareSessions) }),
  /** The comparison of runs as a file: CSV (one row per run and measure) or one HTML page. */
  'sessions.exportComparison': z.object({ sessionIds: z.array(IdSchema).min(1).max(LIMITS.compareSessions), format: z.enum(['csv', 'html']) }),
  /** Each objective's and capability's rating over the ended runs in the data file (imported ones included). */
  'sessions.trends': z.object({}),
  /**
   * Session bundles (`.drillbook` files) from other facilitators, kept in the data file read-only;
   * a session id already there (imported before, or this file's own) is skipped, never overwritten.
   */
  'sessions.importBundles': z.object({
    files: z.array(z.object({
      fileName: z.string().trim().min(1).max(LIMITS.fileName),
      /** The file's bytes, base64. */
      content: z.string().min(1).max(LIMITS.bundleBase64),
    })).min(1).max(LIMITS.bundlesPerImport),
  }),
  /** A command as an actor. The engine's own schema checks `command` inside the service. */
  'live.dispatch': z.object({ sessionId: IdSchema, actor: BridgeActorSchema, command: z.unknown() }),
  /** What an audience saw just after event `seq` (the fold of events 1..seq, projected). */
  'live.replay': z.object({ sessionId: IdSchema, audience: AudienceSchema, seq: z.number().int().min(0) }),
  'debrief.get': z.object({ sessionId: IdSchema }),
  'debrief.savePlan': z.object({ sessionId: IdSchema, items: z.array(PlanItemSchema).max(LIMITS.planItems) }),
  'debrief.saveHotwash': z.object({
    sessionId: IdSchema,
    answers: z.array(z.object({ index: z.number().int().min(0).max(LIMITS.hotwashAnswers), answer: text(LIMITS.hotwash) })).max(LIMITS.hotwashAnswers),
  }),
  'debrief.rate': z.object({
    sessionId: IdSchema,
    objective: SlugSchema,
    rating: z.enum(['P', 'S', 'M', 'U']),
    reason: text(LIMITS.reason).pipe(z.string().trim().min(1)),
  }),
  'report.export': z.object({
    sessionId: IdSchema,
    format: z.enum(EXPORT_FORMATS),
    anonymize: z.boolean().default(false),
    includeNotes: z.boolean().default(true),
  }),
  /** The corrective-action register across every session, filtered. */
  'register.list': z.object({ filter: RegisterFilterSchema.default({}) }),
  /** Tracking changes (status, contact, start) of actions the register holds; all or nothing. */
  'register.update': z.object({ changes: z.array(ActionChangeSchema).min(1).max(LIMITS.registerRows) }),
  /** The register (filtered) as CSV or JSON, with the actions' stable ids. */
  'register.export': z.object({ format: z.enum(['csv', 'json']), filter: RegisterFilterSchema.default({}) }),
  /** A register CSV brought back (a ticket system's edits): updates statuses, contacts and start dates; all or nothing. */
  'register.import': z.object({ text: z.string().max(MAX_REGISTER_CSV_BYTES) }),
  /** The open corrective actions from earlier runs that this session can test, and those it has. */
  'register.carried': z.object({ sessionId: IdSchema }),
  /** This run's verdict on a carried action, recorded in the session's log. */
  'register.validate': z.object({ sessionId: IdSchema, action: ActionIdSchema, validated: z.boolean(), note: text(LIMITS.reason) }),
} as const;

export type BridgeMethod = keyof typeof bridgeRequestSchemas;
/** What a caller passes (defaults may be left out). */
export type BridgeParams<M extends BridgeMethod> = z.input<(typeof bridgeRequestSchemas)[M]>;
/** What a handler receives after parsing (defaults filled). */
export type ParsedParams<M extends BridgeMethod> = z.output<(typeof bridgeRequestSchemas)[M]>;

export const SubscribeSchema = z.object({ sessionId: IdSchema, audience: AudienceSchema });
export type SubscribeParams = z.infer<typeof SubscribeSchema>;

// ---- values ----

export type ScenarioSource = 'shipped' | 'imported';

export interface LibraryEntry {
  /** Identity of this copy in the library (a shipped file, an import, a duplicate). */
  entryId: string;
  scenarioId: string;
  title: string;
  level: string;
  duration_s: number;
  summary: string;
  tags: string[];
  source: ScenarioSource;
  fileName: string;
  contentHash: string;
  roles: { id: string; title: string }[];
  injectCount: number;
  importedAt: number | null;
}

export interface LibraryEntryDetail extends LibraryEntry {
  scenario: Scenario;
  text: string;
  /** drillbook lint's findings on the text, silenced ones included (they carry `silenced`, the why). */
  lint: LintFinding[];
}

/** The answer to `library.import`: the new entry and what drillbook lint finds in it. */
export interface ImportedEntry extends LibraryEntry {
  lint: LintFinding[];
}

/** One saved version of a library entry (`library.versions`). */
export interface LibraryVersion {
  version: number;
  fileName: string;
  contentHash: string;
  /** Null for a shipped file (it was never saved here). */
  savedAt: number | null;
  note: string;
  /** It loaded with no error: a draft with errors is kept but never listed or run. */
  ready: boolean;
  /** The sessions that ran this exact text (same entry, same content hash). */
  sessionIds: string[];
}

/** The answer to `library.save` and `library.restore`: the new version and what the checks found. */
export interface SavedVersion extends LibraryVersion {
  entryId: string;
  /** The loader's errors: a version with any is a draft (not ready). */
  errors: LoadError[];
  lint: LintFinding[];
}

/** One version's exact text (`library.version`). */
export interface VersionText {
  entryId: string;
  version: number;
  fileName: string;
  contentHash: string;
  ready: boolean;
  text: string;
}

/** A play script (drillbook/play@1) and its file name (`library.plays`). */
export interface PlayFile {
  fileName: string;
  text: string;
}

/** The readable change list from one version to another (`library.diff`). */
export interface VersionDiff {
  entryId: string;
  from: number;
  to: number;
  changes: ScenarioChange[];
}

export type SessionStatus = 'setup' | 'running' | 'paused' | 'ended';

export interface SessionParticipant {
  name: string;
  roles: string[];
}

export interface SessionSummary {
  sessionId: string;
  entryId: string;
  scenarioId: string;
  scenarioTitle: string;
  facilitator: string;
  participants: SessionParticipant[];
  roomScreen: boolean;
  seating: 'hot-seat' | 'own-devices';
  status: SessionStatus;
  createdAt: number;
  /**
   * When the facilitator first started the clock (the `session.started` event's wall time), or
   * null before: a session's start everywhere (History, `drillbook sessions`, the report).
   */
  startedAt: number | null;
  endedAt: number | null;
  /** Overall percent once the session has ended; null before. */
  percent: number | null;
  /**
   * Set for a session opened from a session bundle (a `.drillbook` file): it can be reviewed,
   * replayed and exported, never changed; requests that would change it fail with `read-only`.
   */
  readOnly?: boolean;
  /** For a bundle: the session's id in the data file it was exported from. */
  sourceSessionId?: string;
  /** Set for a session imported from another facilitator's bundle (read-only too): where it came from. */
  origin?: SessionOrigin;
}

/** Where an imported session came from (sessions.importBundles). */
export interface SessionOrigin {
  /** The bundle's file name as it was imported. */
  bundleFile: string;
  /** When the bundle was exported, and by which version of Drillbook. */
  exportedAt: number;
  appVersion: string;
  importedAt: number;
}

/** What one sessions.importBundles did with each file. */
export interface BundleImportResult {
  fileName: string;
  sessionId: string | null;
  outcome: 'imported' | 'already-imported' | 'exists-locally' | 'refused';
  /** For a refusal: what is wrong with the file. */
  message?: string;
}

export interface SessionDetail extends SessionSummary {
  roles: { id: string; title: string }[];
  objectives: { id: string; title: string }[];
  /** How many events the log holds (the replay scrubber's range). */
  eventCount: number;
}

export interface ComparisonRun {
  sessionId: string;
  createdAt: number;
  facilitator: string;
  status: SessionStatus;
  percent: number | null;
  /** When the facilitator first started the clock, or null (never started). */
  startedAt: number | null;
  /** The overall rating in force (capped as in the report), null while nothing was possible. */
  rating: Rating | null;
  /** The hash of the scenario text the run used: runs with different hashes ran different versions. */
  contentHash: string;
  /** For a run imported from another facilitator's bundle: its bundle file. */
  origin: string | null;
  objectives: { id: string; title: string; percent: number | null; rating: Rating | null }[];
  metrics: { name: string; at_s: number | null; target_s: number }[];
}

export interface Comparison {
  scenarioId: string;
  scenarioTitle: string;
  runs: ComparisonRun[];
}

export interface DispatchAck {
  /** The seq of the last event the command produced. */
  seq: number;
}

export interface ExportedReport {
  format: ExportFormat;
  fileName: string;
  mime: string;
  /** The file's text (html, md, csv, json), or base64 for binary formats (pdf). */
  content: string;
  encoding: 'utf8' | 'base64';
  /** Set when the host wrote the file itself (desktop: a save dialog). */
  path?: string;
}

export interface BridgeValues {
  'library.list': LibraryEntry[];
  'library.get': LibraryEntryDetail;
  'library.import': ImportedEntry;
  'library.duplicate': LibraryEntry;
  'library.save': SavedVersion;
  'library.versions': LibraryVersion[];
  'library.version': VersionText;
  'library.diff': VersionDiff;
  'library.restore': SavedVersion;
  'library.plays': PlayFile[];
  'library.guide': ExportedReport;
  'sessions.create': SessionSummary;
  'sessions.list': SessionSummary[];
  'sessions.open': SessionDetail;
  'sessions.compare': Comparison;
  'sessions.exportComparison': ExportedReport;
  'sessions.trends': Trends;
  'sessions.importBundles': BundleImportResult[];
  'live.dispatch': DispatchAck;
  /** The projection of the audience at that seq (the engine's projection, as JSON). */
  'live.replay': Projection;
  'debrief.get': Debrief;
  'debrief.savePlan': DebriefPlanItem[];
  'debrief.saveHotwash': Debrief['hotwash'];
  'debrief.rate': DispatchAck;
  'report.export': ExportedReport;
  'register.list': RegisterAction[];
  'register.update': RegisterChanges;
  'register.export': ExportedReport;
  'register.import': RegisterChanges;
  'register.carried': RegisterAction[];
  'register.validate': RegisterAction;
}

/** What a register edit or import changed, field by field (empty when the file matched the register). */
export interface RegisterChanges {
  changes: ActionFieldChange[];
}

// ---- pushed updates ----

export type ConnectionState = 'connected' | 'connecting' | 'lost';

export type BridgeUpdate =
  /** The audience's whole projection (sent on subscribe and after every change). */
  | { kind: 'projection'; sessionId: string; audience: Audience; projection: Projection }
  /** The subscription failed or ended (unknown session, not allowed). */
  | { kind: 'error'; sessionId: string; audience: Audience; error: BridgeError };

/** The projection an audience receives: the facilitator's, the room's, or a role's. */
export type ProjectionFor<A extends Audience> = A extends 'facilitator' ? FacilitatorView : A extends 'room' ? RoomView : RoleView;

/**
 * The projection if it is of the audience's kind, else null: a view built for another audience
 * (a host's mistake, or a stale push after the audience changed) is never shown as this one.
 */
export function projectionFor<A extends Audience>(audience: A, projection: Projection | null | undefined): ProjectionFor<A> | null {
  if (!projection) return null;
  const kind = audience === 'facilitator' || audience === 'room' ? audience : 'role';
  return projection.audience === kind ? (projection as ProjectionFor<A>) : null;
}

// ---- the interface every transport implements ----

export interface Bridge {
  request<M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<BridgeValues[M]>>;
  /**
   * Pushes the audience's projection now and after each change, until the returned function is
   * called. A transport that reconnects subscribes again by itself and pushes the fresh projection,
   * so a view never needs to know that the connection dropped.
   */
  subscribe(params: SubscribeParams, listener: (update: BridgeUpdate) => void): () => void;
  /** The transport's connection; an in-process bridge is always connected. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

// ---- parsing untrusted input ----

export type ParsedRequest = { [M in BridgeMethod]: { method: M; params: ParsedParams<M> } }[BridgeMethod];

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}

/** Checks a request from an untrusted side (IPC, a socket). */
export function parseBridgeRequest(method: unknown, params: unknown): BridgeResult<ParsedRequest> {
  if (typeof method !== 'string' || !Object.hasOwn(bridgeRequestSchemas, method)) {
    return fail('unknown-method', `Unknown request '${String(method).slice(0, 60)}'.`);
  }
  const schema = bridgeRequestSchemas[method as BridgeMethod];
  const parsed = schema.safeParse(params ?? {});
  if (!parsed.success) {
    return fail('invalid-request', `The request '${method}' is malformed: ${describeIssues(parsed.error)}.`);
  }
  return ok({ method, params: parsed.data } as ParsedRequest);
}

export function parseSubscribe(params: unknown): BridgeResult<SubscribeParams> {
  const parsed = SubscribeSchema.safeParse(params);
  if (!parsed.success) return fail('invalid-request', `The subscription is malformed: ${describeIssues(parsed.error)}.`);
  return ok(parsed.data);
}
