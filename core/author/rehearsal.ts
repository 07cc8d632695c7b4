// A rehearsal (issue 17, "Rehearse"): the scenario run by the real application service on virtual
// time, in memory (nothing stored), with one seat per role and the author answering as any of them.
// The renderer mounts its views on `bridge` (the console's and the seats' own components); the
// rehearsal moves time (to the next inject, by a step, or at a speed the renderer's timer sets) and
// records every command that a play script can say, so the rehearsal can be saved as a play and
// re-run by `drillbook simulate --play` to the same scores.
//
// Time moves in whole seconds of exercise time, so every recorded command falls on the second a
// play script names and the dry run replays it at the same exercise time. As in a dry run, the
// session ends at the scenario's duration unless the author ends it first.
import { stringify } from 'yaml';
import type { Command } from '../engine/commands.ts';
import type { FacilitatorView, RoleView } from '../engine/projections.ts';
import type { SessionRuntime } from '../engine/runtime.ts';
import { VirtualTimers } from '../engine/virtual-time.ts';
import type { Bridge, BridgeMethod, BridgeParams, BridgeResult, BridgeUpdate, BridgeValues, ConnectionState, SubscribeParams } from '../protocol/bridge.ts';
import { formatLoadError, loadPlay, loadScenario } from '../scenario/index.ts';
import { formatDuration } from '../scenario/duration.ts';
import { PLAY_FORMAT } from '../scenario/play-schema.ts';
import type { PlayAction, Scenario } from '../scenario/types.ts';
import type { Debrief } from '../scoring/debrief-types.ts';
import { liveScores } from '../scoring/live-scores.ts';
import type { Scores } from '../scoring/score.ts';
import { simulatePlay, type SimulationResult } from '../scoring/simulate.ts';
import { AppService } from '../service/app-service.ts';
import { toEngineAudience } from '../service/handlers/live.ts';
import { InProcessBridge } from '../service/in-process-bridge.ts';
import { createMemoryStorage } from '../service/memory-storage.ts';

export class RehearsalError extends Error {}

/** A command of the rehearsal as a play script event, or null when the play format cannot say it. */
export function playActionOf(actor: string, command: Command): PlayAction | null {
  const role = actor.startsWith('role:') ? actor.slice('role:'.length) : null;
  switch (command.type) {
    case 'prompt.answer': return role ? { kind: 'answer', role, prompt: command.prompt, answer: command.answer } : null;
    case 'action.take': return role ? { kind: 'action', role, action: command.action } : null;
    case 'chat.post': return role ? { kind: 'chat', role, text: command.text } : null;
    case 'answer.grade': return { kind: 'grade', prompt: command.prompt, credit: command.credit, reason: command.reason };
    case 'note.add': return {
      kind: 'note', text: command.text, tag: command.tag,
      ...(command.objective !== undefined ? { objective: command.objective } : {}), ...(command.role !== undefined ? { role: command.role } : {}),
    };
    case 'inject.deliver': return { kind: 'deliver', inject: command.inject };
    case 'inject.skip': return { kind: 'skip', inject: command.inject };
    case 'objective.rate': return command.rating === null ? null : { kind: 'rate', objective: command.objective, rating: command.rating, reason: command.reason };
    case 'session.pause': return { kind: 'pause' };
    case 'session.resume': return { kind: 'resume' };
    case 'session.end': return { kind: 'end' };
    default: return null;
  }
}

export type RecordedEvent = PlayAction & { at: number };

/** A play event as the play format writes it (`at` first, then the keys the schema names). */
function playEntry(event: RecordedEvent): Record<string, unknown> {
  const at = formatDuration(event.at);
  switch (event.kind) {
    case 'answer': return { at, role: event.role, prompt: event.prompt, answer: event.answer };
    case 'action': return { at, role: event.role, action: event.action };
    case 'chat': return { at, role: event.role, text: event.text };
    case 'grade': return { at, facilitator: 'grade', prompt: event.prompt, credit: event.credit, reason: event.reason };
    case 'note': return { at, facilitator: 'note', text: event.text, tag: event.tag, ...(event.objective !== undefined ? { objective: event.objective } : {}), ...(event.role !== undefined ? { role: event.role } : {}) };
    case 'deliver': return { at, facilitator: 'deliver', inject: event.inject };
    case 'skip': return { at, facilitator: 'skip', inject: event.inject };
    case 'rate': return { at, facilitator: 'rate', objective: event.objective, rating: event.rating, reason: event.reason };
    default: return { at, facilitator: event.kind };
  }
}

