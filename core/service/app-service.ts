// The application service: the one place where Bridge requests are handled, on top of the engine
// runtime, the loader and scoring. Platform-free: storage, timers, the wall clock and ids are
// injected. The Electron main process, the LAN server and the in-process bridge all wrap it.
import { recoverRuntime } from '../engine/recovery.ts';
import { SessionRuntime, type TimerHost } from '../engine/runtime.ts';
import type { Command } from '../engine/commands.ts';
import type { Actor, EventStore, SessionEvent } from '../engine/event.ts';
import { project, type Audience as EngineAudience, type Projection } from '../engine/projections.ts';
import { reduce } from '../engine/reduce.ts';
import type { SessionState } from '../engine/state.ts';
import { parseCommand } from '../protocol/commands.ts';
import {
  fail, ok, parseBridgeRequest, parseSubscribe,
  type Audience, type BridgeResult, type BridgeUpdate, type BridgeValues, type Comparison, type ExportedReport,
  type ParsedParams, type ParsedRequest, type SessionDetail, type SessionSummary,
} from '../protocol/bridge.ts';
import { EXPORT_FILE_TYPES, isTextReportFormat, renderPrintHtml, renderReport, REPORT_FILES } from '../report/index.ts';
import { guideFileName, renderGuide } from '../guide/index.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { computeDebrief } from '../scoring/debrief.ts';
import type { Debrief } from '../scoring/debrief-types.ts';
import { Library, type ShippedScenario } from './library.ts';
import type { ServiceStorage, StoredSessionRecord } from './storage.ts';
import { ViewPusher, type PushScheduler } from './view-pusher.ts';

/** Exports that need a host (pdf: a browser prints the HTML). Returns the file, or an error. */
export type HostExporter = (html: string, fileName: string) => Promise<BridgeResult<ExportedReport>>;

/** A session bundle of a stored session, made by the host from its data file. */
export type BundleExporter = (sessionId: string, fileName: string) => Promise<BridgeResult<ExportedReport>>;

export interface AppServiceOptions {
  storage: ServiceStorage;
  timers: TimerHost;
  shipped?: readonly ShippedScenario[];
  /** Wall-clock epoch ms. */
  wall: () => number;
  /** A new unique id (sessions, imported scenarios). */
  newId: () => string;
  /** Where a PDF comes from; without it, pdf export says which app can make one. */
  pdf?: HostExporter;
  /** Where a session bundle comes from; without it, bundle export says where one can be made. */
  bundle?: BundleExporter;
  /** Told about things that went wrong off the request path (a shipped file that does not load, a failed delivery). */
  onError?: (message: string) => void;
  /**
   * Coalesced view pushes (see view-pusher.ts): after a change, each audience's view goes out once,
   * on a later turn, at most once per `intervalMs` (default 16). Without it every change is pushed
   * inside the dispatch that made it, which tests on virtual time and the in-page demo rely on.
   */
  views?: { scheduler: PushScheduler; intervalMs?: number };
}

/** Why the host paused a running session (the engine's pause reasons a host may give). */
export type HostPauseReason = 'suspend' | 'clock-jump' | 'host';

interface LiveSession {
  record: StoredSessionRecord;
  scenario: Scenario;
  runtime: SessionRuntime;
  /** Set when views are coalesced (options.views): subscribers are served through it. */
  pusher?: ViewPusher;
  /** Set for a session opened from a bundle: its id in the file it came from. Nothing changes it. */
  reviewOf?: string;
}

/** A session read from a session bundle by the host (reading files is the host's part). */
export interface SessionReview {
  /** The session as the bundle holds it; `sessionId` is its id in the data file it came from. */
  record: StoredSessionRecord;
  events: readonly SessionEvent[];
}

/** The id a reviewed bundle goes by: a stored session id never holds a '.', so the two never meet. */
export function reviewIdOf(sessionId: string): string {
  return `bundle.${sessionId}`;
}

