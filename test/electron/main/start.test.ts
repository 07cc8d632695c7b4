import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { createStartCommand, findElectronBinary } = await import('../../../electron/cli/start.ts');
import type { StartDeps } from '../../../electron/cli/start.ts';
import type { CliIo } from '../../../electron/cli/io.ts';

function capture(): CliIo & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, cwd: '/tmp', out: (t) => void lines.out.push(t), err: (t) => void lines.err.push(t) };
}

function deps(over: Partial<StartDeps>): StartDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    electronBinary: () => null,
    build: async () => void calls.push('build'),
    launch: async (binary) => {
      calls.push(`launch ${binary}`);
      return 0;
    },
    loadServe: async () => null,
    ...over,
  };
}

describe('drillbook start', () => {
  it('builds and launches the desktop app when Electron is installed', async () => {
    const d = deps({ electronBinary: () => '/opt/electron/electron' });
    const io = capture();
    expect(await createStartCommand(d)([], io)).toBe(0);
    expect(d.calls).toEqual(['build', 'launch /opt/electron/electron']);
    expect(io.lines.err).toEqual([]);
  });

  it('says so in one line and starts browser mode when Electron is missing', async () => {
    const served: string[][] = [];
    const d = deps({
      loadServe: async () => async (args) => {
        served.push(args);
        return 0;
      },
    });
    const io = capture();
    expect(await createStartCommand(d)(['--port', '8080'], io)).toBe(0);
    expect(io.lines.err).toHaveLength(1);
    expect(io.lines.err[0]).toMatch(/Electron binary is not installed.*browser mode/);
    expect(io.lines.err[0]).not.toContain('\n');
    expect(served).toEqual([['--port', '8080']]);
    expect(d.calls).toEqual([]);
  });

  it('fails clearly when neither the desktop app nor browser mode is available', async () => {
    const io = capture();
    expect(await createStartCommand(deps({}))([], io)).toBe(1);
    expect(io.lines.err).toHaveLength(2);
    expect(io.lines.err[1]).toMatch(/browser mode is not available/);
  });

  it('goes to browser mode on --browser even with Electron installed', async () => {
    const served: string[][] = [];
    const d = deps({ electronBinary: () => '/opt/electron/electron', loadServe: async () => async (args) => (served.push(args), 0) });
    expect(await createStartCommand(d)(['--browser'], capture())).toBe(0);
    expect(served).toEqual([[]]);
    expect(d.calls).toEqual([]);
  });

  it('finds the real serve command of this tree', async () => {
    const { defaultStartDeps } = await import('../../../electron/cli/start.ts');
    const serve = await defaultStartDeps.loadServe();
    const expected = existsSync(join(import.meta.dirname, '..', '..', '..', 'electron', 'cli', 'serve.ts'));
    expect(typeof serve === 'function').toBe(expected);
  });
});

describe('findElectronBinary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-electron-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);

  it('is null without the package, without path.txt, or without the binary it names', () => {
    expect(findElectronBinary({ packageDir: null, env: {}, exists: existsSync, read })).toBeNull();
    expect(findElectronBinary({ packageDir: dir, env: {}, exists: existsSync, read })).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir: dir, env: {}, exists: existsSync, read })).toBeNull();
  });

  it('finds the downloaded binary, or the one ELECTRON_OVERRIDE_DIST_PATH names', () => {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary({ packageDir: dir, env: {}, exists: existsSync, read })).toBe(join(dir, 'dist', 'electron'));
    const other = join(dir, 'custom');
    mkdirSync(other);
    expect(findElectronBinary({ packageDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: other }, exists: existsSync, read })).toBeNull();
    writeFileSync(join(other, 'electron'), '');
    expect(findElectronBinary({ packageDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: other }, exists: existsSync, read })).toBe(join(other, 'electron'));
  });
});
