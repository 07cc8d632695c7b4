// A rehearsal saved as a play (issue 17 item 4) is a play script that `drillbook simulate --play`
// runs: written to a file beside its scenario, the CLI's dry run rejects none of it and scores it
// as the rehearsal did.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rehearsal } from '../../../core/author/rehearsal.ts';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { simulateCommand } from '../../../electron/cli/simulate.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('a rehearsal saved as a play', () => {
  it('runs through drillbook simulate --play to the same score', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../scenarios/latency-runbook-101.yaml'), 'utf8');
    const r = await Rehearsal.start(text, 'latency-runbook-101.yaml');
    for (let i = 0; i < 6 && r.status === 'running'; i++) {
      r.stepToNext();
      for (const role of r.scenario.roles) {
        for (const p of r.view(`role:${role.id}`).prompts) {
          if (p.answer !== null) continue;
          const answer = p.options.length ? (p.type === 'multi' ? p.options.slice(0, 2).map((o) => o.id) : p.options.at(-1)!.id) : 'Page on p99 above 500 ms for 5 minutes; status update every 30 minutes.';
          expect((await r.dispatch(`role:${role.id}`, { type: 'prompt.answer', prompt: p.id, answer })).ok).toBe(true);
        }
      }
    }
    r.advanceBy(10 * 60_000);
    await r.end();
    const rehearsed = await r.debrief();
    expect(r.events.length).toBeGreaterThan(3);

    const cwd = mkdtempSync(join(tmpdir(), 'drillbook-rehearsal-'));
    dirs.push(cwd);
    writeFileSync(join(cwd, 'scenario.yaml'), text);
    writeFileSync(join(cwd, 'rehearsal.yaml'), r.playYaml());
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) };
    const code = await simulateCommand(['scenario.yaml', '--play', 'rehearsal.yaml', '--out', 'debrief', '--format', 'json'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('Rejected script events: none');
    const written = JSON.parse(readFileSync(join(cwd, 'debrief', 'debrief.json'), 'utf8')) as Debrief;
    expect(written.score.points).toBe(rehearsed.score.points);
    expect(written.score.percent).toBe(rehearsed.score.percent);
    expect(written.prompts.map((p) => [p.id, p.points])).toEqual(rehearsed.prompts.map((p) => [p.id, p.points]));
    r.close();
  });
});