const SECOND = 1000;

export class Rehearsal {
  /** What the renderer mounts its views on: the service's bridge, recording the commands sent through it. */
  readonly bridge: Bridge;
  private readonly recorded: RecordedEvent[] = [];
  private readonly unsaid: string[] = [];
  private readonly listeners = new Set<() => void>();
  private lastCommand: { atMs: number; logLength: number } | null = null;

  private constructor(
    readonly scenario: Scenario,
    readonly sessionId: string,
    private readonly service: AppService,
    private readonly timers: VirtualTimers,
  ) {
    const inner = new InProcessBridge(service);
    const request = async <M extends BridgeMethod>(method: M, params: BridgeParams<M>): Promise<BridgeResult<BridgeValues[M]>> => {
      if (method !== 'live.dispatch') return inner.request(method, params);
      const p = params as BridgeParams<'live.dispatch'>;
      this.keepOrder();
      const at = this.exerciseMs();
      const result = await inner.request(method, params);
      if (result.ok && p.sessionId === sessionId) this.record(p.actor, p.command as Command, at);
      return result;
    };
    this.bridge = {
      request,
      subscribe: (p: SubscribeParams, listener: (update: BridgeUpdate) => void) => inner.subscribe(p, listener),
      onConnection: (listener: (state: ConnectionState) => void) => inner.onConnection(listener),
    };
  }

  /** Loads the scenario text and starts it with one seat per role. Throws a RehearsalError that lists the load errors. */
  static async start(text: string, fileName = 'rehearsal.yaml'): Promise<Rehearsal> {
    const loaded = loadScenario(text, fileName);
    if (!loaded.ok) throw new RehearsalError(`The scenario cannot be rehearsed until its errors are fixed:\n${loaded.errors.map(formatLoadError).join('\n')}`);
    const scenario = loaded.value;
    const timers = new VirtualTimers(0);
    let next = 0;
    const service = new AppService({ storage: createMemoryStorage(), timers, wall: () => timers.now(), newId: () => `rehearsal-${++next}` });
    const must = <T>(result: BridgeResult<T>, what: string): T => {
      if (!result.ok) throw new RehearsalError(`The rehearsal could not ${what}: ${result.error.message}`);
      return result.value;
    };
    const entry = must(await service.request('library.import', { fileName, text }), 'read the scenario');
    const session = must(await service.request('sessions.create', {
      entryId: entry.entryId, facilitator: 'Rehearsal', roomScreen: false, seating: 'hot-seat',
      participants: scenario.roles.map((r) => ({ name: r.title, roles: [r.id] })),
    }), 'set up the session');
    const rehearsal = new Rehearsal(scenario, session.sessionId, service, timers);
    must(await rehearsal.bridge.request('live.dispatch', { sessionId: session.sessionId, actor: 'facilitator', command: { type: 'session.start' } }), 'start the session');
    // The start is not a play event (a dry run starts by itself), nor something the play leaves out.
    rehearsal.recorded.length = 0;
    rehearsal.unsaid.length = 0;
    return rehearsal;
  }

  private get runtime(): SessionRuntime {
    const live = this.service.sessions.peek(this.sessionId);
    if (!live) throw new RehearsalError('The rehearsal has been closed.');
    return live.runtime;
  }

  private record(actor: string, command: Command, atMs: number): void {
    const action = playActionOf(actor, command);
    if (action) this.recorded.push({ ...action, at: Math.floor(atMs / SECOND) });
    else this.unsaid.push(command.type);
    this.lastCommand = { atMs, logLength: this.runtime.events.length };
    this.changed();
  }

