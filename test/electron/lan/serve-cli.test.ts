// `drillbook serve` as a process: it prints the facilitator console's URL with its token, the token
// opens the facilitator socket, SIGTERM stops it cleanly; bad arguments and broken scenarios are
// reported with what to do.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { RawClient } from './helpers.ts';
import { LAN_SCENARIO } from './lan-scenario.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drillbook-serve-'));
  dirs.push(dir);
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: tempDir() }, out, err };
}

async function serveProcess(args: string[], env: Record<string, string> = {}, db: 'given' | 'default' = 'given'): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const dir = tempDir();
  const scenario = join(dir, 'lan.yaml');
  writeFileSync(scenario, LAN_SCENARIO);
  const dbArgs = db === 'given' ? ['--db', join(dir, 'serve.db')] : [];
  const child = spawn(process.execPath, ['bin/drillbook.js', ...args, ...dbArgs, '--port', '0', '--no-build', '--scenario', scenario], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /Facilitator console[^:]*: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+#\/library\/\S+)/.exec(stdout);
        if (match) {
          clearInterval(timer);
          resolve(new URL(match[1]!));
        }
        if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`serve exited: ${stderr}`));
        }
      }, 50);
    });
    const token = url.searchParams.get('token')!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const page = await fetch(`${url.origin}/`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const socket = new RawClient(`ws://${url.host}/ws?token=${token}`);
    await socket.opened;
    const library = await socket.request('library.list', {});
    expect((library.value as { fileName: string }[]).some((e) => e.fileName === 'lan.yaml')).toBe(true);
    socket.close();
  } finally {
    child.kill('SIGTERM');
  }
  const code = await exited;
  return { stdout, stderr, code };
}

describe('drillbook serve', () => {
  it('serves, prints the facilitator URL with its token, and stops on SIGTERM', async () => {
    const { stdout, code } = await serveProcess(['serve']);
    expect(code).toBe(0);
    expect(stdout).toContain('Stopping (SIGTERM)');
  }, 60_000);

  it('is what `drillbook start` runs where the Electron binary is missing', async () => {
    const { stdout, stderr, code } = await serveProcess(['start'], { ELECTRON_OVERRIDE_DIST_PATH: tempDir() });
    expect(stderr).toMatch(/Electron binary is not installed.*starting browser mode/);
    expect(code).toBe(0);
    expect(stdout).toContain('Stopping (SIGTERM)');
  }, 60_000);

  it('creates the default data folder on a machine where Drillbook never ran', async () => {
    const data = join(tempDir(), 'fresh-xdg');
    expect(existsSync(data)).toBe(false);
    const { stdout, code } = await serveProcess(['serve'], { XDG_DATA_HOME: data }, 'default');
    expect(code).toBe(0);
    expect(stdout).toContain(join(data, 'drillbook', 'drillbook.db'));
    expect(existsSync(join(data, 'drillbook', 'drillbook.db'))).toBe(true);
  }, 60_000);

  it('refuses a host name, a bad port and a scenario that does not load, saying what to do', async () => {
    const bad = capture();
    expect(await main(['serve', '--host', 'example.com', '--no-build'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--host must be an IP address/);
    const port = capture();
    expect(await main(['serve', '--port', '70000', '--no-build'], port.io)).toBe(2);
    expect(port.err.join('\n')).toMatch(/--port must be a number/);

    const broken = capture();
    writeFileSync(join(broken.io.cwd, 'broken.yaml'), 'format: drillbook/scenario@1\nid: x\ntitle: 3\n');
    const code = await main(['serve', '--db', join(broken.io.cwd, 'b.db'), '--port', '0', '--no-build', '--scenario', 'broken.yaml'], broken.io);
    expect(code).toBe(1);
    expect(broken.err.join('\n')).toMatch(/broken\.yaml:\d+:\d+/);

    // Latin-1 bytes are refused as validate and the desktop import refuse them, not imported as U+FFFD.
    const latin1 = capture();
    writeFileSync(join(latin1.io.cwd, 'latin1.yaml'), Buffer.from(LAN_SCENARIO.replace(/^title: .*$/m, 'title: Caf\u00e9'), 'latin1'));
    expect(await main(['serve', '--db', join(latin1.io.cwd, 'l.db'), '--port', '0', '--no-build', '--scenario', 'latin1.yaml'], latin1.io)).toBe(1);
    expect(latin1.err.join('\n')).toMatch(/latin1\.yaml:\d+:\d+: the file is not UTF-8 text: the byte 0xE9/);
  });
});