// A review never runs: its clock stands at the last event and nothing is ever appended.
const STILL_TIMERS: TimerHost = { now: () => 0, setTimer: () => null, clearTimer: () => {} };
function frozenStore(events: readonly SessionEvent[]): EventStore {
  return {
    append: () => {
      throw new Error('A session opened from a bundle is read-only.');
    },
    load: () => [...events],
  };
}

const MIME = Object.fromEntries(Object.entries(EXPORT_FILE_TYPES).map(([format, type]) => [format, type.mime])) as Record<ExportedReport['format'], string>;

function toEngineAudience(audience: Audience): EngineAudience {
  if (audience === 'facilitator' || audience === 'room') return { kind: audience };
  return { kind: 'role', role: audience.slice('role:'.length) };
}

export class AppService {
  private readonly library: Library;
  private readonly sessions = new Map<string, LiveSession>();
  private readonly onError: (message: string) => void;

  constructor(private readonly options: AppServiceOptions) {
    this.onError = options.onError ?? (() => {});
    this.library = new Library(options.storage.scenarios, options.shipped ?? [], options.newId, options.wall,
      (file, message) => this.onError(`The shipped scenario ${file} does not load and is left out: ${message}`));
  }

  /** Handles a request from any transport: checks it, then answers. Never throws. */
  async request(method: unknown, params: unknown): Promise<BridgeResult<unknown>> {
    const parsed = parseBridgeRequest(method, params);
    if (!parsed.ok) return parsed;
    try {
      return await this.handle(parsed.value);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.onError(message);
      return fail('internal', `Drillbook could not complete '${parsed.value.method}': ${message}`);
    }
  }

  private async handle(request: ParsedRequest): Promise<BridgeResult<unknown>> {
    switch (request.method) {
      case 'library.list': return ok(this.library.list());
      case 'library.get': return this.library.get(request.params.entryId);
      case 'library.import': return this.library.import(request.params.fileName, request.params.text);
      case 'library.duplicate': return this.library.duplicate(request.params.entryId);
      case 'library.guide': return this.exportGuide(request.params);
      case 'sessions.create': return this.createSession(request.params);
      case 'sessions.list': return ok(this.listSessions());
      case 'sessions.open': return this.openSession(request.params.sessionId);
      case 'sessions.compare': return this.compare(request.params.sessionIds);
      case 'live.dispatch': return this.dispatch(request.params.sessionId, request.params.actor, request.params.command);
      case 'live.replay': return this.replay(request.params);
      case 'debrief.get': return this.debrief(request.params.sessionId);
      case 'debrief.savePlan': return this.savePlan(request.params);
      case 'debrief.saveHotwash': return this.saveHotwash(request.params);
      case 'debrief.rate': return this.dispatch(request.params.sessionId, 'facilitator',
        { type: 'objective.rate', objective: request.params.objective, rating: request.params.rating, reason: request.params.reason });
      case 'report.export': return this.exportReport(request.params);
    }
  }

  /**
   * Opens a session read from a bundle for review: in memory, under its own id (reviewIdOf),
   * never stored and never changed; the debrief, replay and exports work as for any session.
   * Opening the same session again replaces the earlier review.
   */
  openReview(review: SessionReview): BridgeResult<SessionDetail> {
    const loaded = loadScenario(review.record.scenarioText, review.record.scenarioFileName);
    if (!loaded.ok) {
      return fail('invalid-scenario', `The scenario in the bundle (${review.record.scenarioFileName}) does not load in this version of Drillbook; open the bundle with the version that wrote it.`, loaded.errors);
    }
    const id = reviewIdOf(review.record.sessionId);
    this.disposeLive(this.sessions.get(id));
    const runtime = new SessionRuntime({ scenario: loaded.value, sessionId: id, store: frozenStore(review.events), timers: STILL_TIMERS, wall: this.options.wall, events: review.events });
    runtime.dispose();
    this.sessions.set(id, { record: { ...review.record, sessionId: id }, scenario: loaded.value, runtime, reviewOf: review.record.sessionId });
    return this.openSession(id);
  }

