// The report entry point: a debrief in any of the formats, and the file each one is written to.
import type { Debrief } from '../scoring/debrief-types.ts';
import { renderDecisionsCsv } from './csv.ts';
import { renderHtml } from './html/document.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportOptions } from './options.ts';
import { REPORT_FORMATS, reportFormatNamed, reportOptionsFor, type ReportFormat, type TextReportFormat } from './formats.ts';

export type { ReportOptions } from './options.ts';
export { applyOptions } from './options.ts';
export { renderHtml, REPORT_CSP } from './html/document.ts';
export { renderMarkdown } from './markdown.ts';
export { renderDecisionsCsv, DECISION_COLUMNS } from './csv.ts';
export { renderJson } from './json.ts';
export { renderPrintHtml } from './print.ts';
export {
  BUNDLE_FILE_TYPE, EXPORT_FILE_TYPES, isTextReportFormat, PDF_FULL_TIMELINE_LIMIT, REPORT_FILES, REPORT_FORMAT_TABLE, REPORT_FORMATS,
  reportFormatNamed, reportOptionsFor,
  type ExportFileType, type PrintReportFormat, type ReportFormat, type ReportFormatSpec, type TextReportFormat,
} from './formats.ts';

/** How core renders each text format (./formats.ts holds the rest of each format's row). */
const RENDER: Record<TextReportFormat, (debrief: Debrief, options: ReportOptions) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  csv: renderDecisionsCsv,
  json: renderJson,
};

export function renderReport(debrief: Debrief, format: TextReportFormat, options: ReportOptions = {}): string {
  return RENDER[format](debrief, reportOptionsFor(format, debrief.timeline.length, options));
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
    const format = reportFormatNamed(name);
    if (!format) throw new Error(`unknown report format '${raw.trim()}': use one or more of ${REPORT_FORMATS.join(', ')}, separated by commas`);
    if (!out.includes(format)) out.push(format);
  }
  if (out.length === 0) throw new Error(`no report format given: use one or more of ${REPORT_FORMATS.join(', ')}, separated by commas`);
  return out;
}
