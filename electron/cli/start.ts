// `drillbook start` (npm start): builds and opens the desktop app. Where the Electron binary cannot
// be had (it downloads on first launch, and some machines cannot reach its host), it says so in one
// line and starts browser mode (`drillbook serve`) instead, so the exercise still runs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXIT_FAILED, UsageError, type CliCommand, type CliIo } from './io.ts';
import { quote } from '../../core/scenario/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ElectronLookup {
  /** The folder of the installed `electron` package, or null when it is not installed. */
  packageDir: string | null;
  env: Partial<Record<string, string>>;
  exists(path: string): boolean;
  read(path: string): string | null;
}

/**
 * The Electron executable, or null when it is not on this machine. Mirrors what the `electron`
 * package's index.js resolves, without requiring it: requiring it tries to download the binary.
 */
export function findElectronBinary(lookup: ElectronLookup): string | null {
  if (!lookup.packageDir) return null;
  const relative = lookup.read(join(lookup.packageDir, 'path.txt'))?.trim() || null;
  const override = lookup.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative ?? 'electron') : relative ? join(lookup.packageDir, 'dist', relative) : null;
  return binary && lookup.exists(binary) ? binary : null;
}

function defaultLookup(): ElectronLookup {
  let packageDir: string | null = null;
  try {
    packageDir = dirname(createRequire(join(ROOT, 'package.json')).resolve('electron/package.json'));
  } catch {
    packageDir = null;
  }
  return {
    packageDir,
    env: process.env,
    exists: existsSync,
    read: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

export interface StartDeps {
  electronBinary(): string | null;
  /** Builds the renderer and the main-process bundle. */
  build(io: CliIo): Promise<void>;
  /** Runs Electron on the app; resolves with its exit code. */
  launch(binary: string): Promise<number>;
  /** `drillbook serve`, when this version has it. */
  loadServe(): Promise<CliCommand | null>;
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const defaultStartDeps: StartDeps = {
  electronBinary: () => findElectronBinary(defaultLookup()),
  async build(io) {
    io.out('Building the renderer and the desktop shell...');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const code = await run(npm, ['run', '--silent', 'build:renderer']);
    if (code !== 0) throw new Error(`building the renderer failed (npm run build:renderer exited ${code}).`);
    const script = pathToFileURL(join(ROOT, 'build', 'build-electron.mjs')).href;
    const { buildElectron } = (await import(script)) as { buildElectron: () => Promise<void> };
    await buildElectron();
    // The database module needs a build for Electron's ABI beside the Node one (native.ts). The
    // first start makes it (node-gyp, a minute or more, needs Electron's headers from the network).
    const native = pathToFileURL(join(ROOT, 'build', 'native-electron.mjs')).href;
    const { nativeBuildPlan } = (await import(native)) as { nativeBuildPlan: () => { target: string } };
    if (!existsSync(nativeBuildPlan().target)) {
      io.out('Building the database module for Electron (first start only)...');
      const built = await run(npm, ['run', '--silent', 'native:electron']);
      if (built !== 0) throw new Error(`building the database module for Electron failed (npm run native:electron exited ${built}); see the messages above.`);
    }
  },
  launch: (binary) => run(binary, ['.']),
  // A literal specifier, so that the compiled CLI (build/build-cli.mjs) splits serve into its own
  // chunk and loads it only here.
  loadServe: async () => (await import('./serve.ts')).serveCommand,
};

export const START_USAGE = 'start [--browser] [serve options]  open the desktop app; browser mode where Electron is not installed';

export function createStartCommand(deps: StartDeps): CliCommand {
  return async (args, io) => {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`Usage: drillbook ${START_USAGE}`);
      return 0;
    }
    const forceBrowser = args.includes('--browser');
    const rest = args.filter((a) => a !== '--browser');
    const binary = forceBrowser ? null : deps.electronBinary();
    if (binary) {
      if (rest.length > 0) throw new UsageError(`unexpected argument ${quote(String(rest[0]))} (options other than --browser are for browser mode).`);
      await deps.build(io);
      return deps.launch(binary);
    }
    io.err(
      forceBrowser
        ? 'drillbook start: --browser given: starting browser mode (drillbook serve) instead of the desktop app.'
        : 'drillbook start: the Electron binary is not installed on this machine (node_modules/electron/dist); starting browser mode (drillbook serve) instead.',
    );
    const serve = await deps.loadServe();
    if (!serve) {
      io.err('drillbook start: browser mode is not available in this version yet (no `drillbook serve`); install Electron (`npx install-electron`) to use the desktop app.');
      return EXIT_FAILED;
    }
    return serve(rest, io);
  };
}

export const startCommand: CliCommand = createStartCommand(defaultStartDeps);
