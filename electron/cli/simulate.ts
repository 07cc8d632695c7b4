// drillbook simulate SCENARIO --play PLAY [--out DIR] [--format LIST]: a dry run. The play script
// drives a session through the app's own runtime on virtual time; a trainer reads the summary
// (overall, objectives, metrics, rejected script events) and the debrief lands in DIR.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatLoadError, loadPlay, loadScenario, type LoadError, type Play, type Scenario, quote, visible } from '../../core/scenario/index.ts';
import { simulatePlay, type Debrief, type SimulationResult } from '../../core/scoring/index.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io.ts';
import { keepDryRunIn } from './simulate-db.ts';
import { parseArgs } from './args.ts';
import { readFailure, readScenarioText } from './scenario-file.ts';
import { isTextReportFormat, REPORT_FILES, REPORT_FORMATS, type ReportFormat } from '../../core/report/index.ts';
import { refuseToReplace } from './out-file.ts';
import { fmtClock } from '../../core/report/format.ts';
import { capReason, overallOf } from '../../core/report/overall.ts';
import { ChromiumNotFoundError } from '../report/chromium.ts';
import { writeReports } from '../report/write-reports.ts';

const HELP = `Usage: drillbook simulate SCENARIO --play PLAY [--out DIR] [--format ${REPORT_FORMATS.join(',')}] [--force]

Runs the play script (drillbook/play@1) against the scenario in virtual time, through the same
engine the app uses, prints a summary and writes DIR/debrief.json (default ./debrief-<scenario id>).
  --play FILE     the play script (required)
  --out DIR       where to write the debrief
  --format LIST   comma-separated: ${REPORT_FORMATS.join(', ')} (default json); ${REPORT_FORMATS.filter((f) => !isTextReportFormat(f)).join(', ')} needs Chromium
  --db FILE       also keep the dry run as a session in the Drillbook data file FILE
  --force         replace debrief files already in DIR (without it, they are kept and nothing runs)
Exit status: 0 when the dry run completed (rejected script events are listed, not fatal),
1 when the scenario or the play is broken, 2 on a usage error.`;

/** Output formats: each writes one file into DIR and returns its path. */
export type DebriefWriter = (debrief: Debrief, dir: string) => Promise<string>;

export const writers: Record<string, DebriefWriter> = Object.fromEntries(
  REPORT_FORMATS.map((format): [string, DebriefWriter] => [format, async (debrief, dir) => (await writeReports(debrief, [format], dir))[0]?.path ?? dir]),
);

interface Args {
  scenario: string;
  play: string;
  out: string | null;
  formats: string[];
  db: string | null;
  force: boolean;
}

