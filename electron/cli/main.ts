// The drillbook command: one entry, one file per subcommand, loaded on demand so that
// `drillbook validate` never pays for SQLite or a browser.
import { EXIT_FAILED, EXIT_USAGE, processIo, UsageError, type CliCommand, type CliIo } from './io.ts';
import { quote } from '../../core/scenario/index.ts';

interface Entry {
  summary: string;
  load: () => Promise<CliCommand>;
}

const commands: Record<string, Entry> = {
  validate: {
    summary: 'validate FILE...            check scenarios and play scripts; FILE:LINE:COL: PATH: MESSAGE',
    load: async () => (await import('./validate.ts')).validateCommand,
  },
  lint: {
    summary: 'lint [--strict] [--verbose] FILE...  check that scenarios are fair exercises; FILE:LINE:COL: warning|note: RULE: MESSAGE',
    load: async () => (await import('./lint.ts')).lintCommand,
  },
  schema: {
    summary: 'schema [--play] [--write FILE]  print or write the JSON Schema of the scenario format',
    load: async () => (await import('./schema.ts')).schemaCommand,
  },
  simulate: {
    summary: 'simulate SCENARIO --play PLAY [--out DIR] [--format html,md,csv,json,pdf] [--db FILE] [--force]  dry-run a play script, print scores, write the debrief',
    load: async () => (await import('./simulate.ts')).simulateCommand,
  },
  guide: {
    summary: 'guide SCENARIO --for participants|facilitator [--role ROLE] [--format html|pdf|md] [--out FILE] [--force]  print the situation manual or the facilitator and evaluator guide',
    load: async () => (await import('./guide.ts')).guideCommand,
  },
  sessions: {
    summary: 'sessions [DB] [--json]      list the sessions kept in a data file (default: the one drillbook serve uses), with their scores; --compare IDS, --import BUNDLE',
    load: async () => (await import('./sessions.ts')).sessionsCommand,
  },
  report: {
    summary: 'report DB|BUNDLE [--session ID] --format html|md|csv|json|pdf|bundle [--out FILE] [--anonymize] [--no-notes] [--force]  re-score a stored session and write its debrief, or export it as a .drillbook bundle',
    load: async () => (await import('./report.ts')).reportCommand,
  },
  register: {
    summary: 'register DB [--format csv|json] [--out FILE] [--force] | register DB --import FILE  the corrective actions of every session, with stable ids; an import updates statuses',
    load: async () => (await import('./register.ts')).registerCommand,
  },
  restore: {
    summary: 'restore DB --from BACKUP    put a backup in place of a (damaged) data file; the old file is kept beside it',
    load: async () => (await import('./restore.ts')).restoreCommand,
  },
  serve: {
    summary: 'serve [--scenario FILE | --review FILE.drillbook] [--db FILE] [--host ADDR] [--port N]  run Drillbook in a browser; participants join from their own devices, or review a session bundle read-only',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  start: {
    summary: 'start [--browser]            open the desktop app (browser mode where Electron is not installed)',
    load: async () => (await import('./start.ts')).startCommand,
  },
};

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  drillbook ${c.summary}`);
  return ['Usage:', ...lines, '', 'Run `drillbook COMMAND --help` for a command\'s options, `drillbook --version` for the version.'].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    const { appVersion } = await import('../host/app-version.ts');
    io.out(`drillbook ${appVersion()}`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.err(`drillbook: unknown command ${quote(name)}.\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`drillbook ${name}: ${error.message}\n  drillbook ${entry.summary}`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`drillbook ${name}: ${message}`);
    return EXIT_FAILED;
  }
}
