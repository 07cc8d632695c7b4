// The running clock in its own component, so that its frequent ticks re-render only itself.
import type { ClockView } from '../../core/engine/projections.ts';
import { formatClock } from './format.ts';
import { useExerciseMs } from './use-clock.ts';

export function ExerciseClock({ clock, label = 'Exercise time' }: { clock: ClockView; label?: string }) {
  const nowMs = useExerciseMs(clock);
  return <div className="clock" role="timer" aria-label={label} aria-live="off">{formatClock(nowMs)}</div>;
}
