// drillbook register DB [--format csv|json] [--out FILE] [--force] [filters]
// drillbook register DB --import FILE
// The corrective-action register across every session in a data file (issue 18): export it with
// stable ids, or bring a CSV back from a ticket system to update statuses, contacts and start dates.
// An import is all or nothing: one bad row, or an id the register does not hold, changes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ACTION_STATUSES, type ActionStatus, type RegisterFilter } from '../../core/protocol/register.ts';
import {
  applyChanges, buildRegister, changeLine, changesFromCsv, filterRegister, problemLine, registerCsv, registerJson, storedSessions,
} from '../../core/service/register.ts';
import { quote } from '../../core/scenario/index.ts';
import { readCsv } from '../files/csv.ts';
import { createServiceStorage, isSessionBundle, openStore, type Store } from '../store/index.ts';
import { parseArgs } from './args.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io.ts';
import { refuseToReplace, writeOutput } from './out-file.ts';

const HELP = `Usage: drillbook register DB [--format csv|json] [--out FILE] [--force]
                          [--status S[,S...]] [--owner ORG] [--capability NAME] [--overdue]
       drillbook register DB --import FILE

Every improvement-plan item of every session in the data file DB is a corrective action, with a
stable id SESSION/ITEM. Without --import the register is printed (or written with --out FILE; an
existing file is replaced only with --force):
  --format NAME    csv (default) or json
  --status LIST    only these statuses (${ACTION_STATUSES.join(', ')}), comma-separated
  --owner ORG      only this owner organisation (ignoring case)
  --capability C   only this capability (ignoring case)
  --overdue        only actions past their due date and neither done nor validated
With --import FILE, a register CSV (as exported, perhaps edited in a ticket system) updates the
status, contact and start columns of the actions it names; the other columns are not read. It
prints what it changed. Nothing changes when a row is malformed or names an id the register does
not hold: the errors say which row and column.`;

function filterOf(parsed: ReturnType<typeof parseArgs>): RegisterFilter {
  const filter: RegisterFilter = {};
  const status = parsed.values.get('--status');
  if (status !== undefined) {
    const list = status.split(',').map((s) => s.trim().toLowerCase().replace(/[_-]/g, ' '));
    for (const s of list) {
      if (!(ACTION_STATUSES as readonly string[]).includes(s)) throw new UsageError(`--status: ${quote(s)} is not a status; use ${ACTION_STATUSES.join(', ')}`);
    }
    filter.status = list as ActionStatus[];
  }
  const owner = parsed.values.get('--owner');
  if (owner !== undefined) filter.owner = owner;
  const capability = parsed.values.get('--capability');
  if (capability !== undefined) filter.capability = capability;
  if (parsed.switches.has('--overdue')) filter.overdue = true;
  return filter;
}

const today = (): string => new Date().toISOString().slice(0, 10);

function register(store: Store) {
  const storage = createServiceStorage(store);
  return buildRegister(storedSessions(storage), storage.actions.list(), today());
}

function importFile(store: Store, file: string, io: CliIo): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`Could not read ${file} (${code}).`);
  }
  const read = readCsv(text);
  const parsed = read.ok ? changesFromCsv(read.records) : read;
  const applied = parsed.ok ? applyChanges(register(store), parsed.changes, Date.now()) : parsed;
  if (!applied.ok) {
    io.err(`drillbook register: ${file} was not imported; nothing was changed:`);
    for (const problem of applied.problems) io.err(`  ${file}: ${problemLine(problem)}`);
    return EXIT_FAILED;
  }
  if (applied.records.length > 0) store.actions.put(applied.records);
  io.out(`Data file: ${store.path}`);
  if (applied.changes.length === 0) {
    io.out(`No changes: ${file} matches the register.`);
    return EXIT_OK;
  }
  for (const change of applied.changes) io.out(changeLine(change));
  io.out(`${applied.changes.length} change(s) to ${applied.records.length} corrective action(s).`);
  return EXIT_OK;
}

export const registerCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--format', '--out', '--import', '--status', '--owner', '--capability'], ['--force', '--overdue']);
  const [db, extra] = parsed.positionals;
  if (db === undefined) throw new UsageError('name the data file: drillbook register DB');
  if (extra !== undefined) throw new UsageError(`one data file at a time; ${quote(extra)} is one too many`);
  const path = resolve(io.cwd, db);
  if (!existsSync(path)) throw new Error(`There is no Drillbook data file at ${path}.`);
  if (isSessionBundle(path)) throw new Error(`${path} is a session bundle, which is only ever read: its actions live in the data file it was exported from.`);
  const importing = parsed.values.get('--import');
  if (importing !== undefined) {
    for (const flag of ['--format', '--out', '--status', '--owner', '--capability']) {
      if (parsed.values.has(flag)) throw new UsageError(`--import reads a file; ${flag} is for exports`);
    }
    if (parsed.switches.has('--overdue') || parsed.switches.has('--force')) throw new UsageError('--import reads a file; --overdue and --force are for exports');
    const store = openStore(path);
    try {
      return importFile(store, resolve(io.cwd, importing), io);
    } finally {
      store.close();
    }
  }
  const format = parsed.values.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not ${quote(format)}`);
  const filter = filterOf(parsed);
  const out = parsed.values.get('--out');
  const force = parsed.switches.has('--force');
  if (out !== undefined) refuseToReplace([resolve(io.cwd, out)], force, 'file with --out FILE');
  const store = openStore(path, { readonly: true });
  let text: string;
  try {
    const actions = filterRegister(register(store), filter);
    text = format === 'csv' ? registerCsv(actions) : registerJson(actions);
  } finally {
    store.close();
  }
  return writeOutput(io, 'register', out, text, force);
};
