// The exercise clock: exercise time derived from the last control event (start, pause, resume,
// speed) and a monotonic time source. Nothing counts ticks: a reading is a multiplication, so a
// timer that fires late or a process that sleeps never makes the clock drift.

export interface ClockAnchor {
  /** Exercise ms at the anchor. */
  exerciseMs: number;
  /** Monotonic ms at the anchor. */
  monoMs: number;
  speed: number;
  running: boolean;
}

/** Exercise ms at monotonic time `mono`, in whole milliseconds, never before the anchor. */
export function exerciseAt(anchor: ClockAnchor, mono: number): number {
  if (!anchor.running) return anchor.exerciseMs;
  const elapsed = Math.max(0, mono - anchor.monoMs) * anchor.speed;
  // The small epsilon absorbs float error so that a timer set for exercise time T reads T, not T-1.
  return anchor.exerciseMs + Math.floor(elapsed + 1e-6);
}

/** The monotonic ms at which a running clock reaches `exerciseMs` (never before the anchor). */
export function monoFor(anchor: ClockAnchor, exerciseMs: number): number {
  if (exerciseMs <= anchor.exerciseMs) return anchor.monoMs;
  return anchor.monoMs + Math.ceil((exerciseMs - anchor.exerciseMs) / anchor.speed - 1e-9);
}
