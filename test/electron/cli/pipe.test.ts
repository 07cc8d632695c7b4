// A reader that stops early: `drillbook ... | head -1` must end quietly, not with an EPIPE stack
// trace (issue 14, item 19). The real command is spawned and its pipe closed after the first bytes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

function runAndCloseEarly(args: string[]): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/drillbook.js'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let got = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', (d: Buffer) => {
      got = d.toString();
      child.stdout.destroy(); // as `head -c` does once it has what it wants
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('a closed output pipe', () => {
  it('ends the command quietly with its own exit code', async () => {
    // A dry run prints its summary line by line: most lines come after the reader has gone.
    // Into a new folder: simulate keeps an earlier debrief unless --force.
    const out = mkdtempSync(join(tmpdir(), 'drillbook-pipe-'));
    const result = await runAndCloseEarly(['simulate', 'scenarios/recsys-null-results.yaml', '--play', 'scenarios/plays/recsys-null-results.strong.yaml', '--out', out]);
    rmSync(out, { recursive: true, force: true });
    expect(result.got.length).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.code).toBe(0);
  }, 60_000);
});
