// drillbook guide, spawned as the installed command (bin/drillbook.js): every format and audience on
// a shipped scenario, the PDF through the system Chromium, and the usage errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/report/chromium.ts';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin', 'drillbook.js');
const scenario = join(root, 'scenarios', 'training-pipeline-rollback.yaml');
const dir = mkdtempSync(join(tmpdir(), 'drillbook-guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function drillbook(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

let hasChromium = true;
try {
  findChromium();
} catch {
  hasChromium = false;
}

describe('drillbook guide (spawned)', () => {
  it('prints the facilitator guide as HTML by default, with the expected answers', async () => {
    const { code, out, err } = await drillbook('guide', scenario, '--for', 'facilitator');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^<!DOCTYPE html>/);
    expect(out).toContain('Content-Security-Policy');
    expect(out).toContain('Facilitator and evaluator guide');
    expect(out).toContain('Facilitator notes');
  }, 60_000);

  it('writes a role\'s situation manual as Markdown, without answers or other briefs', async () => {
    const file = join(dir, 'comms.md');
    const { code, out } = await drillbook('guide', scenario, '--for', 'participants', '--role', 'comms', '--format', 'md', '--out', file);
    expect(code).toBe(0);
    expect(out).toContain(`Wrote ${file}`);
    const md = readFileSync(file, 'utf8');
    expect(md).toMatch(/^# Situation manual: /);
    expect(md).toContain('Your brief: Communications lead');
    expect(md).not.toContain('Facilitator notes');
    expect(md).not.toContain('(best)');
    expect(md).not.toContain('You own bookings, partner relations');
  }, 60_000);

  it.skipIf(!hasChromium)('prints a PDF through Chromium', async () => {
    const file = join(dir, 'guide.pdf');
    const { code, err } = await drillbook('guide', scenario, '--for', 'facilitator', '--format', 'pdf', '--out', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 120_000);

  it('says what is wrong: no --for, an unknown audience, format or role, --role for the facilitator, a PDF to the terminal', async () => {
    const cases: [string[], RegExp][] = [
      [[scenario], /--for participants or --for facilitator/],
      [[scenario, '--for', 'press'], /--for 'press' is not available/],
      [[scenario, '--for', 'facilitator', '--format', 'docx'], /format 'docx' is not available; available: html, md, pdf/],
      [[scenario, '--for', 'participants', '--role', 'cfo'], /no role 'cfo' in training-pipeline-rollback; its roles: ic, ml, ds, comms, biz/],
      [[scenario, '--for', 'facilitator', '--role', 'ic'], /--role picks a participant manual/],
      [[scenario, '--for', 'facilitator', '--format', 'pdf'], /add --out FILE/],
    ];
    // In process: the same dispatcher as the spawned command, without a process start per case.
    const run = async (...argv: string[]) => {
      const err: string[] = [];
      const io: CliIo = { cwd: dir, out: () => {}, err: (t) => void err.push(t) };
      return { code: await main(argv, io), err: err.join('\n') };
    };
    for (const [args, message] of cases) {
      const { code, err } = await run('guide', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toMatch(message);
    }
    const missing = await run('guide', join(dir, 'nope.yaml'), '--for', 'facilitator');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Could not read .*nope\.yaml \(ENOENT\)/);
  });
});
