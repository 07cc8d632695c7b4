// drillbook sessions DB [--json]: the sessions kept in a data file, with their scores re-computed
// from the events. Opens the file read-only: listing never changes it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { rescoreSession } from '../host/rescore.ts';
import { isSessionBundle, openSessionBundle, openStore, type Store, type StoredSession } from '../store/index.ts';
import { parseArgs } from './args.ts';
import { EXIT_OK, UsageError, type CliCommand } from './io.ts';
import { defaultDataFile } from './data-file.ts';
import { fmtSessionStart } from '../../core/report/format.ts';
import { quote } from '../../core/scenario/index.ts';

const HELP = `Usage: drillbook sessions [DB] [--json]

Lists the sessions in the Drillbook data file DB: id, scenario, start, status and score.
Without DB, the default data file (the one drillbook serve uses) is read:
  ${'$'}XDG_DATA_HOME/drillbook/drillbook.db, or ~/.local/share/drillbook/drillbook.db
The first line names the file read (on standard error with --json).
  --json   print a JSON array of objects (id, scenario, title, kind, status, facilitator,
           created_at, started_at, ended_at, score_percent, points, possible, events)
A session's start is when the facilitator first started its clock (as in History and the
report), not when it was set up; shown in UTC. The file is opened read-only.`;

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
  const parsed = parseArgs(args, [], ['--json']);
  const [db, extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError(`one data file at a time; ${quote(extra)} is one too many`);
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
