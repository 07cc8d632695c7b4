import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { betterSqliteBindingPath, withNativeBinding, electronBuildName, NativeModuleError } = await import('../../../electron/main/native.ts');
import type { NativeEnv } from '../../../electron/main/native.ts';

const root = mkdtempSync(join(tmpdir(), 'drillbook-native-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = (over: Partial<NativeEnv>): NativeEnv => ({
  versions: { node: '20.0.0' },
  platform: 'linux',
  arch: 'x64',
  appRoot: root,
  resourcesPath: undefined,
  packaged: false,
  exists: existsSync,
  ...over,
});

describe('betterSqliteBindingPath', () => {
  it('leaves Node on the module’s own build', () => {
    expect(betterSqliteBindingPath(env({}))).toBeUndefined();
  });

  it('points Electron in development at the copy under .electron-native, per version and platform', () => {
    const dir = join(root, '.electron-native', electronBuildName('45.5.0', 'linux', 'x64'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), '');
    expect(betterSqliteBindingPath(env({ versions: { electron: '45.5.0' } }))).toBe(join(dir, 'better_sqlite3.node'));
  });

  it('says what to run when the Electron build is missing', () => {
    const call = () => betterSqliteBindingPath(env({ versions: { electron: '46.0.0' } }));
    expect(call).toThrow(NativeModuleError);
    expect(call).toThrow(/npm run native:electron/);
  });

  it('points an installed app at its resources', () => {
    const resources = join(root, 'resources');
    mkdirSync(join(resources, 'native'), { recursive: true });
    writeFileSync(join(resources, 'native', 'better_sqlite3.node'), '');
    expect(betterSqliteBindingPath(env({ versions: { electron: '45.5.0' }, packaged: true, resourcesPath: resources }))).toBe(
      join(resources, 'native', 'better_sqlite3.node'),
    );
    expect(() => betterSqliteBindingPath(env({ versions: { electron: '45.5.0' }, packaged: true, resourcesPath: join(root, 'x') }))).toThrow(/Reinstall/);
  });
});

describe('withNativeBinding', () => {
  const requireHere = createRequire(import.meta.url);
  const Database = requireHere('better-sqlite3') as new (f?: string, o?: Record<string, unknown>) => { prepare(sql: string): { get(): unknown }; close(): void };
  const nodeBuild = join(requireHere.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');

  it('returns the module untouched under Node', () => {
    expect(withNativeBinding(Database, undefined)).toBe(Database);
  });

  it('loads the binding it is given, with and without `new`, and keeps instanceof', () => {
    const Wrapped = withNativeBinding(Database, nodeBuild);
    const db = new Wrapped(':memory:');
    expect(db.prepare('select 41 + 1 as n').get()).toEqual({ n: 42 });
    expect(db).toBeInstanceOf(Database);
    db.close();
    const called = (Wrapped as unknown as (f: string) => { close(): void })(':memory:');
    expect(called).toBeInstanceOf(Database);
    called.close();
  });

  it('really passes the path: a missing binding fails to load', () => {
    const Wrapped = withNativeBinding(Database, join(root, 'missing', 'better_sqlite3.node'));
    expect(() => new Wrapped(':memory:')).toThrow(/missing/);
  });

  it('lets a caller’s own options through, and its own binding win', () => {
    const Wrapped = withNativeBinding(Database, join(root, 'missing', 'better_sqlite3.node'));
    const db = new Wrapped(':memory:', { nativeBinding: nodeBuild, timeout: 10 });
    db.close();
  });
});

describe('withNativeBinding, lazily', () => {
  const requireHere = createRequire(import.meta.url);
  const Database = requireHere('better-sqlite3') as new (f?: string, o?: Record<string, unknown>) => { close(): void };

  it('asks for the binding only when a database is opened, and once', () => {
    const resolver = vi.fn(() => {
      throw new NativeModuleError('run npm run native:electron');
    });
    const Wrapped = withNativeBinding(Database, resolver);
    expect(resolver).not.toHaveBeenCalled();
    expect(() => new Wrapped(':memory:')).toThrow(/native:electron/);
    const nodeBuild = join(requireHere.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');
    const ok = vi.fn(() => nodeBuild);
    const Fine = withNativeBinding(Database, ok);
    new Fine(':memory:').close();
    new Fine(':memory:').close();
    expect(ok).toHaveBeenCalledTimes(1);
  });
});
