// drillbook simulate through the CLI dispatcher, on a shipped scenario and on broken inputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { loadPlay, loadScenario } from '../../../core/scenario/index.ts';
import { simulatePlay, type Debrief } from '../../../core/scoring/index.ts';

const scenarios = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scenarioFile = join(scenarios, 'recsys-null-results.yaml');
const playFile = join(scenarios, 'plays', 'recsys-null-results.struggling.yaml');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'drillbook-sim-'));
  dirs.push(d);
  return d;
}

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

describe('drillbook simulate', () => {
  it('prints a summary and writes debrief.json to ./debrief-<scenario id> by default', async () => {
    const cwd = temp();
    const { code, out, err } = await run(cwd, 'simulate', scenarioFile, '--play', playFile);
    expect(err).toBe('');
    expect(code).toBe(0);
    const file = join(cwd, 'debrief-recsys-null-results', 'debrief.json');
    const written = JSON.parse(readFileSync(file, 'utf8')) as Debrief;
    expect(written.format).toBe('drillbook/debrief@1');

    // The same dry run in-process gives the same scores as the file.
    const sc = loadScenario(readFileSync(scenarioFile, 'utf8'), scenarioFile);
    const pl = loadPlay(readFileSync(playFile, 'utf8'), playFile);
    if (!sc.ok || !pl.ok) throw new Error('the shipped files should load');
    const direct = simulatePlay(sc.value, pl.value);
    expect(written.score).toEqual(direct.debrief.score);
    expect(written.objectives).toEqual(direct.debrief.objectives);

    expect(out).toContain(`Overall: ${direct.debrief.score.rating}, ${Math.round(direct.debrief.score.percent ?? 0)}% (`);
    for (const o of direct.debrief.objectives) expect(out).toMatch(new RegExp(`^  ${o.id} +${Math.round(o.percent ?? 0)}%  ${o.rating}`, 'm'));
    for (const m of direct.debrief.metrics) {
      const verdict = m.at_s === null ? 'not met .*MISSED' : m.at_s <= m.target_s ? 'at .*on time' : 'at .*late by .+';
      expect(out).toMatch(new RegExp(`^  ${m.name} +${verdict}$`, 'm'));
    }
    expect(out).toContain(`Wrote ${file}`);
  });

  it('lists each rejected script event with its reason, and still writes the debrief', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'play.yaml'), [
      'format: drillbook/play@1',
      'events:',
      '  - {at: 1m, role: comms, prompt: severity, answer: sev2}',
      '  - {at: 2m, role: ic, prompt: severity, answer: sev2}',
      '  - {at: 5m, facilitator: end}',
    ].join('\n'));
    const { code, out } = await run(cwd, 'simulate', scenarioFile, '--play', 'play.yaml', '--out', 'out', '--format', 'json');
    expect(code).toBe(0);
    expect(out).toContain('Rejected script events (1):');
    expect(out).toMatch(/1:00 {2}events\[0\] \(line 3\): comms answers severity: The role 'comms' has no prompt 'severity' to answer/);
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'debrief.json'), 'utf8')) as Debrief;
    expect(written.rejected).toHaveLength(1);
  });

  it('a broken scenario gets the validator’s located errors and exit 1', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'broken.yaml'), 'format: drillbook/scenario@1\nid: Broken Id\ntitle: x\n');
    const { code, err } = await run(cwd, 'simulate', 'broken.yaml', '--play', playFile, '--out', 'o');
    expect(code).toBe(1);
    expect(err).toMatch(/^broken\.yaml:\d+:\d+: /m);
    expect(existsSync(join(cwd, 'o'))).toBe(false);
  });

  it('a broken play gets located errors and exit 1', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'play.yaml'), 'format: drillbook/play@1\nevents:\n  - {at: soon, role: ic}\n');
    const { code, err } = await run(cwd, 'simulate', scenarioFile, '--play', 'play.yaml');
    expect(code).toBe(1);
    expect(err).toMatch(/^play\.yaml:3:\d+: /m);
  });

  it('refuses a play written for another scenario', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'play.yaml'), 'format: drillbook/play@1\nscenario: other-one\nevents: []\n');
    const { code, err } = await run(cwd, 'simulate', scenarioFile, '--play', 'play.yaml');
    expect(code).toBe(1);
    expect(err).toContain("written for the scenario 'other-one', not 'recsys-null-results'");
  });

  it('usage errors: a format not available yet, no play, an unreadable file', async () => {
    const cwd = temp();
    const html = await run(cwd, 'simulate', scenarioFile, '--play', playFile, '--format', 'json,docx');
    expect(html.code).toBe(2);
    expect(html.err).toContain("format 'docx' is not available; available: html, md, csv, json, pdf");
    // A name every object inherits is no format either.
    const inherited = await run(cwd, 'simulate', scenarioFile, '--play', playFile, '--format', 'constructor');
    expect(inherited.code).toBe(2);
    expect(inherited.err).toContain("format 'constructor' is not available");
    const noPlay = await run(cwd, 'simulate', scenarioFile);
    expect(noPlay.code).toBe(2);
    expect(noPlay.err).toContain('no play script given');
    const missing = await run(cwd, 'simulate', 'nope.yaml', '--play', playFile);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.yaml: cannot read the file: no such file');
  });
});
