// drillbook report DB --session ID [--format html|md|csv|json|pdf] [--out FILE] [--anonymize]
// [--no-notes]: a stored session re-scored from its events and the scenario text it ran with.
// Opens the file read-only.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { REPORT_FORMATS, renderReport, type ReportFormat, type ReportOptions } from '../../core/report/index.ts';
import type { Debrief } from '../../core/scoring/index.ts';
import { renderPdf } from '../report/write-reports.ts';
import { rescoreSession } from '../host/rescore.ts';
import { openStore } from '../store/index.ts';
import { parseArgs } from './args.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand } from './io.ts';

const HELP = `Usage: drillbook report DB --session ID --format html|md|csv|json|pdf [--out FILE] [--anonymize] [--no-notes]

Re-scores session ID of the Drillbook data file DB from its recorded events and the copy of the
scenario it ran with, and prints the debrief (or writes it to FILE).
  --session ID    the session (drillbook sessions DB lists them)
  --format NAME   html, md, csv (the decisions), json (default) or pdf (needs Chromium and --out)
  --out FILE      write to FILE instead of printing
  --anonymize     participants' names replaced by their roles, free text included
  --no-notes      leave out the facilitator's notes (hotwash answers and the plan stay)
The data file is opened read-only.`;


export const reportCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--session', '--format', '--out'], ['--anonymize', '--no-notes']);
  const [db, extra] = parsed.positionals;
  if (db === undefined) throw new UsageError('no data file given');
  if (extra !== undefined) throw new UsageError(`one data file at a time; '${extra}' is one too many`);
  const sessionId = parsed.values.get('--session');
  if (sessionId === undefined) throw new UsageError('no session given: add --session ID (drillbook sessions DB lists them)');
  const format = (parsed.values.get('--format') ?? 'json').toLowerCase();
  const chosen = REPORT_FORMATS.find((f) => f === format);
  if (chosen === undefined) throw new UsageError(`format '${format}' is not available; available: ${REPORT_FORMATS.join(', ')}`);
  if (chosen === 'pdf' && parsed.values.get('--out') === undefined) throw new UsageError('a PDF is not printed to the terminal: add --out FILE');
  const options: ReportOptions = { anonymize: parsed.switches.has('--anonymize'), includeNotes: !parsed.switches.has('--no-notes') };

  const store = openStore(resolve(io.cwd, db), { readonly: true });
  let debrief: Debrief;
  try {
    debrief = rescoreSession(store, sessionId);
  } finally {
    store.close();
  }
  const text = await render(debrief, chosen, options);
  const out = parsed.values.get('--out');
  if (out === undefined) {
    io.out(text.toString());
    return EXIT_OK;
  }
  const file = resolve(io.cwd, out);
  try {
    await writeFile(file, text, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.err(`Could not write ${file} (${code}). Choose another path with --out FILE.`);
    return EXIT_FAILED;
  }
  io.out(`Wrote ${file}`);
  return EXIT_OK;
};

async function render(debrief: Debrief, format: ReportFormat, options: ReportOptions): Promise<string | Buffer> {
  return format === 'pdf' ? renderPdf(debrief, options) : renderReport(debrief, format, options);
}
