// drillbook lint through the real command: bin/drillbook.js spawned as a user runs it, checking
// the printed findings, the summaries and the exit codes (0 with warnings, 1 with --strict or a
// file that does not load, 2 on usage).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'drillbook-lint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function drillbook(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['bin/drillbook.js', 'lint', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const UNFAIR = 'test/fixtures/lint/unfair.yaml';
const FAIR = 'test/fixtures/lint/fair.yaml';

describe('drillbook lint', () => {
  it('prints findings compiler-style with their severity, a summary per file and counts per rule, and exits 0 with warnings', async () => {
    const run = await drillbook(UNFAIR, FAIR);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${UNFAIR}:14:9: note: no-eeg: objective 'communicate' has no eeg: evaluators get no description of what P, S, M and U look like for it`,
      `${UNFAIR}:26:35: warning: comment-in-value: the value loads as "Declare an incident in": YAML reads '#inc-gateway' as a comment; quote the value`,
      `${UNFAIR}:48:40: warning: short-window: within 2m is too short for a team to read, discuss and answer at 1x; give it at least 3m`,
      // The label's escape character reaches the terminal as text, never as itself.
      `${UNFAIR}:56:17: warning: story-order: story_time '10:35\\u001b[2J' goes back in time: inject 'alert' (10:40) is delivered before it (at 0s; this one at 5m); fix the label or the schedule`,
      `${UNFAIR}: 3 warnings, 1 note (1 silenced)`,
      `${FAIR}: OK: no findings`,
      '2 files: 3 warnings, 1 note',
      '  comment-in-value  1 warning',
      '  short-window      1 warning',
      '  story-order       1 warning',
      '  no-eeg            1 note',
      '',
    ]);
  }, 60_000);

  it('--strict: warnings fail, notes do not; --verbose prints silenced findings with their why', async () => {
    const strict = await drillbook('--strict', '--verbose', UNFAIR);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      `${UNFAIR}:10:9: silenced note: no-eeg: objective 'detect' has no eeg: evaluators get no description of what P, S, M and U look like for it [allowed on objective 'detect': Scored with the severity checklist]\n`,
    );
    const notesOnly = join(tmp, 'notes-only.yaml');
    writeFileSync(notesOnly, readFileSync(join(repoRoot, FAIR), 'utf8').replace('    eeg: {P: Posted in time, S: Posted late, M: Vague, U: Silent}\n', ''));
    const passes = await drillbook('--strict', notesOnly);
    expect(passes.stdout).toContain(': note: no-eeg:');
    expect(passes.code).toBe(0);
  }, 60_000);

  it('prints a file that does not load as validate does, with the comment that explains it, and exits 1', async () => {
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(broken, readFileSync(join(repoRoot, FAIR), 'utf8').replace('ask: What severity do you declare?', 'ask: #what-severity'));
    const run = await drillbook(broken, FAIR, 'no/such/file.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      expect.stringMatching(new RegExp(`^${broken}:42:14: injects\\[0\\]\\.prompts\\[0\\]\\.ask: `)),
      `${broken}:42:14: warning: comment-in-value: the value loads as an empty value: YAML reads '#what-severity' as a comment; quote the value`,
      `${broken}: not checked: 1 error; fix it first (drillbook validate)`,
      `${FAIR}: OK: no findings`,
      'no/such/file.yaml: cannot read the file: no such file',
      '3 files: 0 warnings, 0 notes; 2 did not load',
    ]);
  }, 60_000);

  it('exits 2 on a usage error', async () => {
    for (const args of [[], ['--bogus', FAIR], ['--strict=yes', FAIR]]) {
      const run = await drillbook(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^drillbook lint: (no files given|unknown option '--bogus'|--strict takes no value)/);
    }
  }, 60_000);
});
