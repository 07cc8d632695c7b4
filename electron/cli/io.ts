// What a CLI command writes to. Tests pass a capturing Io; the real command uses the process's.
import { visible } from '../../core/scenario/index.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The environment, where a command reads one (the default data file); process.env when absent. */
  env?: Record<string, string | undefined>;
}

/**
 * Messages quote files, arguments and recorded text: control characters other than tab and line
 * breaks, and bidirectional controls (an unterminated U+202E reverses the rest of the line), are
 * shown escaped on the terminal. Standard output is left alone: it may be a report being piped.
 */
export function terminalSafe(text: string): string {
  return text.split('\n').map((line) => visible(line).replace(/\\u0009/g, '\t')).join('\n');
}

/**
 * A reader that closes the pipe early (`drillbook simulate ... | head`) has all it wanted: stop
 * quietly with the command's exit code instead of dying with an EPIPE stack trace (issue 14, item 19).
 */
let pipeWatched = false;
function watchStdoutPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

export const processIo: CliIo = {
  out: (text) => {
    watchStdoutPipe();
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  err: (text) => {
    const safe = terminalSafe(text);
    process.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  },
  cwd: process.cwd(),
};

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Thrown by argument parsing: the message is printed with the usage, and the exit code is 2. */
export class UsageError extends Error {}
