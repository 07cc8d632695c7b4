// drillbook schema [--play] [--write FILE]: print (or write) the JSON Schema that editors use to
// complete and check scenario files. `npm run schema` regenerates scenarios/schema.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { playJsonSchema, scenarioJsonSchema, schemaFileText, quote } from '../../core/scenario/index.ts';
import { EXIT_OK, UsageError, type CliCommand } from './io.ts';

const HELP = `Usage: drillbook schema [--play] [--write FILE]

Prints the JSON Schema of the scenario format (with --play, of the play-script format).
With --write FILE, writes it to FILE instead (npm run schema writes scenarios/schema.json).`;

export const schemaCommand: CliCommand = async (args, io) => {
  let write: string | undefined;
  let play = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      io.out(HELP);
      return EXIT_OK;
    } else if (arg === '--play') play = true;
    else if (arg === '--write') {
      write = args[++i];
      if (write === undefined || write.startsWith('-')) throw new UsageError('--write needs a file name');
    } else throw new UsageError(`unexpected argument ${quote(String(arg))}`);
  }
  const text = schemaFileText(play ? playJsonSchema() : scenarioJsonSchema());
  if (write === undefined) {
    io.out(text);
    return EXIT_OK;
  }
  const target = resolve(io.cwd, write);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, 'utf8');
  io.out(`wrote ${write}`);
  return EXIT_OK;
};
