// drillbook validate FILE...: check scenarios and play scripts, print errors compiler-style
// (FILE:LINE:COL: PATH: MESSAGE) and one OK line with a summary per valid file.
import { resolve } from 'node:path';
import { formatDuration, formatLoadError, loadAny, type Play, type Scenario, quote, visible } from '../../core/scenario/index.ts';
import { parseArgs } from './args.ts';
import { readFailure, readScenarioText, type ScenarioText } from './scenario-file.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io.ts';

const HELP = `Usage: drillbook validate FILE...

Checks each scenario (format: drillbook/scenario@1) or play script (format: drillbook/play@1).
Prints every error as FILE:LINE:COL: PATH: MESSAGE and one OK line per valid file.
Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error.`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function scenarioSummary(s: Scenario): string {
  const prompts = s.injects.reduce((n, i) => n + i.prompts.length, 0);
  return [
    plural(s.roles.length, 'role'),
    plural(s.injects.length, 'inject'),
    plural(prompts, 'prompt'),
    plural(s.runbook.length, 'runbook step'),
    `planned ${formatDuration(s.duration)}`,
  ].join(', ');
}

export function playSummary(p: Play): string {
  const last = p.events.reduce((max, e) => Math.max(max, e.at), 0);
  const target = p.scenario ? ` for ${quote(String(p.scenario))}` : '';
  return `play script${target} — ${plural(p.events.length, 'event')}, last at ${formatDuration(last)}`;
}

/** Validate one file; true when it is valid. */
async function validateFile(file: string, io: CliIo): Promise<boolean> {
  let read: ScenarioText;
  try {
    read = await readScenarioText(resolve(io.cwd, file), file);
  } catch (error) {
    io.out(`${file}: cannot read the file: ${readFailure(error)}`);
    return false;
  }
  if (!read.ok) {
    io.out(formatLoadError(read.error));
    return false;
  }
  const loaded = loadAny(read.text, file);
  if (!loaded.result.ok) {
    for (const e of loaded.result.errors) io.out(formatLoadError(e));
    return false;
  }
  if (loaded.kind === 'play') io.out(`${file}: OK: ${playSummary(loaded.result.value)}`);
  else io.out(`${file}: OK: '${visible(loaded.result.value.title)}' — ${scenarioSummary(loaded.result.value)}`);
  return true;
}

export const validateCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const files = parseArgs(args, [], []).positionals;
  if (files.length === 0) throw new UsageError('no files given: name the scenario or play script files to check');

  let invalid = 0;
  for (const file of files) if (!(await validateFile(file, io))) invalid++;
  if (files.length > 1) {
    io.out(invalid === 0 ? `all ${files.length} files are valid` : `${invalid} of ${files.length} files have errors`);
  }
  return invalid === 0 ? EXIT_OK : EXIT_FAILED;
};
