// drillbook lint FILE...: is each scenario a fair exercise, beyond valid? Prints findings
// compiler-style (FILE:LINE:COL: warning|note: RULE: MESSAGE) from the shared core
// (core/scenario/lint), one summary line per file, and counts per rule over several files.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatLoadError, MAX_FILE_BYTES } from '../../core/scenario/index.ts';
import { activeFindings, formatLintFinding, lintScenarioText, type LintFinding } from '../../core/scenario/lint/index.ts';
import { LINT_RULES } from '../../core/scenario/types.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io.ts';

const HELP = `Usage: drillbook lint [--strict] [--verbose] FILE...

Checks that each scenario is a fair exercise, beyond being valid: cues that give answers away,
values cut by a YAML comment, idle roles, an empty room screen, communication met by words alone,
windows too short to discuss, a story clock that runs backwards, objectives nothing measures.
Prints each finding as FILE:LINE:COL: warning|note: RULE: MESSAGE, and one summary line per file.
A file that does not load gets its errors, as drillbook validate prints them.

Rules: ${LINT_RULES.join(', ')}.
An element silences a rule for itself with  lint: {allow: [RULE], why: "..."}.

  --strict   warnings fail (exit 1); notes never do
  --verbose  also print silenced findings, with the element's why

Exit status: 0 when every file loads (warnings allowed), 1 when any file does not load or, with
--strict, has a warning; 2 on a usage error.`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function readText(path: string): Promise<string> {
  const info = await stat(path);
  if (info.isDirectory()) throw new Error('it is a directory, not a file');
  if (info.size > MAX_FILE_BYTES) {
    throw new Error(`the file is ${(info.size / 1048576).toFixed(2)} MiB; a scenario file may be at most 1 MiB (1,048,576 bytes)`);
  }
  return readFile(path, 'utf8');
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

interface Options {
  strict: boolean;
  verbose: boolean;
  files: string[];
}

function parse(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { strict: { type: 'boolean' }, verbose: { type: 'boolean' } } });
  } catch (error) {
    // util.parseArgs names the option first in its message; say it the way the other commands do.
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} takes no value`);
    throw new UsageError(option ? `unknown option '${option}'` : message);
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('no files given: name the scenario files to check');
  return { strict: parsed.values.strict === true, verbose: parsed.values.verbose === true, files };
}

interface FileOutcome {
  /** False when the file could not be read or does not load. */
  loaded: boolean;
  findings: LintFinding[];
}

function summary(file: string, findings: readonly LintFinding[], silenced: number): string {
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - warnings;
  const quiet = silenced > 0 ? ` (${silenced} silenced)` : '';
  if (findings.length === 0) return `${file}: OK: no findings${quiet}`;
  return `${file}: ${plural(warnings, 'warning')}, ${plural(notes, 'note')}${quiet}`;
}

async function lintFile(file: string, options: Options, io: CliIo): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readText(resolve(io.cwd, file));
  } catch (error) {
    io.out(`${file}: cannot read the file: ${reason(error)}`);
    return { loaded: false, findings: [] };
  }
  const result = lintScenarioText(text, file);
  if (!result.ok) {
    for (const e of result.errors) io.out(formatLoadError(e));
    // A value cut by a comment is often why the loader found a value missing: say so after the errors.
    for (const f of result.findings) io.out(formatLintFinding(file, f));
    io.out(`${file}: not checked: ${plural(result.errors.length, 'error')}; fix ${result.errors.length === 1 ? 'it' : 'them'} first (drillbook validate)`);
    return { loaded: false, findings: [] };
  }
  const active = activeFindings(result.findings);
  for (const f of result.findings) {
    if (f.silenced === undefined || options.verbose) io.out(formatLintFinding(file, f));
  }
  io.out(summary(file, active, result.findings.length - active.length));
  return { loaded: true, findings: active };
}

function perRule(findings: readonly LintFinding[]): string[] {
  const lines: string[] = [];
  const width = Math.max(...LINT_RULES.map((r) => r.length));
  for (const rule of LINT_RULES) {
    const mine = findings.filter((f) => f.rule === rule);
    if (mine.length === 0) continue;
    const warnings = mine.filter((f) => f.severity === 'warning').length;
    const parts = [warnings > 0 ? plural(warnings, 'warning') : '', mine.length - warnings > 0 ? plural(mine.length - warnings, 'note') : ''].filter(Boolean);
    lines.push(`  ${rule.padEnd(width)}  ${parts.join(', ')}`);
  }
  return lines;
}

export const lintCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const options = parse(args);
  const outcomes: FileOutcome[] = [];
  for (const file of options.files) outcomes.push(await lintFile(file, options, io));

  const failedToLoad = outcomes.filter((o) => !o.loaded).length;
  const all = outcomes.flatMap((o) => o.findings);
  const warned = outcomes.filter((o) => o.findings.some((f) => f.severity === 'warning')).length;
  if (options.files.length > 1) {
    const warnings = all.filter((f) => f.severity === 'warning').length;
    const notLoaded = failedToLoad > 0 ? `; ${failedToLoad} did not load` : '';
    io.out(`${options.files.length} files: ${plural(warnings, 'warning')}, ${plural(all.length - warnings, 'note')}${notLoaded}`);
    for (const line of perRule(all)) io.out(line);
  }
  if (failedToLoad > 0) return EXIT_FAILED;
  if (options.strict && warned > 0) {
    if (options.files.length > 1) io.out(`--strict: ${warned} of ${options.files.length} files have warnings`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
};
