// drillbook schema [--play] [--write FILE]: print (or write) the JSON Schema that editors use to
// complete and check scenario files. `npm run schema` regenerates scenarios/schema.json.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { playJsonSchema, scenarioJsonSchema, schemaFileText, quote } from '../../core/scenario/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { parseArgs } from './args.ts';
import { EXIT_OK, UsageError, type CliCommand } from './io.ts';

const HELP = `Usage: drillbook schema [--play] [--write FILE]

Prints the JSON Schema of the scenario format (with --play, of the play-script format).
With --write FILE, writes it to FILE instead (npm run schema writes scenarios/schema.json).`;

export const schemaCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--write'], ['--play']);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument ${quote(String(parsed.positionals[0]))}`);
  const write = parsed.values.get('--write');
  const play = parsed.switches.has('--play');
  const text = schemaFileText(play ? playJsonSchema() : scenarioJsonSchema());
  if (write === undefined) {
    io.out(text);
    return EXIT_OK;
  }
  const target = resolve(io.cwd, write);
  await mkdir(dirname(target), { recursive: true });
  writeFileAtomic(target, text, { overwrite: true });
  io.out(`wrote ${write}`);
  return EXIT_OK;
};
