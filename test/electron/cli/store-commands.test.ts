// simulate --db, sessions and report against real data files, through the CLI dispatcher.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { fileHash, tempDir } from '../store/helpers.ts';

const scenarios = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scenario = join(scenarios, 'model-latency-slo.yaml');
const strong = join(scenarios, 'plays', 'model-latency-slo.strong.yaml');
const struggling = join(scenarios, 'plays', 'model-latency-slo.struggling.yaml');

function capture(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), stdout, stderr };
}

const listingSchema = z.array(
  z.object({ id: z.string(), scenario: z.string(), kind: z.string(), status: z.string(), score_percent: z.number().nullable(), events: z.number() }),
);

async function run(cwd: string, ...argv: string[]) {
  const io = capture(cwd);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('drillbook simulate --db, sessions, report', () => {
  it('keeps dry runs in the data file, lists them with scores, and re-scores one to the same debrief', async () => {
    const dir = tempDir();
    const a = await run(dir, 'simulate', scenario, '--play', strong, '--db', 'work.db', '--out', 'strong');
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/Kept the dry run in work\.db as session [A-Za-z0-9_-]{16}/);
    const b = await run(dir, 'simulate', scenario, '--play', struggling, '--db', 'work.db', '--out', 'struggling');
    expect(b.code, b.err).toBe(0);

    const listed = await run(dir, 'sessions', 'work.db', '--json');
    expect(listed.code, listed.err).toBe(0);
    const rows = listingSchema.parse(JSON.parse(listed.out));
    expect(rows).toHaveLength(2);
    const strongDebrief = JSON.parse(readFileSync(join(dir, 'strong', 'debrief.json'), 'utf8')) as { score: { percent: number }; objectives: unknown };
    const strugglingDebrief = JSON.parse(readFileSync(join(dir, 'struggling', 'debrief.json'), 'utf8')) as { score: { percent: number } };
    expect(rows.map((r) => r.score_percent)).toEqual([strongDebrief.score.percent, strugglingDebrief.score.percent]);
    expect(rows.every((r) => r.kind === 'simulation' && r.status === 'ended' && r.scenario === 'model-latency-slo' && r.events > 0)).toBe(true);

    const text = await run(dir, 'sessions', 'work.db');
    // The file read comes first (issue 14, item 19), then the table.
    expect(text.out.split('\n')[0]).toBe(`Data file: ${join(dir, 'work.db')}`);
    expect(text.out.split('\n')[1]).toMatch(/^ID\s+SCENARIO\s+STARTED\s+STATUS\s+SCORE$/);
    expect(text.out).toContain(rows[0]!.id);

    const dbBefore = fileHash(join(dir, 'work.db'));
    const report = await run(dir, 'report', 'work.db', '--session', rows[0]!.id, '--format', 'json', '--out', 'again.json');
    expect(report.code, report.err).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as typeof strongDebrief & { session: { id: string }; scenario: { content_hash: string } };
    expect(again.session.id).toBe(rows[0]!.id);
    expect(again.score).toEqual(strongDebrief.score);
    expect(again.objectives).toEqual(strongDebrief.objectives);
    expect(again.scenario.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fileHash(join(dir, 'work.db'))).toBe(dbBefore); // reading never writes

    const printed = await run(dir, 'report', 'work.db', '--session', rows[1]!.id);
    expect(JSON.parse(printed.out)).toMatchObject({ format: 'drillbook/debrief@1', session: { id: rows[1]!.id } });
  });

  it('says plainly what is wrong', async () => {
    const dir = tempDir();
    expect(await run(dir, 'sessions', 'missing.db')).toMatchObject({ code: 1, err: expect.stringContaining('There is no Drillbook data file at') });
    // Without a file, sessions reads the default data file (sessions-listing.test.ts).
    expect((await run(dir, 'sessions', 'a.db', 'b.db')).code).toBe(2);
    await run(dir, 'simulate', scenario, '--play', strong, '--db', 'work.db', '--out', 'o');
    expect(await run(dir, 'report', 'work.db', '--session', 'nope')).toMatchObject({ code: 1, err: expect.stringContaining('There is no session nope') });
    expect(await run(dir, 'report', 'work.db')).toMatchObject({ code: 2, err: expect.stringContaining('--session') });
    expect(await run(dir, 'report', 'work.db', '--session', 'x', '--format', 'docx')).toMatchObject({ code: 2, err: expect.stringContaining("format 'docx' is not available") });
    const empty = await run(dir, 'sessions', join(dir, 'o', 'debrief.json'));
    expect(empty).toMatchObject({ code: 1, err: expect.stringContaining('is damaged (it is not a Drillbook database file)') });
  });
});
