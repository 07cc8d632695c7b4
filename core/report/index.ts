// The report entry point: a debrief in any of the formats, and the file each one is written to.
import type { Debrief } from '../scoring/debrief-types.ts';
import { renderDecisionsCsv } from './csv.ts';
import { renderHtml } from './html/document.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportOptions } from './options.ts';

export type { ReportOptions } from './options.ts';
export { applyOptions } from './options.ts';
export { renderHtml, REPORT_CSP } from './html/document.ts';
export { renderMarkdown } from './markdown.ts';
export { renderDecisionsCsv, DECISION_COLUMNS } from './csv.ts';
export { renderJson } from './json.ts';
export { renderPrintHtml, PDF_FULL_TIMELINE_LIMIT } from './print.ts';

export const REPORT_FORMATS = ['html', 'md', 'csv', 'json', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The formats core renders to text; pdf is printed from the HTML by a host (electron/report). */
export type TextReportFormat = Exclude<ReportFormat, 'pdf'>;

export const REPORT_FILES: Record<ReportFormat, string> = {
  html: 'debrief.html',
  md: 'debrief.md',
  csv: 'decisions.csv',
  json: 'debrief.json',
  pdf: 'debrief.pdf',
};

export function renderReport(debrief: Debrief, format: TextReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'html':
      return renderHtml(debrief, options);
    case 'md':
      return renderMarkdown(debrief, options);
    case 'csv':
      return renderDecisionsCsv(debrief, options);
    case 'json':
      return renderJson(debrief, options);
  }
}

/**
 * Parses a --format list ("html,md,pdf"): the formats in the order given, without repeats.
 * Throws an Error naming the unknown format and the known ones.
 */
export function parseReportFormats(list: string): ReportFormat[] {
  const out: ReportFormat[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    const format = REPORT_FORMATS.find((f) => f === name || (f === 'md' && name === 'markdown'));
    if (!format) throw new Error(`unknown report format '${raw.trim()}': use one or more of ${REPORT_FORMATS.join(', ')}, separated by commas`);
    if (!out.includes(format)) out.push(format);
  }
  if (out.length === 0) throw new Error(`no report format given: use one or more of ${REPORT_FORMATS.join(', ')}, separated by commas`);
  return out;
}
