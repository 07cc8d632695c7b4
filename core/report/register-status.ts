// How a report names an improvement-plan item's standing in the register (HTML and Markdown alike).
import type { DebriefPlanItem } from '../scoring/debrief-types.ts';

/** An item's standing in the register: its status, and the last run's verdict with its note. */
export function registerStatusText(item: DebriefPlanItem): string {
  const reg = item.register;
  if (!reg) return '';
  const v = reg.validation;
  if (!v) return reg.status;
  const note = v.note ? `: ${v.note}` : '';
  if (v.validated && reg.status === 'validated') return `validated in run ${v.session}${note}`;
  return `${reg.status} (${v.validated ? 'validated' : 'not validated'} in run ${v.session}${v.note ? `: ${v.note}` : ''})`;
}
