// Writes a debrief in the asked formats into a folder, under the names of REPORT_FILES. Used by
// `drillbook simulate --format` (and `drillbook report`). Text formats are written first and the
// PDF last, so a missing Chromium costs only the PDF. Each file is written to a temporary name and
// renamed, so a reader never sees half a report.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Debrief } from '../../core/scoring/debrief-types.ts';
import { renderHtml, renderReport, REPORT_FILES, type ReportFormat, type ReportOptions } from '../../core/report/index.ts';
import { htmlToPdf, type PdfOptions } from './pdf.ts';

export interface WrittenReport {
  format: ReportFormat;
  path: string;
}

function writeAtomically(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** Above this many timeline entries the PDF's appendix folds repeated answers (see condense.ts). */
export const PDF_FULL_TIMELINE_LIMIT = 2000;

export interface WriteReportsOptions extends ReportOptions {
  /** How to find and drive Chromium for the PDF. */
  pdf?: PdfOptions;
  /** Told of each file as soon as it is written (before a later one may fail). */
  onWritten?: (report: WrittenReport) => void;
}

/** The PDF of the debrief: the HTML report printed by Chromium. */
export async function renderPdf(debrief: Debrief, options: ReportOptions = {}, pdf: PdfOptions = {}): Promise<Buffer> {
  // A printed list of tens of thousands of answers is pages nobody reads: condense it.
  const appendix = options.appendix ?? (debrief.timeline.length > PDF_FULL_TIMELINE_LIMIT ? 'condensed' : 'full');
  return htmlToPdf(renderHtml(debrief, { ...options, appendix }), pdf);
}

export async function writeReports(
  debrief: Debrief,
  formats: readonly ReportFormat[],
  outDir: string,
  options: WriteReportsOptions = {},
): Promise<WrittenReport[]> {
  const { pdf, onWritten, ...reportOptions } = options;
  mkdirSync(outDir, { recursive: true });
  const written: WrittenReport[] = [];
  const done = (report: WrittenReport) => {
    written.push(report);
    onWritten?.(report);
  };
  for (const format of formats) {
    if (format === 'pdf') continue;
    const path = join(outDir, REPORT_FILES[format]);
    writeAtomically(path, renderReport(debrief, format, reportOptions));
    done({ format, path });
  }
  if (formats.includes('pdf')) {
    const path = join(outDir, REPORT_FILES.pdf);
    writeAtomically(path, await renderPdf(debrief, reportOptions, pdf));
    done({ format: 'pdf', path });
  }
  return written;
}
