// The HTML that becomes the PDF, for every host alike: the CLI and `drillbook serve` print it with
// headless Chromium (electron/report/pdf.ts), the desktop app with Electron's printToPDF. One
// function, so that both make the same document: a very long session's appendix is condensed
// (a printed list of tens of thousands of answers is pages nobody reads; condense.ts), as the
// PDF's row of the format table (./formats.ts) says.
import type { Debrief } from '../scoring/debrief-types.ts';
import { reportOptionsFor, type PrintReportFormat } from './formats.ts';
import { renderHtml } from './html/document.ts';
import type { ReportOptions } from './options.ts';

export function renderPrintHtml(debrief: Debrief, options: ReportOptions = {}, format: PrintReportFormat = 'pdf'): string {
  return renderHtml(debrief, reportOptionsFor(format, debrief.timeline.length, options));
}
