// Writes a debrief in the asked formats into a folder, under the names of REPORT_FILES. Used by
// `drillbook simulate --format` (and `drillbook report`). Text formats are written first and the
// printed ones (the PDF) last, so a missing Chromium costs only the PDF. Each file is written through
// electron/files/atomic-write.ts, so a reader never sees half a report.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Debrief } from '../../core/scoring/debrief-types.ts';
import { isTextReportFormat, renderPrintHtml, renderReport, REPORT_FILES, type PrintReportFormat, type ReportFormat, type ReportOptions } from '../../core/report/index.ts';
import { htmlToPdf, type PdfOptions } from './pdf.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export interface WrittenReport {
  format: ReportFormat;
  path: string;
}

/** A report replaces the one of an earlier run in the same folder. */
function writeAtomically(path: string, data: string | Buffer): void {
  writeFileAtomic(path, data, { overwrite: true });
}

export interface WriteReportsOptions extends ReportOptions {
  /** How to find and drive Chromium for the PDF. */
  pdf?: PdfOptions;
  /** Told of each file as soon as it is written (before a later one may fail). */
  onWritten?: (report: WrittenReport) => void;
}

/** The PDF of the debrief: the print HTML (core/report/print.ts, as the desktop app prints it) through Chromium. */
export async function renderPdf(debrief: Debrief, options: ReportOptions = {}, pdf: PdfOptions = {}, format: PrintReportFormat = 'pdf'): Promise<Buffer> {
  return htmlToPdf(renderPrintHtml(debrief, options, format), pdf);
}

/** A report in one format: text from core, or the print HTML through Chromium. */
export async function renderReportFile(debrief: Debrief, format: ReportFormat, options: ReportOptions = {}, pdf: PdfOptions = {}): Promise<string | Buffer> {
  return isTextReportFormat(format) ? renderReport(debrief, format, options) : renderPdf(debrief, options, pdf, format);
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
  for (const format of [...formats.filter(isTextReportFormat), ...formats.filter((f) => !isTextReportFormat(f))]) {
    const path = join(outDir, REPORT_FILES[format]);
    writeAtomically(path, await renderReportFile(debrief, format, reportOptions, pdf));
    done({ format, path });
  }
  return written;
}
