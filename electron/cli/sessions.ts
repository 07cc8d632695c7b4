// drillbook sessions DB [--json]: the sessions kept in a data file, with their scores re-computed
// from the events. Opens the file read-only: listing never changes it. With --compare, runs of one
// scenario side by side as CSV or HTML (issue 18, item 4); with --import, other facilitators'
// session bundles kept in the data file, read-only, each session once (item 5): the one writer here.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { rescoreSession } from '../host/rescore.ts';
import { importSessionBundle, isSessionBundle, openSessionBundle, openStore, StoreError, type Store, type StoredSession } from '../store/index.ts';
import { buildComparison, COMPARISON_FORMATS, renderComparison, type ComparisonFormat } from '../../core/report/comparison.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { alreadyExists, isFileExists, refuseToReplace } from './out-file.ts';
import { parseArgs } from './args.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io.ts';
import { defaultDataFile } from './data-file.ts';
import { fmtSessionStart } from '../../core/report/format.ts';
import { quote } from '../../core/scenario/index.ts';

const HELP = `Usage: drillbook sessions [DB] [--json]
       drillbook sessions [DB] --compare ID,ID[,...] [--format csv|html] [--out FILE] [--force]
       drillbook sessions [DB] --import BUNDLE [BUNDLE...]

Lists the sessions in the Drillbook data file DB: id, scenario, start, status and score.
Without DB, the default data file (the one drillbook serve uses) is read:
  ${'$'}XDG_DATA_HOME/drillbook/drillbook.db, or ~/.local/share/drillbook/drillbook.db
The first line names the file read (on standard error with --json).
  --json   print a JSON array of objects (id, scenario, title, kind, status, facilitator,
           created_at, started_at, ended_at, score_percent, points, possible, events)
A session's start is when the facilitator first started its clock (as in History and the
report), not when it was set up; shown in UTC. The file is opened read-only.
  --compare IDS   runs of one scenario side by side, matched by objective id, each run's
                  scenario version named: CSV (default; one row per run and measure) or HTML
  --out FILE      write the comparison to FILE instead of printing it (--force replaces a file)
  --import        keep the sessions of the session bundles (.drillbook files) named after DB in
                  the data file, read-only (History shows them with their origin); a session id the
                  file holds already (imported before, or its own run) is skipped, never replaced.
                  The one option that writes to DB.`;

