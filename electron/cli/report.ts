// drillbook report DB --session ID --format json [--out FILE]: a stored session re-scored from its
// events and the scenario text it ran with. Opens the file read-only.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Debrief } from '../../core/scoring/index.ts';
import { rescoreSession } from '../host/rescore.ts';
import { openStore } from '../store/index.ts';
import { parseArgs } from './args.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand } from './io.ts';

const HELP = `Usage: drillbook report DB --session ID --format json [--out FILE]

Re-scores session ID of the Drillbook data file DB from its recorded events and the copy of the
scenario it ran with, and prints the debrief (or writes it to FILE).
  --session ID    the session (drillbook sessions DB lists them)
  --format LIST   output format; available now: json
  --out FILE      write to FILE instead of printing
The data file is opened read-only.`;

/** Renders the debrief in one format. The reports issue adds more. */
export const renderers: Record<string, (debrief: Debrief) => string> = {
  json: (debrief) => `${JSON.stringify(debrief, null, 2)}\n`,
};

export const reportCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--session', '--format', '--out'], []);
  const [db, extra] = parsed.positionals;
  if (db === undefined) throw new UsageError('no data file given');
  if (extra !== undefined) throw new UsageError(`one data file at a time; '${extra}' is one too many`);
  const sessionId = parsed.values.get('--session');
  if (sessionId === undefined) throw new UsageError('no session given: add --session ID (drillbook sessions DB lists them)');
  const format = (parsed.values.get('--format') ?? 'json').toLowerCase();
  const render = renderers[format];
  if (!render) throw new UsageError(`format '${format}' is not available; available: ${Object.keys(renderers).join(', ')}`);

  const store = openStore(resolve(io.cwd, db), { readonly: true });
  let text: string;
  try {
    text = render(rescoreSession(store, sessionId));
  } finally {
    store.close();
  }
  const out = parsed.values.get('--out');
  if (out === undefined) {
    io.out(text);
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
