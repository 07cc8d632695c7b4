// drillbook report DB --session ID [--format FORMAT|bundle] [--out FILE]
// [--anonymize] [--no-notes] [--force]: a stored session re-scored from its events and the
// scenario text it ran with, or exported whole as a portable session bundle. DB may itself be a
// bundle (a .drillbook file). Every file is opened read-only.
import { basename, extname, resolve } from 'node:path';
import { REPORT_FORMAT_TABLE, REPORT_FORMATS, type ReportFormat, type ReportOptions } from '../../core/report/index.ts';
import type { Debrief } from '../../core/scoring/index.ts';
import { renderReportFile } from '../report/write-reports.ts';
import { rescoreSession } from '../host/rescore.ts';
import { BUNDLE_EXTENSION, createServiceStorage, exportSessionBundle, isSessionBundle, openSessionBundle, openStore, type Store } from '../store/index.ts';
import { buildRegister, storedSessions, withRegisterStatus } from '../../core/service/register.ts';
import { appVersion } from '../host/app-version.ts';
import { parseArgs } from './args.ts';
import { refuseToReplace, writeOutput } from './out-file.ts';
import { EXIT_OK, UsageError, type CliCommand } from './io.ts';
import { quote } from '../../core/scenario/index.ts';

const FORMATS = [...REPORT_FORMATS, 'bundle'] as const;

/** What the help says beside a format's name. */
const NOTES: Partial<Record<ReportFormat, string>> = { csv: ' (the decisions)', json: ' (default)', pdf: ' (needs Chromium and --out)' };

const HELP = `Usage: drillbook report DB [--session ID] --format ${FORMATS.join('|')} [--out FILE] [--anonymize] [--no-notes] [--force]

Re-scores session ID of the Drillbook data file DB from its recorded events and the copy of the
scenario it ran with, and prints the debrief (or writes it to FILE).
  --session ID    the session (drillbook sessions DB lists them); optional when DB is a bundle
  --format NAME   ${REPORT_FORMATS.map((f) => f + (NOTES[f] ?? '')).join(', ')},
                  or bundle: the session itself as one portable .drillbook file (needs --out)
  --out FILE      write to FILE instead of printing
  --anonymize     participants' names replaced by their roles, free text included
  --no-notes      leave out the facilitator's notes (hotwash answers and the plan stay)
  --force         replace an existing FILE (without it, an existing file is kept)
DB may be a session bundle (.drillbook) exported by any Drillbook: it is reviewed and re-exported
as it was recorded. Every file is opened read-only.`;

interface Source {
  store: Store;
  sessionId: string;
  close(): void;
  /** Read from a session bundle (one run, no register) rather than a data file. */
  bundle: boolean;
}

/** A bundle when it is named or marked like one; the data file otherwise. */
function openSource(path: string, sessionId: string | undefined): Source {
  const named = extname(path).toLowerCase() === BUNDLE_EXTENSION;
  const marked = !named && isSessionBundle(path);
  if (!named && sessionId === undefined && !marked) {
    throw new UsageError(`no session given: add --session ID (drillbook sessions ${basename(path)} lists them)`);
  }
  // A bundle is only ever opened by the bundle reader (a plain open refuses it).
  if (named || marked || sessionId === undefined) {
    const bundle = openSessionBundle(path);
    if (sessionId !== undefined && sessionId !== bundle.session.id) {
      bundle.close();
      throw new Error(`The bundle ${path} holds session ${bundle.session.id}, not ${sessionId}. Leave out --session, or give that id.`);
    }
    return { store: bundle.store, sessionId: bundle.session.id, close: () => bundle.close(), bundle: true };
  }
  const store = openStore(path, { readonly: true });
  return { store, sessionId, close: () => store.close(), bundle: false };
}

export const reportCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--session', '--format', '--out'], ['--anonymize', '--no-notes', '--force']);
  const [db, extra] = parsed.positionals;
  if (db === undefined) throw new UsageError('no data file given');
  if (extra !== undefined) throw new UsageError(`one data file at a time; ${quote(extra)} is one too many`);
  const sessionId = parsed.values.get('--session');
  const format = (parsed.values.get('--format') ?? 'json').toLowerCase();
  const chosen = FORMATS.find((f) => f === format);
  if (chosen === undefined) throw new UsageError(`format ${quote(format)} is not available; available: ${FORMATS.join(', ')}`);
  const out = parsed.values.get('--out');
  if (chosen !== 'bundle' && REPORT_FORMAT_TABLE[chosen].output === 'print' && out === undefined) {
    throw new UsageError(`a ${REPORT_FORMAT_TABLE[chosen].label} is not printed to the terminal: add --out FILE`);
  }
  if (chosen === 'bundle') {
    if (out === undefined) throw new UsageError(`a bundle is a file: add --out FILE${BUNDLE_EXTENSION}`);
    if (parsed.switches.has('--anonymize') || parsed.switches.has('--no-notes')) {
      throw new UsageError('a bundle holds the session as it was recorded; --anonymize and --no-notes apply to the reports made from it');
    }
  }
  const options: ReportOptions = { anonymize: parsed.switches.has('--anonymize'), includeNotes: !parsed.switches.has('--no-notes') };
  const force = parsed.switches.has('--force');
  // A report, like a bundle, never replaces a file without --force (issue 14, item 19); checked
  // before anything is opened or rendered.
  if (out !== undefined) refuseToReplace([resolve(io.cwd, out)], force, 'file with --out FILE');

  const source = openSource(resolve(io.cwd, db), sessionId);
  if (chosen === 'bundle') {
    const file = resolve(io.cwd, out as string);
    try {
      const marker = exportSessionBundle(source.store, source.sessionId, file, { overwrite: force, appVersion: appVersion() });
      io.out(`Wrote ${file} (session ${marker.sessionId}, ${marker.eventCount} events)`);
    } finally {
      source.close();
    }
    return EXIT_OK;
  }
  let debrief: Debrief;
  try {
    debrief = rescoreSession(source.store, source.sessionId);
    // A data file keeps the register: the plan items say where they stand (a bundle holds one run, not the register).
    if (!source.bundle) {
      const storage = createServiceStorage(source.store);
      const register = buildRegister(storedSessions(storage), storage.actions.list(), new Date().toISOString().slice(0, 10), source.sessionId);
      debrief = withRegisterStatus(debrief, source.sessionId, register);
    }
  } finally {
    source.close();
  }
  const text = await renderReportFile(debrief, chosen, options);
  return writeOutput(io, 'report', out, text, force);
};
