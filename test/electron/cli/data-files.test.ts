// Issue 16, data: a bundle is opened by nothing but the bundle reader, reading a file leaves no
// -wal or -shm beside it, and read-only media are read (listing, reports) and refused for writing
// with one message that says "read-only". The read-only mount is a real one, made in a private
// mount namespace (unshare) so that nothing outlives the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { fileHash, tempDir } from '../store/helpers.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scenarios = join(repoRoot, 'scenarios');
const scenario = join(scenarios, 'model-latency-slo.yaml');
const strong = join(scenarios, 'plays', 'model-latency-slo.strong.yaml');

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

/** A data file with one dry run, and that session exported as a bundle. */
async function dataAndBundle(dir: string): Promise<{ id: string }> {
  const kept = await run(dir, 'simulate', scenario, '--play', strong, '--db', 'work.db', '--out', 'out');
  expect(kept.code, kept.err).toBe(0);
  const id = /as session ([A-Za-z0-9_-]{16})/.exec(kept.out)?.[1] as string;
  const exported = await run(dir, 'report', 'work.db', '--session', id, '--format', 'bundle', '--out', 'one.drillbook');
  expect(exported.code, exported.err).toBe(0);
  return { id };
}

const canUnshare = spawnSync('unshare', ['-rm', 'true']).status === 0;

describe('bundles are only ever opened by the bundle reader (issue 16)', () => {
  it('simulate --db on a bundle, named or renamed, is refused before anything is written', async () => {
    const dir = tempDir();
    await dataAndBundle(dir);
    execFileSync('cp', [join(dir, 'one.drillbook'), join(dir, 'renamed.db')]);
    for (const file of ['one.drillbook', 'renamed.db']) {
      const before = fileHash(join(dir, file));
      const dry = await run(dir, 'simulate', scenario, '--play', strong, '--db', file, '--out', 'again');
      expect(dry.code).toBe(1);
      expect(dry.err).toMatch(/is a session bundle, which is only ever read as one and never written/);
      expect(fileHash(join(dir, file))).toBe(before);
      // Still a bundle: the reader accepts it.
      const listed = await run(dir, 'report', file, '--format', 'json');
      expect(listed.code, listed.err).toBe(0);
    }
    expect(readdirSync(dir).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
  }, 60_000);

  it('sessions and report read a bundle through the bundle reader', async () => {
    const dir = tempDir();
    const { id } = await dataAndBundle(dir);
    execFileSync('cp', [join(dir, 'one.drillbook'), join(dir, 'renamed.db')]);
    for (const file of ['one.drillbook', 'renamed.db']) {
      const listed = await run(dir, 'sessions', file, '--json');
      expect(listed.code, listed.err).toBe(0);
      expect((JSON.parse(listed.out) as { id: string }[]).map((r) => r.id)).toEqual([id]);
      const report = await run(dir, 'report', file, '--session', id, '--format', 'json');
      expect(report.code, report.err).toBe(0);
    }
  }, 60_000);
});

describe('reading a data file leaves nothing beside it (issue 16)', () => {
  it('sessions and report on a healthy file, and on a damaged one, leave no -wal or -shm', async () => {
    const dir = tempDir();
    const { id } = await dataAndBundle(dir);
    const sessions = await run(dir, 'sessions', 'work.db');
    expect(sessions.code, sessions.err).toBe(0);
    const report = await run(dir, 'report', 'work.db', '--session', id, '--format', 'md');
    expect(report.code, report.err).toBe(0);
    writeFileSync(join(dir, 'damaged.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]));
    const damaged = await run(dir, 'sessions', 'damaged.db');
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/damaged/);
    const simulate = await run(dir, 'simulate', scenario, '--play', strong, '--db', 'damaged.db', '--out', 'x');
    expect(simulate.code).toBe(1);
    expect(readdirSync(dir).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
  }, 60_000);
});

describe.skipIf(!canUnshare)('a data file on read-only media (issue 16)', () => {
  it('is listed and reported; simulate --db and serve refuse it at once with one message that says read-only', async () => {
    const dir = tempDir();
    const { id } = await dataAndBundle(dir);
    const mount = join(dir, 'stick');
    const cli = `${process.execPath} ${join(repoRoot, 'bin/drillbook.js')}`;
    const script = [
      'set -u',
      `mkdir -p ${mount}`,
      `mount -t tmpfs -o size=16m tmpfs ${mount}`,
      `cp ${join(dir, 'work.db')} ${join(dir, 'one.drillbook')} ${mount}/`,
      `mount -o remount,ro ${mount}`,
      `cd ${dir}`,
      `echo "== sessions"; ${cli} sessions ${mount}/work.db --json; echo "exit $?"`,
      `echo "== report"; ${cli} report ${mount}/work.db --session ${id} --format csv; echo "exit $?"`,
      `echo "== bundle"; ${cli} report ${mount}/one.drillbook --format json >/dev/null; echo "exit $?"`,
      `echo "== simulate"; ${cli} simulate ${scenario} --play ${strong} --db ${mount}/work.db --out ${dir}/ro-out 2>&1; echo "exit $?"`,
      `echo "== serve"; timeout 60 ${cli} serve --db ${mount}/work.db --no-build --port 0 2>&1; echo "exit $?"`,
      `echo "== files"; ls ${mount}`,
    ].join('\n');
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
    const section = (name: string) => result.stdout.split(`== ${name}\n`)[1]?.split('\n== ')[0] ?? '';
    expect(section('sessions'), result.stderr).toMatch(/exit 0/);
    expect(section('sessions')).toContain(id);
    expect(section('report'), result.stderr).toMatch(/^kind,at_s,role/);
    expect(section('report')).toMatch(/exit 0/);
    expect(section('bundle'), result.stderr).toMatch(/exit 0/);
    expect(section('simulate')).toMatch(/work\.db is read-only \(EROFS\)/);
    expect(section('simulate')).toMatch(/exit 1/);
    const serve = section('serve');
    expect(serve).toMatch(/work\.db is read-only \(EROFS\)/);
    expect(serve).toMatch(/exit 1/);
    expect(serve).not.toMatch(/Drillbook is serving/);
    // One message, not one per shipped scenario.
    expect(serve.trim().split('\n')).toHaveLength(2);
    expect(section('files').trim().split('\n').sort()).toEqual(['one.drillbook', 'work.db']);
  }, 240_000);
});