export interface SessionListing {
  id: string;
  scenario: string;
  title: string;
  kind: StoredSession['kind'];
  status: StoredSession['status'];
  facilitator: string;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  score_percent: number | null;
  points: number | null;
  possible: number | null;
  events: number;
  /** Why there is no score, when the stored scenario no longer loads. */
  score_error?: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function listSessions(store: Store): SessionListing[] {
  return store.sessions.list().map((s) => {
    const scenario = store.scenarios.get(s.scenario);
    const listing: SessionListing = {
      id: s.id,
      scenario: scenario.scenarioId,
      title: scenario.title,
      kind: s.kind,
      status: s.status,
      facilitator: s.facilitator,
      created_at: new Date(s.createdAt).toISOString(),
      started_at: iso(s.startedAt),
      ended_at: iso(s.endedAt),
      score_percent: null,
      points: null,
      possible: null,
      events: store.events.lastSeq(s.id),
    };
    try {
      const { score } = rescoreSession(store, s.id);
      listing.score_percent = score.percent;
      listing.points = score.points;
      listing.possible = score.possible;
    } catch (error) {
      listing.score_error = error instanceof Error ? error.message : String(error);
    }
    return listing;
  });
}

function table(rows: SessionListing[]): string[] {
  if (rows.length === 0) return ['No sessions yet.'];
  const head = ['ID', 'SCENARIO', 'STARTED', 'STATUS', 'SCORE'];
  const body = rows.map((r) => [
    r.id,
    r.kind === 'simulation' ? `${r.scenario} (dry run)` : r.scenario,
    fmtSessionStart(r.started_at === null ? null : Date.parse(r.started_at)),
    r.status,
    r.score_percent === null ? '—' : `${Math.round(r.score_percent)}%`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line(head), ...body.map(line)];
}

export const sessionsCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--compare', '--format', '--out'], ['--json', '--import', '--force']);
  if (parsed.switches.has('--import')) return importBundles(parsed.positionals, io);
  const [db, extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError(`one data file at a time; ${quote(extra)} is one too many`);
  const compareIds = parsed.values.get('--compare');
  if (compareIds === undefined) {
    for (const flag of ['--format', '--out', '--force']) if (parsed.values.has(flag) || parsed.switches.has(flag)) throw new UsageError(`${flag} goes with --compare`);
  } else if (parsed.switches.has('--json')) {
    throw new UsageError('--json lists sessions; a comparison is CSV or HTML (--format)');
  }
  // Say which file was read: without DB it is the default one, which a user may not know of.
  const path = db === undefined ? defaultDataFile(io.env ?? process.env) : resolve(io.cwd, db);
  const named = db === undefined ? `Data file: ${path} (the default; name another: drillbook sessions FILE)` : `Data file: ${path}`;
  if (db === undefined && !existsSync(path)) {
    throw new Error(`There is no Drillbook data file at ${path}, the default data file (drillbook serve creates it). Name the file: drillbook sessions FILE.`);
  }
  // A bundle is read by the bundle reader (which checks it is one); any other file read-only.
  const bundle = isSessionBundle(path) ? openSessionBundle(path) : undefined;
  const store = bundle?.store ?? openStore(path, { readonly: true });
  try {
    if (compareIds !== undefined) return compareRuns(store, compareIds, parsed, io, named);
    const rows = listSessions(store);
    if (parsed.switches.has('--json')) {
      io.err(named);
      io.out(JSON.stringify(rows, null, 2));
    } else {
      io.out(named);
      for (const line of table(rows)) io.out(line);
    }
  } finally {
    if (bundle) bundle.close();
    else store.close();
  }
  return EXIT_OK;
};

function comparisonFormat(value: string | undefined): ComparisonFormat {
  if (value === undefined) return 'csv';
  if ((COMPARISON_FORMATS as readonly string[]).includes(value)) return value as ComparisonFormat;
  throw new UsageError(`a comparison is ${COMPARISON_FORMATS.join(' or ')}, not ${quote(value)}`);
}

/** --compare: the runs re-scored from the file, side by side, printed or written to --out. */
function compareRuns(store: Store, list: string, parsed: ReturnType<typeof parseArgs>, io: CliIo, named: string): number {
  const format = comparisonFormat(parsed.values.get('--format'));
  const ids = list.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length < 2) throw new UsageError('--compare needs two or more session ids, separated by commas (drillbook sessions DB lists them)');
  const out = parsed.values.get('--out');
  const force = parsed.switches.has('--force');
  const target = out === undefined ? undefined : resolve(io.cwd, out);
  if (target !== undefined) refuseToReplace([target], force, 'file with --out FILE');
  const runs = ids.map((id) => {
    const session = store.sessions.get(id);
    const scenario = store.scenarios.get(session.scenario);
    const imported = store.imports.find(id);
    return {
      debrief: rescoreSession(store, id),
      facts: { sessionId: id, createdAt: session.createdAt, startedAt: session.startedAt, status: session.status, contentHash: scenario.contentHash, origin: imported?.bundleFile ?? null },
    };
  });
  const built = buildComparison(runs);
  if (!built.ok) throw new Error(built.message);
  const text = renderComparison(built.value, format);
  io.err(named);
  if (target === undefined) {
    io.out(text.replace(/\r?\n$/, ''));
    return EXIT_OK;
  }
  try {
    writeFileAtomic(target, text, { overwrite: force });
  } catch (error) {
    if (isFileExists(error)) {
      io.err(`drillbook sessions: ${alreadyExists(target, 'file with --out FILE')}`);
      return EXIT_FAILED;
    }
    throw error;
  }
  io.out(`Wrote ${target} (${built.value.runs.length} runs of ${built.value.scenarioId})`);
  return EXIT_OK;
}

/** --import: each bundle's session kept in DB unless its id is there; says what became of each. */
function importBundles(positionals: readonly string[], io: CliIo): number {
  const [db, ...bundles] = positionals;
  if (db === undefined || bundles.length === 0) throw new UsageError('--import needs the data file and at least one bundle: drillbook sessions DB --import FILE.drillbook');
  const path = resolve(io.cwd, db);
  // A typo must not create a new, empty data file, and a bundle never becomes a working data file.
  if (!existsSync(path)) throw new Error(`There is no Drillbook data file at ${path}. Name an existing one (drillbook serve creates the default one).`);
  if (isSessionBundle(path)) throw new Error(`${path} is a session bundle, not a data file: bundles are imported into a data file, not into each other.`);
  const store = openStore(path);
  let failed = 0;
  try {
    io.out(`Data file: ${path}`);
    for (const bundle of bundles) {
      const file = resolve(io.cwd, bundle);
      try {
        const done = importSessionBundle(store, file);
        const what = done.outcome === 'imported' ? 'imported, read-only'
          : done.outcome === 'already-imported' ? 'already imported, nothing added' : 'already in this file (its own run), left as it is';
        io.out(`${bundle}: session ${done.sessionId} ${what}`);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        failed += 1;
        io.err(`${bundle}: not imported: ${error.message}`);
      }
    }
  } finally {
    store.close();
  }
  return failed === 0 ? EXIT_OK : EXIT_FAILED;
}
