// The HTML that becomes the PDF, for every host alike: the CLI and `drillbook serve` print it with
// headless Chromium (electron/report/pdf.ts), the desktop app with Electron's printToPDF. One
// function, so that both make the same document: a very long session's appendix is condensed
// (a printed list of tens of thousands of answers is pages nobody reads; condense.ts).
import type { Debrief } from '../scoring/debrief-types.ts';
import { renderHtml } from './html/document.ts';
import type { ReportOptions } from './options.ts';

/** Above this many timeline entries the PDF's appendix folds repeated answers (see condense.ts). */
export const PDF_FULL_TIMELINE_LIMIT = 2000;

export function renderPrintHtml(debrief: Debrief, options: ReportOptions = {}): string {
  const appendix = options.appendix ?? (debrief.timeline.length > PDF_FULL_TIMELINE_LIMIT ? 'condensed' : 'full');
  return renderHtml(debrief, { ...options, appendix });
}
