// The packaging configuration, checked offline: electron-builder's own schema validation, the
// fuses, the targets, the icon, and the native-module plan that must never touch the Node build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

vi.mock('electron', () => ({}));

const ROOT = join(import.meta.dirname, '..', '..', '..');
const requireHere = createRequire(join(ROOT, 'package.json'));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  files: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};
/** The build scripts are plain .mjs; imported by URL, typed at the use. */
const script = (name: string): string => pathToFileURL(join(ROOT, 'build', name)).href;
const electronVersion = (requireHere('electron/package.json') as { version: string }).version;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    const { validateConfiguration } = requireHere('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = requireHere('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses: no Node through the binary, asar only and checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('ships the Electron build of better-sqlite3 for the pinned Electron, not the Node one', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([
      { from: `.electron-native/electron-${electronVersion}-\${platform}-\${arch}/better_sqlite3.node`, to: 'native/better_sqlite3.node' },
    ]);
    expect(config.files).toContain('!node_modules/**');
    expect(config.files.some((pattern) => pattern.includes('better-sqlite3/build'))).toBe(false);
  });

  it('starts the bundled main process, in development as in the package', () => {
    expect(pkg.main).toBe('out/main/main.cjs');
    expect((config.extraMetadata as { main: string }).main).toBe(pkg.main);
    expect(pkg.scripts.dist).toMatch(/build:renderer.*build:electron.*native:electron.*electron-builder/);
  });
});

describe('build/icon.png', () => {
  it('is a 512x512 RGBA PNG', () => {
    const png = readFileSync(join(ROOT, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6);
  });

  it('comes from a PNG encoder that round-trips through zlib', async () => {
    const { encodePng } = (await import(script('make-icon.mjs'))) as { encodePng(w: number, h: number, rgba: Buffer): Buffer };
    const { inflateSync } = await import('node:zlib');
    const pixels = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128]);
    const png = encodePng(2, 1, pixels);
    const idatAt = png.indexOf('IDAT');
    const length = png.readUInt32BE(idatAt - 4);
    expect(inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length))).toEqual(Buffer.concat([Buffer.from([0]), pixels]));
  });
});

describe('npm run native:electron', () => {
  const load = async () =>
    (await import(script('native-electron.mjs'))) as {
      nativeBuildPlan(o?: Record<string, string>): { version: string; source: string; work: string; target: string; headers: string; command: string[] };
      assertOutside(plan: unknown): void;
    };

  it('builds with node-gyp for the pinned Electron into .electron-native/, where native.ts looks', async () => {
    const { nativeBuildPlan } = await load();
    const { electronBuildName, ELECTRON_NATIVE_DIR, BINDING_FILE } = await import('../../../electron/main/native.ts');
    const plan = nativeBuildPlan({ platform: 'linux', arch: 'x64' });
    expect(plan.version).toBe(electronVersion);
    expect(plan.command).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', `--target=${electronVersion}`, '--arch=x64']));
    expect(plan.target).toBe(join(ROOT, ELECTRON_NATIVE_DIR, electronBuildName(electronVersion, 'linux', 'x64'), BINDING_FILE));
  });

  it('refuses any plan that would write into node_modules/better-sqlite3', async () => {
    const { nativeBuildPlan, assertOutside } = await load();
    const plan = nativeBuildPlan();
    expect(() => assertOutside(plan)).not.toThrow();
    expect(() => assertOutside({ ...plan, work: plan.source })).toThrow(/Refusing/);
    expect(() => assertOutside({ ...plan, target: join(plan.source, 'build', 'Release', 'better_sqlite3.node') })).toThrow(/Refusing/);
  });
});
