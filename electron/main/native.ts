// better-sqlite3 under two ABIs. Tests and the CLI run on Node and load the module's own build in
// node_modules/better-sqlite3/build. The desktop app runs on Electron, whose ABI differs; it loads
// a copy built for Electron (`npm run native:electron` during development, the packaged
// resources in an installed app) through better-sqlite3's `nativeBinding` option. Neither build
// replaces the other, so `npm test` keeps working after `npm start`.
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';
export const BINDING_FILE = 'better_sqlite3.node';
/** Where electron-builder puts the Electron build inside an installed app's resources. */
export const PACKAGED_NATIVE_DIR = 'native';

export interface NativeEnv {
  versions: Partial<Record<string, string>>;
  platform: string;
  arch: string;
  /** The app's root in development (the repository); unused when packaged. */
  appRoot: string;
  /** process.resourcesPath when packaged, undefined otherwise. */
  resourcesPath: string | undefined;
  packaged: boolean;
  exists(path: string): boolean;
}

/** The folder name of one Electron build, so that builds for two versions never mix. */
export function electronBuildName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export class NativeModuleError extends Error {}

/**
 * The path of the better-sqlite3 binding to load, or undefined under Node (the default build).
 * Throws a NativeModuleError that says what to do when the Electron build is missing.
 */
export function betterSqliteBindingPath(env: NativeEnv): string | undefined {
  const electron = env.versions.electron;
  if (!electron) return undefined;
  const path = env.packaged && env.resourcesPath
    ? join(env.resourcesPath, PACKAGED_NATIVE_DIR, BINDING_FILE)
    : join(env.appRoot, ELECTRON_NATIVE_DIR, electronBuildName(electron, env.platform, env.arch), BINDING_FILE);
  if (!env.exists(path)) {
    throw new NativeModuleError(
      env.packaged
        ? `This installation of Drillbook is incomplete: its database module (${path}) is missing. Reinstall Drillbook.`
        : `The database module has no build for Electron ${electron} (${path} is missing). Run \`npm run native:electron\` once (it needs the network for Electron's headers), then \`npm start\` again.`,
    );
  }
  return path;
}

/** The constructor shape of better-sqlite3's default export, enough to wrap it. */
export type DatabaseConstructor = abstract new (...args: never[]) => object;

/**
 * better-sqlite3's Database with `nativeBinding` filled in when the caller gave none. A Proxy keeps
 * the statics, the prototype and `instanceof`, so the store's code needs no change. `binding` is
 * asked on first use, so a missing Electron build is reported when a database is opened (with
 * what to do), not as a crash while the app's modules load.
 */
export function withNativeBinding<C extends DatabaseConstructor>(Database: C, binding: string | undefined | (() => string | undefined)): C {
  if (binding === undefined) return Database;
  let resolved: string | undefined;
  const path = (): string | undefined => (resolved ??= typeof binding === 'function' ? binding() : binding);
  const fill = (args: unknown[]): unknown[] => {
    const [filename, options] = args;
    const given = options && typeof options === 'object' ? (options as Record<string, unknown>) : {};
    if ('nativeBinding' in given) return args;
    const nativeBinding = path();
    return nativeBinding === undefined ? args : [filename, { ...given, nativeBinding }, ...args.slice(2)];
  };
  return new Proxy(Database, {
    construct: (target, args, newTarget) => Reflect.construct(target, fill(args), newTarget),
    // better-sqlite3 may be called without `new`; keep that working too.
    apply: (target, thisArg, args) => Reflect.apply(target as unknown as (...a: unknown[]) => unknown, thisArg, fill(args)),
  });
}
