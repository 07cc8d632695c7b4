// A heartbeat that compares how far the wall clock and the monotonic clock moved since the last
// beat. They move together while the laptop is awake; they part when it sleeps (on Linux and
// macOS the monotonic clock stops during suspend while the wall clock does not) or when someone
// or NTP sets the wall clock. Either way the session is paused and the reason recorded: nobody
// should come back from a closed lid to find the exercise clock ran on without them.
import type { PauseReason } from '../../core/engine/index.ts';

export interface ClockJump {
  reason: Extract<PauseReason, 'suspend' | 'clock-jump'>;
  /** How far each clock moved since the previous beat (ms). */
  wallDeltaMs: number;
  monoDeltaMs: number;
}

export interface ClockWatchOptions {
  /** Heartbeat interval (ms); default 1000. */
  intervalMs?: number;
  /** How far the two clocks may part before it counts (ms); default 3000. */
  toleranceMs?: number;
  wall?: () => number;
  /** Read on each beat; pass RealTimers.now so its freeze check is fed too. */
  monotonic?: () => number;
  onJump: (jump: ClockJump) => void;
}

export class ClockWatch {
  private readonly wall: () => number;
  private readonly monotonic: () => number;
  private readonly toleranceMs: number;
  private readonly onJump: (jump: ClockJump) => void;
  private lastWall: number;
  private lastMono: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: ClockWatchOptions) {
    this.wall = options.wall ?? (() => Date.now());
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.toleranceMs = options.toleranceMs ?? 3000;
    this.onJump = options.onJump;
    this.lastWall = this.wall();
    this.lastMono = this.monotonic();
    const intervalMs = options.intervalMs ?? 1000;
    if (intervalMs > 0) {
      this.timer = setInterval(() => this.beat(), intervalMs);
      this.timer.unref();
    }
  }

  /** One heartbeat: compare the clocks and report a jump. Public so tests can drive it. */
  beat(): ClockJump | null {
    const wall = this.wall();
    const mono = this.monotonic();
    const wallDeltaMs = wall - this.lastWall;
    const monoDeltaMs = mono - this.lastMono;
    this.lastWall = wall;
    this.lastMono = mono;
    const drift = wallDeltaMs - monoDeltaMs;
    if (Math.abs(drift) <= this.toleranceMs) return null;
    const jump: ClockJump = { reason: drift > 0 && wallDeltaMs > 0 ? 'suspend' : 'clock-jump', wallDeltaMs, monoDeltaMs };
    this.onJump(jump);
    return jump;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