  private readOnly(live: LiveSession): { ok: false; error: { code: string; message: string } } {
    return fail('read-only', `This session (${live.reviewOf ?? live.record.sessionId}) was opened from a session bundle and is read-only: review it and export its report here; changes belong in the Drillbook that ran it.`);
  }

  // ---- sessions ----

  private createSession(params: ParsedParams<'sessions.create'>): BridgeResult<SessionSummary> {
    const found = this.library.find(params.entryId);
    if (!found) return fail('not-found', `There is no scenario '${params.entryId}' in the library to start a session from.`);
    const record: StoredSessionRecord = {
      sessionId: this.options.newId(), entryId: params.entryId, scenarioText: found.stored.text, scenarioFileName: found.stored.fileName,
      contentHash: found.stored.contentHash, createdAt: this.options.wall(), roomScreen: params.roomScreen, seating: params.seating,
    };
    this.options.storage.sessions.put(record);
    const live = this.start(record, found.scenario, false);
    const setup = live.runtime.dispatch('facilitator', { type: 'session.setup', facilitator: params.facilitator, participants: params.participants });
    if (!setup.ok) return fail(setup.rejection.code, setup.rejection.message);
    return ok(this.summary(live));
  }

  private start(record: StoredSessionRecord, scenario: Scenario, recover: boolean): LiveSession {
    const onError = (error: unknown) => this.onError(`Session ${record.sessionId}: ${error instanceof Error ? error.message : String(error)}`);
    const views = this.options.views;
    const storage = this.options.storage.events;
    // Every change, a command's or a scheduled delivery's, is a committed append: the signal to push.
    let pusher: ViewPusher | undefined;
    // The clock notes pass through too: recovery depends on them (issue 14: lose seconds, not minutes).
    const store: EventStore = views
      ? {
          append: (id, batch) => { storage.append(id, batch); pusher?.changed(); },
          load: (id) => storage.load(id),
          ...(storage.saveClock ? { saveClock: storage.saveClock.bind(storage) } : {}),
          ...(storage.loadClock ? { loadClock: storage.loadClock.bind(storage) } : {}),
        }
      : storage;
    const common = { scenario, sessionId: record.sessionId, store, timers: this.options.timers, wall: this.options.wall, onError };
    const runtime = recover ? recoverRuntime(common) : new SessionRuntime(common);
    if (views) {
      const timers = this.options.timers;
      const source = {
        view: (audience: EngineAudience) => runtime.view(audience),
        nextChangeIn: () => {
          const due = runtime.nextDue();
          const mono = due === null ? null : runtime.monoFor(due);
          return mono === null ? null : mono - timers.now();
        },
      };
      pusher = new ViewPusher(source, views.scheduler, views.intervalMs ?? 16, onError);
    }
    const live: LiveSession = { record, scenario, runtime, ...(pusher ? { pusher } : {}) };
    this.sessions.set(record.sessionId, live);
    return live;
  }

  private disposeLive(live: LiveSession | undefined): void {
    live?.pusher?.stop();
    live?.runtime.dispose();
  }

  /**
   * The host's own pause (not a Bridge request: the system never acts through the bridge): the
   * laptop is going to sleep, slept, or its clock jumped. Every open session that is running is
   * paused as `system` with the reason in its timeline. Returns the ids paused; a refusal (a full
   * disk) is reported through onError and the session keeps running.
   */
  pauseRunning(reason: HostPauseReason): string[] {
    const paused: string[] = [];
    for (const [sessionId, live] of this.sessions) {
      if (live.reviewOf !== undefined || live.runtime.state.status !== 'running') continue;
      const result = live.runtime.dispatch('system', { type: 'session.pause', reason });
      if (result.ok) paused.push(sessionId);
      else this.onError(`Session ${sessionId} could not be paused after a ${reason}: ${result.rejection.message}`);
    }
    return paused;
  }

