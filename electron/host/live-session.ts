// One session on real time: the engine's runtime with the SQLite event store, timers against
// performance.now(), and a clock watch that pauses the session (recording why) when the laptop
// slept or the wall clock jumped. A command is acknowledged only once its events are committed:
// the runtime appends synchronously before it returns the acknowledgement; the views go out after
// that, coalesced (see view-pusher.ts).
import {
  recoverRuntime,
  type Actor,
  type Audience,
  type Command,
  type DispatchResult,
  type EventStore,
  type Listener,
  type SessionRuntime,
} from '../../core/engine/index.ts';
import type { Scenario } from '../../core/scenario/index.ts';
import type { Store } from '../store/index.ts';
import { ClockWatch, type ClockJump } from './clock-watch.ts';
import { RealTimers } from './real-timers.ts';
import { scenarioOfSession } from './scenario-copy.ts';
import { ViewPusher } from './view-pusher.ts';

export interface LiveSessionOptions {
  /** Default: the copy stored with the session. */
  scenario?: Scenario;
  /** Default: new RealTimers(). */
  timers?: RealTimers;
  wall?: () => number;
  /** Clock watch settings; false turns it off (the host then relies on OS power events). */
  watch?: { intervalMs?: number; toleranceMs?: number } | false;
  /** A scheduled delivery that could not be saved (it is retried), or a failed automatic pause. */
  onError?: (error: unknown) => void;
  /** Told after the session was paused because of a clock jump. */
  onJump?: (jump: ClockJump) => void;
  /** Views are pushed at most this often (ms); default 16, one frame. */
  pushIntervalMs?: number;
}

export class LiveSession {
  readonly runtime: SessionRuntime;
  readonly timers: RealTimers;
  private readonly watch: ClockWatch | undefined;
  private readonly onError: (error: unknown) => void;
  private readonly pusher: ViewPusher;
  private closed = false;

  /**
   * Opens a stored session. One that was running or paused when the process last stopped comes
   * back paused at its last exercise time, with `session.recovered` in its log.
   */
  constructor(
    readonly store: Store,
    readonly sessionId: string,
    options: LiveSessionOptions = {},
  ) {
    this.onError = options.onError ?? (() => {});
    this.timers = options.timers ?? new RealTimers();
    const wall = options.wall ?? (() => Date.now());
    this.pusher = new ViewPusher(() => this.runtime, options.pushIntervalMs ?? 16);
    // Every change, a command's or a scheduled delivery's, is a committed append: the signal to push.
    const events: EventStore = {
      append: (id, batch) => {
        store.events.append(id, batch);
        this.pusher.changed();
      },
      load: (id) => store.events.load(id),
    };
    this.runtime = recoverRuntime({
      scenario: options.scenario ?? scenarioOfSession(store, sessionId),
      sessionId,
      store: events,
      timers: this.timers,
      wall,
      onError: this.onError,
    });
    if (options.watch !== false) {
      const onJump = options.onJump;
      this.watch = new ClockWatch({
        ...(options.watch ?? {}),
        wall,
        monotonic: () => this.timers.now(),
        onJump: (jump) => {
          this.pauseFor(jump.reason);
          onJump?.(jump);
        },
      });
    }
  }

  get status(): SessionRuntime['state']['status'] {
    return this.runtime.state.status;
  }

  dispatch(actor: Actor, command: Command): DispatchResult {
    return this.runtime.dispatch(actor, command);
  }

  /** Pushes the audience's view now, then after changes (at most once per push interval). */
  subscribe(audience: Audience, listener: Listener): () => void {
    return this.pusher.subscribe(audience, listener);
  }

  /** How many view pushes went out. */
  get pushes(): number {
    return this.pusher.pushes;
  }

  /** Compares the clocks now (the watch also does this on its own heartbeat). */
  checkClock(): ClockJump | null {
    return this.watch?.beat() ?? null;
  }

  /** The laptop is going to sleep (an OS power event) or its clock jumped: pause and say why. */
  pauseFor(reason: 'suspend' | 'clock-jump' | 'host'): void {
    if (this.closed || this.runtime.state.status !== 'running') return;
    const result = this.runtime.dispatch('system', { type: 'session.pause', reason });
    if (!result.ok) this.onError(new Error(result.rejection.message));
  }

  /** Stops the timers and the watch. The log stays as it is; reopening recovers the session. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.watch?.stop();
    this.pusher.stop();
    this.runtime.dispose();
    this.timers.clearAll();
  }
}