  /**
   * A dry run applies a second's commands together, before the deliveries they make due. So when
   * something has happened since the last command of this second (an inject that command brought,
   * delivered by "Next inject"), the next command waits for the next second: replayed at this one,
   * it would come before that delivery.
   */
  private keepOrder(): void {
    const last = this.lastCommand;
    if (last && this.status === 'running' && last.atMs === this.exerciseMs() && this.runtime.events.length > last.logLength) {
      this.advanceTo(this.exerciseMs() + SECOND);
    }
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Told after time moves or a command is recorded. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  exerciseMs(): number {
    return this.runtime.now();
  }

  get status(): 'setup' | 'running' | 'paused' | 'ended' {
    return this.runtime.state.status;
  }

  get durationMs(): number {
    return Math.round(this.scenario.duration * SECOND);
  }

  /** The exercise ms at which the next scheduled inject falls due, or null. */
  nextDueMs(): number | null {
    return this.runtime.nextDue();
  }

  /** Moves exercise time to `targetMs` (rounded up to a whole second), delivering what falls due; ends the session at its duration. */
  advanceTo(targetMs: number): void {
    if (this.status !== 'running') return;
    const target = Math.min(this.durationMs, Math.ceil(Math.max(targetMs, this.exerciseMs()) / SECOND) * SECOND);
    const mono = this.runtime.monoFor(target);
    if (mono !== null) this.timers.advanceTo(mono);
    if (this.status === 'running' && this.exerciseMs() >= this.durationMs) {
      this.runtime.dispatch('system', { type: 'session.end', reason: 'duration' });
    }
    this.changed();
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.exerciseMs() + ms);
  }

  /** To the next scheduled inject (or, with none left, to the end). */
  stepToNext(): void {
    const next = this.nextDueMs();
    this.advanceTo(next === null ? this.durationMs : next);
  }

  /** A command as any role or the facilitator, through the same bridge as the views (so it is recorded). */
  async dispatch(actor: 'facilitator' | `role:${string}`, command: Command): Promise<BridgeResult<BridgeValues['live.dispatch']>> {
    return this.bridge.request('live.dispatch', { sessionId: this.sessionId, actor, command });
  }

  view(audience: 'facilitator'): FacilitatorView;
  view(audience: `role:${string}`): RoleView;
  view(audience: 'facilitator' | `role:${string}`): FacilitatorView | RoleView {
    const view = this.runtime.view(toEngineAudience(audience));
    if (!view) throw new RehearsalError(`There is no role '${audience.slice('role:'.length)}' in this scenario.`);
    return view as FacilitatorView | RoleView;
  }

  scores(): Scores {
    return liveScores(this.scenario, this.runtime.state);
  }

  async end(): Promise<void> {
    if (this.status === 'ended') return;
    const result = await this.dispatch('facilitator', { type: 'session.end', reason: 'facilitator' });
    if (!result.ok) throw new RehearsalError(`The rehearsal could not end: ${result.error.message}`);
  }

  async debrief(): Promise<Debrief> {
    const result = await this.service.request('debrief.get', { sessionId: this.sessionId });
    if (!result.ok) throw new RehearsalError(`The rehearsal has no debrief yet: ${result.error.message}`);
    return result.value;
  }

  /** The commands recorded so far, as play events. */
  get events(): readonly RecordedEvent[] {
    return this.recorded;
  }

  /** Commands given that a play script cannot say (a hold, a speed change, an ad-hoc inject): the saved play leaves them out. */
  get leftOut(): readonly string[] {
    return this.unsaid;
  }

  /** The rehearsal as a play script (drillbook/play@1) that `drillbook simulate --play` re-runs. */
  playYaml(): string {
    const header = `# Rehearsal of ${this.scenario.title.replace(/[\r\n]+/g, ' ')}, recorded in the Author view.\n`;
    const body = stringify({ format: PLAY_FORMAT, scenario: this.scenario.id, events: this.recorded.map(playEntry) }, { lineWidth: 0 });
    return header + body;
  }

  close(): void {
    this.service.dispose();
    this.listeners.clear();
  }
}

/** Runs a play script against the scenario being authored (the Rehearse panel's "Run a play"): its debrief and what it rejected. */
export function runPlay(scenario: Scenario, playText: string, fileName: string): SimulationResult {
  const play = loadPlay(playText, fileName);
  if (!play.ok) throw new RehearsalError(`The play ${fileName} does not load:\n${play.errors.map(formatLoadError).join('\n')}`);
  if (play.value.scenario !== undefined && play.value.scenario !== scenario.id) {
    throw new RehearsalError(`The play ${fileName} was written for the scenario '${play.value.scenario}', not '${scenario.id}'.`);
  }
  return simulatePlay(scenario, play.value, { sessionId: `play-${scenario.id}` });
}

/** Whether a play file (by its `scenario` key) belongs to this scenario; a play that names none may belong to any. */
export function playIsFor(scenarioId: string, playText: string): boolean {
  const named = /^scenario:\s*["']?([A-Za-z0-9_-]+)/m.exec(playText)?.[1];
  return named === undefined || named === scenarioId;
}
