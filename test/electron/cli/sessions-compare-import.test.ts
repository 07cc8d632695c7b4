// drillbook sessions --compare (issue 18, item 4) and --import (item 5): runs of a scenario kept
// by `simulate --db`, compared as CSV on the terminal and as HTML in a file; a bundle of one data
// file imported into another, twice, through the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { openStore } from '../../../electron/store/index.ts';
import { tempDir, track } from '../store/helpers.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = join(repoRoot, 'scenarios', 'model-latency-slo.yaml');
const play = (kind: string) => join(repoRoot, 'scenarios', 'plays', `model-latency-slo.${kind}.yaml`);

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

async function dryRun(dir: string, db: string, kind: string): Promise<string> {
  const kept = await run(dir, 'simulate', scenario, '--play', play(kind), '--db', db, '--out', `out-${db}-${kind}`, '--format', 'json');
  expect(kept.code, kept.err).toBe(0);
  return /as session ([A-Za-z0-9_-]{16})/.exec(kept.out)?.[1] as string;
}

describe('drillbook sessions --compare and --import', () => {
  it('compares runs as CSV and HTML, and imports a bundle once', async () => {
    const dir = tempDir();
    const strong = await dryRun(dir, 'a.db', 'strong');
    const struggling = await dryRun(dir, 'a.db', 'struggling');

    const csv = await run(dir, 'sessions', 'a.db', '--compare', `${strong},${struggling}`);
    expect(csv.code, csv.err).toBe(0);
    expect(csv.err).toContain('Data file:');
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toBe('session_id,run_started,facilitator,scenario_version,content_hash,kind,id,title,in_version,percent,rating,at_s,target_s');
    const overall = lines.filter((l) => l.includes(',overall,'));
    expect(overall.map((l) => l.split(',')[0])).toEqual([strong, struggling]);
    expect(overall.map((l) => l.split(',')[10])).toEqual(['P', 'U']);

    const html = await run(dir, 'sessions', 'a.db', '--compare', `${strong},${struggling}`, '--format', 'html', '--out', 'cmp.html');
    expect(html.code, html.err).toBe(0);
    const page = readFileSync(join(dir, 'cmp.html'), 'utf8');
    expect(page).toContain('<h1>');
    expect(page).not.toContain('<script');
    const again = await run(dir, 'sessions', 'a.db', '--compare', `${strong},${struggling}`, '--format', 'html', '--out', 'cmp.html');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');

    expect((await run(dir, 'sessions', 'a.db', '--compare', strong)).code).toBe(2);
    const bad = await run(dir, 'sessions', 'a.db', '--compare', `${strong},${struggling}`, '--format', 'pdf');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('csv or html')]);

    // Team A's strong run, as a bundle, into team B's data file.
    const exported = await run(dir, 'report', 'a.db', '--session', strong, '--format', 'bundle', '--out', 'strong.drillbook');
    expect(exported.code, exported.err).toBe(0);
    await dryRun(dir, 'b.db', 'mixed');
    const first = await run(dir, 'sessions', 'b.db', '--import', 'strong.drillbook');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`strong.drillbook: session ${strong} imported, read-only`);
    const second = await run(dir, 'sessions', 'b.db', '--import', 'strong.drillbook');
    expect(second.out).toContain('already imported, nothing added');
    const back = await run(dir, 'sessions', 'a.db', '--import', 'strong.drillbook');
    expect(back.out).toContain('already in this file (its own run), left as it is');
    const junk = await run(dir, 'sessions', 'b.db', '--import', 'cmp.html');
    expect(junk.code).toBe(1);
    expect(junk.err).toContain('cmp.html: not imported');

    const store = track(openStore(join(dir, 'b.db'), { readonly: true }));
    expect(store.sessions.list()).toHaveLength(2);
    expect(store.imports.list().map((i) => [i.session, i.bundleFile])).toEqual([[strong, 'strong.drillbook']]);
    store.close();

    // A missing data file is not created by --import.
    const missing = await run(dir, 'sessions', 'nope.db', '--import', 'strong.drillbook');
    expect(missing.code).toBe(1);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
  }, 180_000);
});
