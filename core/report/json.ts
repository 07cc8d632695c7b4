// renderJson: the model itself (drillbook/debrief@1), options applied, full precision. Keys are
// written in a stable order (alphabetical at every level; at the top `format` first, then `score`,
// so that the file, like every report, leads with the overall rating and its cap) so that two
// exports of the same session are byte-identical and diff well.
import type { Debrief } from '../scoring/debrief-types.ts';
import { applyOptions, type ReportOptions } from './options.ts';

const alphabetical = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const LEADING = ['format', 'score'];
const rank = (key: string): number => {
  const i = LEADING.indexOf(key);
  return i === -1 ? LEADING.length : i;
};

function sorted(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((v) => sorted(v));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(top ? (a, b) => rank(a) - rank(b) || alphabetical(a, b) : (a, b) => (a === 'format' ? -1 : b === 'format' ? 1 : alphabetical(a, b)));
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = sorted(record[key]);
  return out;
}

export function renderJson(debrief: Debrief, options: ReportOptions = {}): string {
  return `${JSON.stringify(sorted(applyOptions(debrief, options), true), null, 2)}\n`;
}
