// Every command that writes a file a person keeps leaves an existing one alone unless --force says
// to replace it, refuses before doing any work, and says so the same way: which file, that it was
// not changed, and the flag (issue 14, item 19: simulate --out replaced files silently while the
// bundle export asked for --force; report --out and guide --out did too).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { fileHash, tempDir } from '../store/helpers.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = join(repoRoot, 'scenarios', 'model-latency-slo.yaml');
const play = join(repoRoot, 'scenarios', 'plays', 'model-latency-slo.strong.yaml');

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

const KEPT = /already exists\. Drillbook did not change it\. Add --force to replace it/;

describe('writing over an existing file', () => {
  it('simulate --out DIR keeps debrief files already there, runs nothing, and replaces them with --force', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sim'));
    writeFileSync(join(dir, 'sim', 'debrief.json'), 'my notes, not a debrief\n');
    const before = fileHash(join(dir, 'sim', 'debrief.json'));

    const refused = await run(dir, 'simulate', scenario, '--play', play, '--out', 'sim', '--db', 'work.db');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(join(dir, 'sim', 'debrief.json'));
    expect(refused.err).toMatch(KEPT);
    expect(fileHash(join(dir, 'sim', 'debrief.json'))).toBe(before);
    // Refused before the dry run: no summary, and the data file of --db was not created.
    expect(refused.out).toBe('');
    expect(existsSync(join(dir, 'work.db'))).toBe(false);

    // Another format in the same folder is no conflict.
    const md = await run(dir, 'simulate', scenario, '--play', play, '--out', 'sim', '--format', 'md');
    expect(md.code, md.err).toBe(0);

    const forced = await run(dir, 'simulate', scenario, '--play', play, '--out', 'sim', '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'sim', 'debrief.json'), 'utf8'))).toMatchObject({ format: 'drillbook/debrief@1' });
  }, 60_000);

  it('report --out FILE and guide --out FILE keep an existing file as the bundle export does', async () => {
    const dir = tempDir();
    const made = await run(dir, 'simulate', scenario, '--play', play, '--db', 'work.db', '--out', 'sim');
    expect(made.code, made.err).toBe(0);
    const session = /as session (\S+)/.exec(made.out)?.[1] ?? '';
    for (const name of ['taken.html', 'taken.drillbook', 'guide.md']) writeFileSync(join(dir, name), 'keep me\n');

    const attempts = [
      ['report', 'work.db', '--session', session, '--format', 'html', '--out', 'taken.html'],
      ['report', 'work.db', '--session', session, '--format', 'bundle', '--out', 'taken.drillbook'],
      ['guide', scenario, '--for', 'participants', '--format', 'md', '--out', 'guide.md'],
    ];
    for (const argv of attempts) {
      const file = join(dir, argv[argv.length - 1] as string);
      const refused = await run(dir, ...argv);
      expect(refused.code, argv.join(' ')).toBe(1);
      expect(refused.err).toContain(file);
      expect(refused.err).toMatch(KEPT);
      expect(readFileSync(file, 'utf8')).toBe('keep me\n');
      const forced = await run(dir, ...argv, '--force');
      expect(forced.code, forced.err).toBe(0);
      expect(readFileSync(file, 'utf8')).not.toBe('keep me\n');
    }
  }, 60_000);

  it('the built command says it on standard error with exit status 1', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'debrief.json'), '{}\n');
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'drillbook.js'), 'simulate', scenario, '--play', play, '--out', 'out'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`drillbook simulate: ${join(dir, 'out', 'debrief.json')} already exists. Drillbook did not change it. Add --force to replace it, or choose another folder with --out DIR.\n`);
    expect(readFileSync(join(dir, 'out', 'debrief.json'), 'utf8')).toBe('{}\n');
  }, 60_000);
});
