import { fmtClock } from '../../core/report/format.ts';

/** Exercise time as `m:ss` or `h:mm:ss` from milliseconds: fmtClock's rule (whole seconds elapsed). */
export function formatClock(ms: number): string {
  return fmtClock(ms / 1000);
}

export function formatSeconds(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '—' : formatClock(seconds * 1000);
}

export function formatPercent(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '—' : `${Math.round(percent)}%`;
}

export function formatPoints(points: number): string {
  return (Math.round(points * 10) / 10).toFixed(1);
}

/** Wall-clock time of day (local), e.g. `14:05`. */
export function formatTimeOfDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function formatDate(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined) return '—';
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${formatTimeOfDay(epochMs)}`;
}