  /** The live session, recovered from storage on first use after a restart. */
  private live(sessionId: string): BridgeResult<LiveSession> {
    const existing = this.sessions.get(sessionId);
    if (existing) return ok(existing);
    const record = this.options.storage.sessions.get(sessionId);
    if (!record) return fail('not-found', `There is no session '${sessionId}'. Open the history to see the sessions there are.`);
    const loaded = loadScenario(record.scenarioText, record.scenarioFileName);
    if (!loaded.ok) return fail('invalid-scenario', `The scenario text of session ${sessionId} no longer loads.`, loaded.errors);
    return ok(this.start(record, loaded.value, true));
  }

  private summary(live: LiveSession): SessionSummary {
    return summarize(live.record, live.scenario, live.runtime.state, live.runtime.events, live.reviewOf);
  }

  /**
   * Every stored session, summarized from its log. Reading never writes and keeps nothing: a
   * session not open already is folded here and let go, not started (recovery happens once, at
   * start-up, for sessions that were running; issue 14).
   */
  private listSessions(): SessionSummary[] {
    const out: SessionSummary[] = [];
    for (const record of this.options.storage.sessions.list()) {
      const open = this.sessions.get(record.sessionId);
      if (open) {
        out.push(this.summary(open));
        continue;
      }
      const loaded = loadScenario(record.scenarioText, record.scenarioFileName);
      if (!loaded.ok) continue;
      const events = this.options.storage.events.load(record.sessionId);
      out.push(summarize(record, loaded.value, reduce(loaded.value, events), events, undefined));
    }
    return out.sort((a, b) => a.createdAt - b.createdAt);
  }

  private openSession(sessionId: string): BridgeResult<SessionDetail> {
    const live = this.live(sessionId);
    if (!live.ok) return live;
    const { scenario, runtime } = live.value;
    return ok({
      ...this.summary(live.value),
      roles: scenario.roles.map((r) => ({ id: r.id, title: r.title })),
      objectives: scenario.objectives.map((o) => ({ id: o.id, title: o.title })),
      eventCount: runtime.events.length,
    });
  }

  private compare(sessionIds: string[]): BridgeResult<Comparison> {
    const runs: Comparison['runs'] = [];
    let scenario: Scenario | null = null;
    for (const id of sessionIds) {
      const live = this.live(id);
      if (!live.ok) return live;
      if (scenario && scenario.id !== live.value.scenario.id) {
        return fail('mismatch', `Only runs of the same scenario can be compared: ${id} ran '${live.value.scenario.title}', not '${scenario.title}'.`);
      }
      scenario ??= live.value.scenario;
      const debrief = computeDebrief(live.value.scenario, live.value.runtime.events, { sessionId: id });
      runs.push({
        sessionId: id, createdAt: live.value.record.createdAt, facilitator: debrief.session.facilitator ?? '', status: live.value.runtime.state.status,
        percent: debrief.score.percent,
        objectives: debrief.objectives.map((o) => ({ id: o.id, title: o.title, percent: o.percent, rating: o.rating })),
        metrics: debrief.metrics.map((m) => ({ name: m.name, at_s: m.at_s, target_s: m.target_s })),
      });
    }
    return scenario ? ok({ scenarioId: scenario.id, scenarioTitle: scenario.title, runs }) : fail('not-found', 'No session to compare.');
  }

  // ---- live ----

  private dispatch(sessionId: string, actor: Actor, raw: unknown): BridgeResult<BridgeValues['live.dispatch']> {
    const live = this.live(sessionId);
    if (!live.ok) return live;
    if (live.value.reviewOf !== undefined) return this.readOnly(live.value);
    const command = parseCommand(raw);
    if (!command.ok) return fail(command.rejection.code, command.rejection.message);
    const result = live.value.runtime.dispatch(actor, command.value);
    if (!result.ok) return fail(result.rejection.code, result.rejection.message);
    return ok({ seq: live.value.runtime.state.lastSeq });
  }

