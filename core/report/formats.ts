// The report formats, one row each: what the export panel calls it, its MIME type, the file it is
// written to, how it is rendered and whether its timeline appendix is condensed. The protocol's
// format enum (core/protocol/bridge.ts), the service's report.export, the CLI (`report`, `simulate`),
// the save dialogs and the export panel all read this table. It holds no rendering code, so the
// protocol and the app's screens can import it without the renderers: those are in ./index.ts
// (`RENDER`, a Record over the text formats, so a text format without one is a compile error).
// docs/architecture.md ("Adding a report format") lists the files a new format touches.
import type { ReportOptions } from './options.ts';

/** What a file of this type is, for the export panel, a download and a save dialog. */
export interface ExportFileType {
  /** The export panel's button ("Decisions CSV"). */
  label: string;
  mime: string;
  /** What a save dialog calls the type ("Web page"). */
  typeName: string;
  /** Without the dot. */
  extension: string;
}

export interface ReportFormatSpec extends ExportFileType {
  /** The file's name in a report folder (`drillbook simulate --out DIR`); the app prefixes `<scenario>-<session>-`. */
  file: string;
  /**
   * 'text': core renders it to a string (./index.ts). 'print': core gives the print HTML
   * (./print.ts) and the host prints it to PDF (headless Chromium in the CLI and `serve`,
   * Electron's printToPDF in the desktop app).
   */
  output: 'text' | 'print';
  /**
   * The timeline appendix when the caller does not choose: 'full' lists every entry;
   * 'condensed-when-long' folds repeated answers (./condense.ts) once the timeline has more than
   * PDF_FULL_TIMELINE_LIMIT entries. Formats without an appendix (CSV, JSON) say 'full'.
   */
  appendix: 'full' | 'condensed-when-long';
  /** Other names a `--format` list accepts ("markdown"). */
  aliases: readonly string[];
}

/** Above this many timeline entries a 'condensed-when-long' appendix folds repeated answers. */
export const PDF_FULL_TIMELINE_LIMIT = 2000;

export const REPORT_FORMAT_TABLE = {
  html: {
    label: 'HTML report', mime: 'text/html', typeName: 'Web page', extension: 'html',
    file: 'debrief.html', output: 'text', appendix: 'full', aliases: [],
  },
  md: {
    label: 'Markdown', mime: 'text/markdown', typeName: 'Markdown', extension: 'md',
    file: 'debrief.md', output: 'text', appendix: 'full', aliases: ['markdown'],
  },
  csv: {
    label: 'Decisions CSV', mime: 'text/csv', typeName: 'CSV', extension: 'csv',
    file: 'decisions.csv', output: 'text', appendix: 'full', aliases: [],
  },
  json: {
    label: 'JSON', mime: 'application/json', typeName: 'JSON', extension: 'json',
    file: 'debrief.json', output: 'text', appendix: 'full', aliases: [],
  },
  pdf: {
    label: 'PDF', mime: 'application/pdf', typeName: 'PDF', extension: 'pdf',
    file: 'debrief.pdf', output: 'print', appendix: 'condensed-when-long', aliases: [],
  },
} as const satisfies Record<string, ReportFormatSpec>;

export type ReportFormat = keyof typeof REPORT_FORMAT_TABLE;
/** The formats in the table's order (the export panel's, the help's, a report folder's). */
export const REPORT_FORMATS = Object.keys(REPORT_FORMAT_TABLE) as ReportFormat[];

/** The formats core renders to text; the others are printed from the HTML by a host. */
export type TextReportFormat = { [F in ReportFormat]: (typeof REPORT_FORMAT_TABLE)[F]['output'] extends 'text' ? F : never }[ReportFormat];
export type PrintReportFormat = Exclude<ReportFormat, TextReportFormat>;

export function isTextReportFormat(format: ReportFormat): format is TextReportFormat {
  return REPORT_FORMAT_TABLE[format].output === 'text';
}

export const REPORT_FILES = Object.fromEntries(REPORT_FORMATS.map((f) => [f, REPORT_FORMAT_TABLE[f].file])) as Record<ReportFormat, string>;

/** The session bundle: not a report, but exported beside them (the host's store writes it). */
export const BUNDLE_FILE_TYPE: ExportFileType = { label: 'Session bundle', mime: 'application/vnd.sqlite3', typeName: 'Drillbook session bundle', extension: 'drillbook' };

/** Every file the app exports: the reports, then the bundle. */
export const EXPORT_FILE_TYPES: Record<ReportFormat | 'bundle', ExportFileType> = { ...REPORT_FORMAT_TABLE, bundle: BUNDLE_FILE_TYPE };

/** The options a format renders with: its appendix policy applied where the caller left it open. */
export function reportOptionsFor(format: ReportFormat, timelineLength: number, options: ReportOptions = {}): ReportOptions {
  if (options.appendix !== undefined || REPORT_FORMAT_TABLE[format].appendix === 'full') return options;
  return { ...options, appendix: timelineLength > PDF_FULL_TIMELINE_LIMIT ? 'condensed' : 'full' };
}

/** The format a `--format` name means ("markdown" is md), or undefined. */
export function reportFormatNamed(name: string): ReportFormat | undefined {
  const n = name.trim().toLowerCase();
  return REPORT_FORMATS.find((f) => f === n || (REPORT_FORMAT_TABLE[f].aliases as readonly string[]).includes(n));
}
