// renderJson: the model itself (drillbook/debrief@1), options applied, full precision. Keys are
// written in a stable order (alphabetical at every level, `format` first) so that two exports of
// the same session are byte-identical and diff well.
import type { Debrief } from '../scoring/debrief-types.ts';
import { applyOptions, type ReportOptions } from './options.ts';

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => (a === 'format' ? -1 : b === 'format' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = sorted(record[key]);
  return out;
}

export function renderJson(debrief: Debrief, options: ReportOptions = {}): string {
  return `${JSON.stringify(sorted(applyOptions(debrief, options)), null, 2)}\n`;
}
