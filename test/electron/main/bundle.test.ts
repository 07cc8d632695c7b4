// The bundled main process (what `npm start` and the package run), started under Node with a fake
// `electron` in a child process: the Electron binary cannot be had here, but the bundle's wiring
// can be checked end to end (real service host on a real SQLite file, real protocol handler).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { INVOKE_CHANNELS } = await import('../../../electron/main/channels.ts');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/csp.ts');

const ROOT = join(import.meta.dirname, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'drillbook-bundle-'));
const outdir = join(work, 'out', 'main');
const userData = join(work, 'user-data');

interface Summary {
  record: unknown[];
  channels: string[];
  protocol: { traversal: number; index: number; csp: string };
  ipc: { own: { ok: boolean; entries?: number }; foreign: { ok: boolean; error?: { code: string } } };
  openHandler: unknown;
  error?: string;
}

let summary: Summary;
let crashed: Summary & { started?: { ok: boolean } };

beforeAll(async () => {
  const { buildElectron } = (await import(pathToFileURL(join(ROOT, 'build', 'build-electron.mjs')).href)) as {
    buildElectron(o: { outdir: string }): Promise<void>;
  };
  await buildElectron({ outdir });
  const start = (crash: boolean): Summary => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, 'fixtures', 'bundle-driver.mjs')], {
      env: { ...process.env, BUNDLE: join(outdir, 'main.cjs'), FAKE_APP_PATH: ROOT, FAKE_USER_DATA: userData, DRIVER_CRASH: crash ? '1' : '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(line || JSON.stringify({ error: run.stderr })) as Summary;
  };
  // A first run starts a session and dies without quitting; the second is the one examined.
  crashed = start(true);
  summary = start(false);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the bundled main process', () => {
  it('starts without error', () => {
    expect(summary.error).toBeUndefined();
    expect(summary.record.filter((e) => typeof e === 'object' && e !== null && 'errorBox' in e)).toEqual([]);
  });

  it('keeps the preload a small file that needs only electron', () => {
    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload.length).toBeLessThan(20_000);
  });

  it('sandboxes every renderer, takes the single-instance lock and registers its scheme as privileged', () => {
    expect(summary.record).toContain('enable-sandbox');
    expect(summary.record).toContain('single-instance-lock');
    expect(summary.record).toContainEqual({ schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }] });
    expect(summary.record).toContain('permission-request-handler');
    expect(summary.record).toContainEqual({ powerMonitor: 'suspend' });
  });

  it('opens the facilitator window locked down, on the app origin', () => {
    const window = summary.record.find((e): e is { window: string; webPreferences: Record<string, unknown> } => typeof e === 'object' && e !== null && 'window' in e);
    expect(window?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(window?.webPreferences.preload).toBe(join(ROOT, 'out', 'main', 'preload.cjs'));
    expect(summary.record).toContainEqual({ loadURL: 'app://drillbook/index.html#/library' });
  });

  it('registers exactly the preload’s channels', () => {
    expect(summary.channels).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('serves the renderer with the CSP and refuses traversal', () => {
    expect(summary.protocol.traversal).toBe(404);
    expect(summary.protocol.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(summary.protocol.index).toBe(existsSync(join(ROOT, 'renderer', 'dist', 'index.html')) ? 200 : 404);
  });

  it('answers its own window from the real library on SQLite, and refuses a foreign page', () => {
    expect(summary.ipc.own.ok).toBe(true);
    expect(summary.ipc.own.entries).toBeGreaterThan(0);
    expect(summary.ipc.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(join(userData, 'userData', 'drillbook.db'))).toBe(true);
  });

  it('offers the session interrupted by the previous run back at start', () => {
    expect(crashed.error).toBeUndefined();
    expect(crashed.started).toMatchObject({ ok: true });
    expect(summary.record).toContainEqual({ messageBox: 'Interrupted sessions' });
  });

  it('denies new windows, builds the menu, and closes the data file before quitting', () => {
    expect(summary.openHandler).toEqual({ action: 'deny' });
    expect(summary.record).toContainEqual({ menu: ['File', 'Edit', 'Session', 'View', 'Window'] });
    const order = summary.record.filter((e) => e === 'quit-deferred' || e === 'quit');
    expect(order).toEqual(['quit-deferred', 'quit']);
  });
});
