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

export async function writeReports(
  debrief: Debrief,
  formats: readonly ReportFormat[],
  outDir: string,
  options: ReportOptions = {},
  pdf: PdfOptions = {},
): Promise<WrittenReport[]> {
  mkdirSync(outDir, { recursive: true });
  const written: WrittenReport[] = [];
  for (const format of formats) {
    if (format === 'pdf') continue;
    const path = join(outDir, REPORT_FILES[format]);
    writeAtomically(path, renderReport(debrief, format, options));
    written.push({ format, path });
  }
  if (formats.includes('pdf')) {
    const path = join(outDir, REPORT_FILES.pdf);
    writeAtomically(path, await htmlToPdf(renderHtml(debrief, options), pdf));
    written.push({ format: 'pdf', path });
  }
  return written;
}