function parseSimulateArgs(args: string[]): Args {
  const parsed = parseArgs(args, ['--play', '--out', '--db', '--format'], ['--force']);
  const [scenario = null, extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError(`one scenario at a time; ${quote(extra)} is one too many`);
  const play = parsed.values.get('--play') ?? null;
  const out = parsed.values.get('--out') ?? null;
  const db = parsed.values.get('--db') ?? null;
  const format = parsed.values.get('--format');
  const formats = format === undefined ? ['json'] : format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (scenario === null) throw new UsageError('no scenario given');
  if (play === null) throw new UsageError('no play script given: add --play FILE');
  if (formats.length === 0) throw new UsageError('--format needs at least one format');
  const unknown = formats.filter((f) => !Object.hasOwn(writers, f));
  if (unknown.length > 0) {
    throw new UsageError(`format ${unknown.map((f) => `${quote(f)}`).join(', ')} is not available; available: ${Object.keys(writers).join(', ')}`);
  }
  // Printed formats (the PDF) last: without Chromium they fail, and the other formats are written by then.
  const printed = (f: string) => Number(!isTextReportFormat(f as ReportFormat));
  return { scenario, play, out, formats: [...new Set(formats)].sort((a, b) => printed(a) - printed(b)), db, force: parsed.switches.has('--force') };
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

// Exercise times read as in the app and the reports: fmtClock (core/report/format.ts).
const clock = fmtClock;

const pct = (p: number | null): string => (p === null ? '  —' : `${Math.round(p)}%`.padStart(4));
const pts = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/** The summary a trainer reads at a glance. */
export function summarize(scenario: Scenario, playFile: string, result: SimulationResult): string[] {
  const d = result.debrief;
  const lines = [`Dry run of '${visible(scenario.title)}' (${scenario.id}) with ${playFile}: ended at ${clock(d.session.duration_s)}`];
  // The overall rating leads, as in every report; when the weakest objective capped it, say which and why.
  const overall = overallOf(d);
  lines.push(`Overall: ${d.score.rating ?? 'not rated'}, ${pct(d.score.percent).trim()} (${pts(d.score.points)} of ${pts(d.score.possible)} points)`);
  if (overall.cap) lines.push(`  capped by ${overall.cap.id} (${overall.cap.rating ?? '—'}): ${capReason(overall)}`);
  const width = Math.max(...d.objectives.map((o) => o.id.length), 4);
  lines.push('Objectives:');
  for (const o of d.objectives) {
    const override = o.rating_override ? `  (set by the facilitator; computed ${o.computed_rating ?? '—'}: ${o.rating_override.reason})` : '';
    lines.push(`  ${o.id.padEnd(width)}  ${pct(o.percent)}  ${o.rating ?? '—'}${override}`);
  }
  if (d.metrics.length > 0) {
    const mw = Math.max(...d.metrics.map((m) => m.name.length));
    lines.push('Metrics:');
    for (const m of d.metrics) {
      const met = m.at_s === null ? 'not met'.padEnd(14) : `at ${clock(m.at_s)}`.padEnd(14);
      const verdict = m.at_s === null ? 'MISSED' : m.at_s <= m.target_s ? 'on time' : `late by ${clock(m.at_s - m.target_s)}`;
      lines.push(`  ${m.name.padEnd(mw)}  ${met}  target ${clock(m.target_s).padEnd(8)}  ${verdict}`);
    }
  }
  const review = d.prompts.filter((p) => p.needs_review).map((p) => p.id);
  if (review.length > 0) lines.push(`Needs the facilitator's review (text without keywords): ${review.join(', ')}`);
  const provisional = d.prompts.filter((p) => p.provisional).map((p) => p.id);
  if (provisional.length > 0) lines.push(`Provisional (keyword credit, not graded): ${provisional.join(', ')}`);
  for (const p of d.prompts) if (p.avoided.length > 0) lines.push(`Avoided in ${p.id}: ${p.avoided.join('; ')}`);
  if (result.rejected.length === 0) lines.push('Rejected script events: none');
  else {
    lines.push(`Rejected script events (${result.rejected.length}):`);
    for (const r of result.rejected) lines.push(`  ${clock(r.at_s)}  ${r.event}: ${r.reason}`);
  }
  return lines;
}

export const simulateCommand: CliCommand = async (args, io: CliIo) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseSimulateArgs(args);
  const texts: string[] = [];
  for (const file of [parsed.scenario, parsed.play]) {
    try {
      const read = await readScenarioText(resolve(io.cwd, file), file);
      if (!read.ok) {
        io.err(formatLoadError(read.error));
        return EXIT_FAILED;
      }
      texts.push(read.text);
    } catch (error) {
      io.err(`${file}: cannot read the file: ${readFailure(error)}`);
      return EXIT_FAILED;
    }
  }
  const loadedScenario = loadScenario(texts[0] as string, parsed.scenario);
  const loadedPlay = loadPlay(texts[1] as string, parsed.play);
  const errors: LoadError[] = [...(loadedScenario.ok ? [] : loadedScenario.errors), ...(loadedPlay.ok ? [] : loadedPlay.errors)];
  if (!loadedScenario.ok || !loadedPlay.ok) {
    for (const e of errors) io.err(formatLoadError(e));
    io.err('The dry run did not start: fix the errors above (drillbook validate FILE checks a file alone).');
    return EXIT_FAILED;
  }
  const scenario: Scenario = loadedScenario.value;
  const play: Play = loadedPlay.value;
  if (play.scenario !== undefined && play.scenario !== scenario.id) {
    io.err(`${parsed.play}: this play script was written for the scenario ${quote(String(play.scenario))}, not ${quote(String(scenario.id))}. Pass the matching scenario, or change the play's \`scenario\` key.`);
    return EXIT_FAILED;
  }
  // Files already in DIR are kept unless --force: checked before the dry run touches anything
  // (the data file of --db included).
  const dir = resolve(io.cwd, parsed.out ?? `debrief-${scenario.id}`);
  refuseToReplace(parsed.formats.map((format) => join(dir, REPORT_FILES[format as ReportFormat])), parsed.force, 'folder with --out DIR');
  const kept = parsed.db === null ? null : keepDryRunIn(resolve(io.cwd, parsed.db), scenario, texts[0] as string, parsed.scenario);
  let result: SimulationResult;
  try {
    result = simulatePlay(scenario, play, {
      wallStart: Date.now(),
      ...(kept ? { store: kept.store.events, sessionId: kept.sessionId, contentHash: kept.contentHash } : {}),
    });
  } finally {
    kept?.store.close();
  }
  if (kept) io.out(`Kept the dry run in ${parsed.db} as session ${kept.sessionId}`);
  for (const line of summarize(scenario, parsed.play, result)) io.out(line);
  try {
    await mkdir(dir, { recursive: true });
    for (const format of parsed.formats) {
      const file = await (writers[format] as DebriefWriter)(result.debrief, dir);
      io.out(`Wrote ${file}`);
    }
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) {
      io.err(`drillbook simulate: ${error.message}`);
      return EXIT_FAILED;
    }
    io.err(`Could not write the debrief to ${dir}: ${reason(error)}. Choose another directory with --out DIR.`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
};
