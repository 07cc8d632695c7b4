// The exercise clock between pushes: the host sends the exercise time at which it made the view;
// while running, we advance it by the local monotonic clock times the speed.
import { useEffect, useRef, useState } from 'react';
import type { ClockView } from '../../core/engine/projections.ts';

/** The exercise ms now; re-renders every `tickMs` while the clock runs. */
export function useExerciseMs(clock: ClockView, tickMs = 250): number {
  const anchor = useRef({ clock, mono: performance.now() });
  if (anchor.current.clock !== clock) anchor.current = { clock, mono: performance.now() };
  const [, setTick] = useState(0);
  const running = clock.status === 'running';
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((t) => t + 1), tickMs);
    return () => clearInterval(id);
  }, [running, tickMs]);
  if (!running) return clock.exerciseMs;
  return anchor.current.clock.exerciseMs + (performance.now() - anchor.current.mono) * clock.speed;
}

export const STATUS_LABEL: Record<ClockView['status'], string> = {
  setup: 'Not started',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};
