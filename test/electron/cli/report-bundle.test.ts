// drillbook report --format bundle, and report on a .drillbook file, through the CLI dispatcher on
// real data files.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { fileHash, tempDir } from '../store/helpers.ts';

const scenarios = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scenario = join(scenarios, 'model-latency-slo.yaml');
const strong = join(scenarios, 'plays', 'model-latency-slo.strong.yaml');
const struggling = join(scenarios, 'plays', 'model-latency-slo.struggling.yaml');

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

async function twoDryRuns(dir: string): Promise<[string, string]> {
  for (const [i, play] of [strong, struggling].entries()) {
    // A folder each: simulate keeps an earlier debrief unless --force.
    const r = await run(dir, 'simulate', scenario, '--play', play, '--db', 'work.db', '--out', `sim-${i}`);
    expect(r.code, r.err).toBe(0);
  }
  const ids = [...(await run(dir, 'sessions', 'work.db', '--json')).out.matchAll(/"id":\s*"([A-Za-z0-9_-]+)"/g)].map((m) => m[1] as string);
  expect(ids).toHaveLength(2);
  return [ids[0] as string, ids[1] as string];
}

describe('drillbook report --format bundle', () => {
  it('exports a session as a bundle that report re-exports in every text format, as from the data file', async () => {
    const dir = tempDir();
    const [first, second] = await twoDryRuns(dir);
    const exported = await run(dir, 'report', 'work.db', '--session', first, '--format', 'bundle', '--out', 'first.drillbook');
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(new RegExp(`Wrote .*first\\.drillbook \\(session ${first}, \\d+ events\\)`));
    const bundleHash = fileHash(join(dir, 'first.drillbook'));
    expect(readFileSync(join(dir, 'first.drillbook')).toString('latin1')).not.toContain(second);

    for (const format of ['html', 'md', 'csv', 'json']) {
      const fromDb = await run(dir, 'report', 'work.db', '--session', first, '--format', format);
      const fromBundle = await run(dir, 'report', 'first.drillbook', '--format', format);
      expect(fromBundle.code, fromBundle.err).toBe(0);
      expect(fromBundle.out).toBe(fromDb.out);
    }
    const html = await run(dir, 'report', 'first.drillbook', '--format', 'html', '--out', 'first.html');
    expect(html.code, html.err).toBe(0);
    expect(readFileSync(join(dir, 'first.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    // The id may be given too; a wrong one is named.
    expect((await run(dir, 'report', 'first.drillbook', '--session', first, '--format', 'json')).code).toBe(0);
    const wrong = await run(dir, 'report', 'first.drillbook', '--session', second, '--format', 'json');
    expect(wrong).toMatchObject({ code: 1, err: expect.stringContaining(`holds session ${first}, not ${second}`) });
    // A renamed bundle is still recognised by its marker.
    copyFileSync(join(dir, 'first.drillbook'), join(dir, 'renamed.db'));
    const renamed = await run(dir, 'report', 'renamed.db', '--format', 'json');
    expect(renamed.code, renamed.err).toBe(0);
    expect(JSON.parse(renamed.out)).toEqual(JSON.parse((await run(dir, 'report', 'work.db', '--session', first)).out));

    expect(fileHash(join(dir, 'first.drillbook'))).toBe(bundleHash);
    expect(readdirSync(dir).filter((f) => f.startsWith('first.drillbook'))).toEqual(['first.drillbook']);
  });

  it('refuses to write over a file without --force, and needs --out', async () => {
    const dir = tempDir();
    const [first, second] = await twoDryRuns(dir);
    writeFileSync(join(dir, 'taken.drillbook'), 'keep me');
    const refused = await run(dir, 'report', 'work.db', '--session', first, '--format', 'bundle', '--out', 'taken.drillbook');
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('already exists. Drillbook did not change it') });
    expect(readFileSync(join(dir, 'taken.drillbook'), 'utf8')).toBe('keep me');
    const forced = await run(dir, 'report', 'work.db', '--session', second, '--format', 'bundle', '--out', 'taken.drillbook', '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(JSON.parse((await run(dir, 'report', 'taken.drillbook')).out)).toMatchObject({ session: { id: second } });

    expect(await run(dir, 'report', 'work.db', '--session', first, '--format', 'bundle')).toMatchObject({ code: 2, err: expect.stringContaining('add --out FILE.drillbook') });
    expect(await run(dir, 'report', 'work.db', '--session', first, '--format', 'bundle', '--out', 'x.drillbook', '--anonymize')).toMatchObject({ code: 2 });
    expect(await run(dir, 'report', 'work.db')).toMatchObject({ code: 2, err: expect.stringContaining('no session given') });
  });

  it('says what is wrong with a file that is not a bundle', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.drillbook'), 'just some text that is not a database at all, long enough to have a header '.repeat(10));
    const damaged = await run(dir, 'report', 'notes.drillbook', '--format', 'html');
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/notes\.drillbook is not a usable Drillbook session bundle: .*exported again/);
    expect(damaged.err).not.toMatch(/\n\s+at /);
  });
});
