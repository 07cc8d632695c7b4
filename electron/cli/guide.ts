// drillbook guide SCENARIO --for participants|facilitator [--role ROLE] [--format html|pdf|md]
// [--out FILE]: a scenario's facilitator pack in print. The participant situation manual (for one
// role with --role: its brief and its handouts) or the facilitator and evaluator guide; HTML and
// Markdown from core/guide, PDF through the reports' Chromium path.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GUIDE_AUDIENCES, GUIDE_FORMATS, GuideRoleError, renderGuide, type GuideAudience, type GuideFormat } from '../../core/guide/index.ts';
import { formatLoadError, loadScenario, MAX_FILE_BYTES } from '../../core/scenario/index.ts';
import { htmlToPdf } from '../report/pdf.ts';
import { parseArgs } from './args.ts';
import { refuseToReplace, writeOutput } from './out-file.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand } from './io.ts';

const HELP = `Usage: drillbook guide SCENARIO --for participants|facilitator [--role ROLE] [--format html|pdf|md] [--out FILE] [--force]

Prints a scenario's facilitator pack:
  --for participants  the situation manual: summary, ground rules, assumptions, the roles,
                      handouts and the schedule, with no expected answers, notes or scripts
  --for facilitator   the facilitator and evaluator guide: everything, with the events list,
                      expected answers, the runbook, the EEG per objective, the characters'
                      scripts and the scoring rules
  --role ROLE         participants only: the manual of one role, with its brief and its handouts
                      (without it: the common manual, no briefs)
  --format NAME       html (default: one self-contained file), md, or pdf (needs Chromium and --out)
  --out FILE          write to FILE instead of printing
  --force             replace an existing FILE (without it, an existing file is kept)`;

export const guideCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const parsed = parseArgs(args, ['--for', '--role', '--format', '--out'], ['--force']);
  const [file, extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('no scenario given');
  if (extra !== undefined) throw new UsageError(`one scenario at a time; '${extra}' is one too many`);
  const forWho = parsed.values.get('--for');
  if (forWho === undefined) throw new UsageError('say who it is for: --for participants or --for facilitator');
  const audience = GUIDE_AUDIENCES.find((a) => a === forWho.toLowerCase()) as GuideAudience | undefined;
  if (audience === undefined) throw new UsageError(`--for '${forWho}' is not available; use participants or facilitator`);
  const formatName = (parsed.values.get('--format') ?? 'html').toLowerCase();
  const format = GUIDE_FORMATS.find((f) => f === formatName || (f === 'md' && formatName === 'markdown')) as GuideFormat | undefined;
  if (format === undefined) throw new UsageError(`format '${formatName}' is not available; available: ${GUIDE_FORMATS.join(', ')}`);
  const role = parsed.values.get('--role');
  if (role !== undefined && audience !== 'participants') throw new UsageError('--role picks a participant manual; the facilitator guide holds every role');
  const out = parsed.values.get('--out');
  if (format === 'pdf' && out === undefined) throw new UsageError('a PDF is not printed to the terminal: add --out FILE');
  const force = parsed.switches.has('--force');
  if (out !== undefined) refuseToReplace([resolve(io.cwd, out)], force, 'file with --out FILE');

  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.err(`Could not read ${path} (${code}).`);
    return EXIT_FAILED;
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    io.err(`${path}: the file is larger than ${MAX_FILE_BYTES} bytes.`);
    return EXIT_FAILED;
  }
  const loaded = loadScenario(text, file);
  if (!loaded.ok) {
    io.err(loaded.errors.map(formatLoadError).join('\n'));
    return EXIT_FAILED;
  }
  let rendered: string | Buffer;
  try {
    const options = role === undefined ? {} : { role };
    rendered = format === 'pdf' ? await htmlToPdf(renderGuide(loaded.value, audience, 'html', options)) : renderGuide(loaded.value, audience, format, options);
  } catch (error) {
    if (error instanceof GuideRoleError) throw new UsageError(error.message);
    throw error;
  }
  return writeOutput(io, 'guide', out, rendered, force);
};