  /** Pushes the audience's projection now and after every change. Never throws. */
  subscribe(rawParams: unknown, listener: (update: BridgeUpdate) => void): () => void {
    const params = parseSubscribe(rawParams);
    if (!params.ok) {
      listener({ kind: 'error', sessionId: '', audience: 'room', error: params.error });
      return () => {};
    }
    const { sessionId, audience } = params.value;
    const live = this.live(sessionId);
    if (!live.ok) {
      listener({ kind: 'error', sessionId, audience, error: live.error });
      return () => {};
    }
    const engineAudience = toEngineAudience(audience);
    if (engineAudience.kind === 'role' && !live.value.scenario.roles.some((r) => r.id === engineAudience.role)) {
      listener({ kind: 'error', sessionId, audience, error: { code: 'unknown-role', message: `There is no role '${engineAudience.role}' in this scenario.` } });
      return () => {};
    }
    const push = (projection: Projection) => listener({ kind: 'projection', sessionId, audience, projection });
    return (live.value.pusher ?? live.value.runtime).subscribe(engineAudience, push);
  }

  private replay(params: ParsedParams<'live.replay'>): BridgeResult<unknown> {
    const live = this.live(params.sessionId);
    if (!live.ok) return live;
    const events = live.value.runtime.events.slice(0, params.seq);
    const state = reduce(live.value.scenario, events);
    const at = events[events.length - 1]?.at ?? 0;
    const view = project(live.value.scenario, state, toEngineAudience(params.audience), at);
    if (!view) return fail('unknown-role', `There is no role '${params.audience}' in this scenario.`);
    return ok(view);
  }

  // ---- debrief ----

  private computeFor(live: LiveSession): Debrief {
    return computeDebrief(live.scenario, live.runtime.events, { sessionId: live.reviewOf ?? live.record.sessionId, contentHash: live.record.contentHash });
  }

  private debrief(sessionId: string): BridgeResult<Debrief> {
    const live = this.live(sessionId);
    return live.ok ? ok(this.computeFor(live.value)) : live;
  }

  private commandAll(live: LiveSession, commands: Command[]): BridgeResult<null> {
    if (live.reviewOf !== undefined) return this.readOnly(live);
    for (const command of commands) {
      const result = live.runtime.dispatch('facilitator', command);
      if (!result.ok) return fail(result.rejection.code, result.rejection.message);
    }
    return ok(null);
  }

  private savePlan(params: ParsedParams<'debrief.savePlan'>): BridgeResult<BridgeValues['debrief.savePlan']> {
    const live = this.live(params.sessionId);
    if (!live.ok) return live;
    const current = live.value.runtime.state.plan;
    const wanted = new Set(params.items.map((i) => i.id));
    const commands: Command[] = [];
    for (const id of current.keys()) if (!wanted.has(id)) commands.push({ type: 'plan.item.remove', id });
    for (const item of params.items) {
      const old = current.get(item.id);
      const same = old && old.issue === item.issue && old.corrective_action === item.corrective_action && old.owner === item.owner && old.due === item.due && old.objective === item.objective;
      if (!same) commands.push({ type: 'plan.item.save', ...(old ? { id: item.id } : {}), issue: item.issue, corrective_action: item.corrective_action, owner: item.owner, due: item.due, objective: item.objective });
    }
    const done = this.commandAll(live.value, commands);
    if (!done.ok) return done;
    return ok(this.computeFor(live.value).improvement_plan);
  }

  private saveHotwash(params: ParsedParams<'debrief.saveHotwash'>): BridgeResult<BridgeValues['debrief.saveHotwash']> {
    const live = this.live(params.sessionId);
    if (!live.ok) return live;
    const state = live.value.runtime.state;
    const commands: Command[] = params.answers
      .filter((a) => (state.hotwash.get(a.index) ?? '') !== a.answer)
      .map((a) => ({ type: 'hotwash.answer', question: a.index, answer: a.answer }));
    const done = this.commandAll(live.value, commands);
    if (!done.ok) return done;
    return ok(this.computeFor(live.value).hotwash);
  }

