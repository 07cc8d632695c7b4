// The host of a data file: opens it, keeps rolling backups, brings back the sessions that were
// running when the process died, and hands out live sessions.
import type { Participant } from '../../core/engine/index.ts';
import { loadScenario, formatLoadError } from '../../core/scenario/index.ts';
import { openStore, startRollingBackups, type OpenOptions, type RollingBackups, type Store } from '../store/index.ts';
import { LiveSession, type LiveSessionOptions } from './live-session.ts';

export interface HostOptions extends OpenOptions {
  /** Rolling backups of the data file; false turns them off. */
  backups?: { everyMs?: number; keep?: number } | false;
  /** Settings for every live session. */
  session?: LiveSessionOptions;
  onError?: (error: unknown) => void;
}

export interface NewSession {
  /** The scenario file's text; a copy is kept with the session. */
  scenarioText: string;
  sourceName: string;
  facilitator: string;
  participants?: Participant[];
  kind?: 'live' | 'simulation';
}

export class Host {
  readonly store: Store;
  private readonly live = new Map<string, LiveSession>();
  private readonly backups: RollingBackups | undefined;
  private readonly sessionOptions: LiveSessionOptions;

  constructor(path: string, options: HostOptions = {}) {
    this.store = openStore(path, options);
    this.sessionOptions = { ...(options.onError ? { onError: options.onError } : {}), ...options.session };
    if (options.backups !== false) {
      this.backups = startRollingBackups(this.store.db, path, { ...options.backups, ...(options.onError ? { onError: options.onError } : {}) });
    }
  }

  /**
   * Reopens every session that was running when the process stopped; each comes back paused at
   * its last exercise time with `session.recovered` in its log. Returns them.
   */
  recoverInterrupted(): LiveSession[] {
    return this.store.sessions
      .list()
      .filter((s) => s.status === 'running')
      .map((s) => this.open(s.id));
  }

  /** Imports the scenario text, creates the session and records its header. */
  createSession(input: NewSession): LiveSession {
    const loaded = loadScenario(input.scenarioText, input.sourceName);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatLoadError).join('\n'));
    const stored = this.store.scenarios.import({
      scenarioId: loaded.value.id,
      title: loaded.value.title,
      sourceText: input.scenarioText,
      sourceName: input.sourceName,
    });
    const session = this.store.sessions.create({ scenario: stored.id, facilitator: input.facilitator, ...(input.kind ? { kind: input.kind } : {}) });
    const live = this.open(session.id, loaded.value);
    const setup = live.dispatch('facilitator', { type: 'session.setup', facilitator: input.facilitator, participants: input.participants ?? [] });
    if (!setup.ok) throw new Error(setup.rejection.message);
    return live;
  }

  /** The live session with this id, opening (and if need be recovering) it. */
  open(sessionId: string, scenario?: LiveSessionOptions['scenario']): LiveSession {
    const existing = this.live.get(sessionId);
    if (existing) return existing;
    const live = new LiveSession(this.store, sessionId, { ...this.sessionOptions, ...(scenario ? { scenario } : {}) });
    this.live.set(sessionId, live);
    return live;
  }

  /** The OS says the machine is about to sleep: pause every running session. */
  suspend(): void {
    for (const live of this.live.values()) live.pauseFor('suspend');
  }

  async close(): Promise<void> {
    for (const live of this.live.values()) live.close();
    this.live.clear();
    await this.backups?.stop();
    this.store.close();
  }
}
