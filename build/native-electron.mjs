// Builds better-sqlite3 for Electron's ABI into .electron-native/electron-<version>-<platform>-<arch>/,
// beside (never instead of) the Node build in node_modules/better-sqlite3/build that `npm test` and
// the CLI load. The desktop app finds it through electron/main/native.ts.
//
// It compiles a copy of the package's sources with node-gyp against Electron's headers, which
// node-gyp downloads: it needs the network and a C++ toolchain (python3, make, g++ on Linux; Visual
// Studio Build Tools on Windows; Xcode tools on macOS). It cannot run on a machine without access to
// Electron's header downloads; `--dry-run` prints what it would do. `--nodedir=/usr` (local Node
// headers) checks the copy-and-compile pipeline offline, building for Node into a folder the app
// never loads from.
//
// Do not use @electron/rebuild or `electron-builder install-app-deps` for this: they rebuild
// node_modules/better-sqlite3 in place, which replaces (and on failure deletes) the Node build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(ROOT, 'package.json'));
export const HEADERS_URL = 'https://electronjs.org/headers';

/** What the build would do, as data (printed by --dry-run, checked by a test). */
export function nativeBuildPlan({ root = ROOT, platform = process.platform, arch = process.arch, electronVersion, nodedir } = {}) {
  const version = electronVersion ?? JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  const nativeDir = join(root, '.electron-native');
  const work = join(nativeDir, `src-better-sqlite3-electron-${version}-${platform}-${arch}`);
  const target = nodedir
    ? join(nativeDir, `pipeline-check-node-${platform}-${arch}`, 'better_sqlite3.node')
    : join(nativeDir, `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  return {
    version,
    source: packageDir,
    work,
    target,
    headers: join(nativeDir, 'headers'),
    command: nodedir
      ? // Offline check of the pipeline only: builds against local Node headers, so the result is
        // for Node's ABI and is written to a folder the app never loads from.
        [process.execPath, nodeGyp, 'rebuild', '--release', `--nodedir=${nodedir}`]
      : [
          process.execPath,
          nodeGyp,
          'rebuild',
          '--release',
          `--target=${version}`,
          '--runtime=electron',
          `--arch=${arch}`,
          `--dist-url=${HEADERS_URL}`,
          `--devdir=${join(nativeDir, 'headers')}`,
        ],
  };
}

/** The build writes only under .electron-native/: a guard against ever touching the Node build. */
export function assertOutside(plan) {
  const source = resolve(plan.source);
  for (const path of [plan.work, plan.target, plan.headers]) {
    const target = resolve(path);
    if (target === source || target.startsWith(source + sep)) {
      throw new Error(`Refusing to write into ${relative(ROOT, plan.source)}: ${path}`);
    }
  }
}

function run(plan) {
  assertOutside(plan);
  rmSync(plan.work, { recursive: true, force: true });
  mkdirSync(plan.work, { recursive: true });
  // The sources only: the package's own build/ (the Node binary) stays where it is, untouched.
  cpSync(plan.source, plan.work, {
    recursive: true,
    filter: (path) => {
      const rel = relative(plan.source, path);
      return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
    },
  });
  const [command, ...args] = plan.command;
  const result = spawnSync(command, args, { cwd: plan.work, stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(plan.work, { recursive: true, force: true });
    throw new Error(
      `node-gyp could not build better-sqlite3 for Electron ${plan.version} (exit ${result.status ?? result.signal}). ` +
        'It needs the network (Electron headers) and a C++ toolchain; see the messages above.',
    );
  }
  const built = join(plan.work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`node-gyp finished but ${built} is missing.`);
  mkdirSync(dirname(plan.target), { recursive: true });
  copyFileSync(built, plan.target);
  rmSync(plan.work, { recursive: true, force: true });
  return plan.target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dryRun = process.argv.includes('--dry-run');
  const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const plan = nativeBuildPlan({ arch: option('arch') ?? process.arch, nodedir: option('nodedir') });
  assertOutside(plan);
  if (dryRun) {
    console.log(JSON.stringify(plan, null, 2));
  } else if (existsSync(plan.target) && !process.argv.includes('--force')) {
    console.log(`Electron build of better-sqlite3 already present: ${relative(ROOT, plan.target)} (--force rebuilds it)`);
  } else {
    try {
      console.log(`Built ${relative(ROOT, run(plan))}`);
    } catch (error) {
      console.error(`native:electron: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}