  private async exportReport(params: ParsedParams<'report.export'>): Promise<BridgeResult<ExportedReport>> {
    const live = this.live(params.sessionId);
    if (!live.ok) return live;
    const base = `${live.value.scenario.id}-${live.value.reviewOf ?? live.value.record.sessionId}`;
    if (params.format === 'bundle') return this.exportBundle(live.value, params, `${base}.drillbook`);
    const debrief = this.computeFor(live.value);
    const options = { anonymize: params.anonymize, includeNotes: params.includeNotes };
    if (!isTextReportFormat(params.format)) {
      if (!this.options.pdf) return fail('unsupported', 'PDF export needs the desktop app or `drillbook report --format pdf`; here, export HTML and print it to PDF from a browser.');
      return this.options.pdf(renderPrintHtml(debrief, options, params.format), `${base}-${REPORT_FILES[params.format]}`);
    }
    return ok({
      format: params.format, fileName: `${base}-${REPORT_FILES[params.format]}`, mime: MIME[params.format],
      content: renderReport(debrief, params.format, options), encoding: 'utf8',
    });
  }

  /** A scenario's situation manual or facilitator guide (core/guide); PDF through the host, like reports. */
  private async exportGuide(params: ParsedParams<'library.guide'>): Promise<BridgeResult<ExportedReport>> {
    const entry = this.library.get(params.entryId);
    if (!entry.ok) return entry;
    const { scenario } = entry.value;
    if (params.role !== undefined) {
      if (params.audience !== 'participants') return fail('invalid-request', 'A role picks a participant manual; the facilitator guide holds every role.');
      if (!scenario.roles.some((r) => r.id === params.role)) return fail('invalid-request', `The scenario has no role '${params.role}'.`);
    }
    const options = params.role === undefined ? {} : { role: params.role };
    const fileName = guideFileName(scenario.id, params.audience, params.format, params.role);
    if (params.format === 'pdf') {
      if (!this.options.pdf) return fail('unsupported', 'PDF printing needs the desktop app or `drillbook guide --format pdf`; here, save the HTML and print it from a browser.');
      return this.options.pdf(renderGuide(scenario, params.audience, 'html', options), fileName);
    }
    return ok({
      format: params.format, fileName, mime: MIME[params.format],
      content: renderGuide(scenario, params.audience, params.format, options), encoding: 'utf8',
    });
  }

  private async exportBundle(live: LiveSession, params: ParsedParams<'report.export'>, fileName: string): Promise<BridgeResult<ExportedReport>> {
    if (live.reviewOf !== undefined) return fail('unsupported', 'This session was opened from a session bundle: share that file itself.');
    // A bundle is the session as recorded; quietly ignoring the options would hand out names or notes.
    if (params.anonymize || !params.includeNotes) {
      return fail('invalid-request', 'A session bundle holds the session as it was recorded, names and notes included. Clear "Anonymize participants" and tick "Include facilitator notes" to export one, or export a report instead.');
    }
    if (!this.options.bundle) return fail('unsupported', 'Session bundles are made by the desktop app, `drillbook serve`, or `drillbook report DB --session ID --format bundle`.');
    return this.options.bundle(live.record.sessionId, fileName);
  }

  /** Stops every runtime's timers (the host is closing). */
  dispose(): void {
    for (const live of this.sessions.values()) this.disposeLive(live);
    this.sessions.clear();
  }
}

function summarize(record: StoredSessionRecord, scenario: Scenario, state: Readonly<SessionState>, events: readonly SessionEvent[], reviewOf: string | undefined): SessionSummary {
  return {
    sessionId: record.sessionId,
    entryId: record.entryId,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    facilitator: state.setup?.facilitator ?? '',
    participants: (state.setup?.participants ?? []).map((p) => ({ name: p.name, roles: [...p.roles] })),
    roomScreen: record.roomScreen,
    seating: record.seating,
    status: state.status,
    createdAt: record.createdAt,
    endedAt: state.ended?.wall ?? null,
    percent: state.status === 'ended' ? computeDebrief(scenario, events).score.percent : null,
    ...(reviewOf === undefined ? {} : { readOnly: true, sourceSessionId: reviewOf }),
  };
}
