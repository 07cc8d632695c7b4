// Durations as the format writes them (90s, 5m, 1h30m, 05:00, 1:02:03, or a bare number of
// seconds) and back. The pattern is shared with the schema so that editors and the loader agree.
import type { Seconds } from './types.ts';

// After a larger unit, minutes and seconds stay below 60 (1h90m is refused, as 1:90 is); the
// first unit may be any size (90m, 150s).
const UNITS = String.raw`\d+h(?:[0-5]?\dm)?(?:[0-5]?\ds)?|\d+m(?:[0-5]?\ds)?|\d+s`;
const CLOCK = String.raw`\d+:[0-5]\d(?::[0-5]\d)?`;
const DIGITS = String.raw`\d+`;

/** A duration written as text; anchored, so it doubles as the JSON Schema `pattern`. */
export const DURATION_PATTERN = `^(?:${UNITS}|${CLOCK}|${DIGITS})$`;
const DURATION_RE = new RegExp(DURATION_PATTERN);

export const DURATION_HINT = 'a duration like 90s, 5m, 1h30m or 05:00';

/** A year. Exercises last hours; the bound keeps arithmetic on durations exact. */
export const MAX_DURATION_SECONDS = 366 * 24 * 3600;

/** Seconds for a duration written in the format, or null when it is not one (or is negative). */
export function parseDuration(value: string | number): Seconds | null {
  const seconds = typeof value === 'number' ? value : parseText(value);
  return seconds !== null && Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_DURATION_SECONDS ? seconds : null;
}

function parseText(text: string): Seconds | null {
  // No trimming: the schema's pattern (and so the editor) would reject the spaces too.
  if (!DURATION_RE.test(text)) return null;
  if (/^\d+$/.test(text)) return Number(text);
  if (text.includes(':')) return text.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([hms])/g)) {
    total += Number(amount) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
  }
  return total;
}

/**
 * Seconds as the format writes them: "1h30m", "5m", "1m30s", "45s", "0s". Fractions are rounded to
 * the nearest second (for display); negative values get a leading minus (for differences).
 */
export function formatDuration(seconds: Seconds): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const whole = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && whole > 0 ? '-' : '';
  if (whole === 0) return '0s';
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return sign + (h ? `${h}h` : '') + (m ? `${m}m` : '') + (s ? `${s}s` : '');
}
