// What a CLI command writes to. Tests pass a capturing Io; the real command uses the process's.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
};

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Thrown by argument parsing: the message is printed with the usage, and the exit code is 2. */
export class UsageError extends Error {}
