// Trends (issue 18, item 4): four dry runs of one scenario kept with `drillbook simulate --db` in
// one data file, read back through the application service on that file. The expected ratings
// are the plays' known bands (test/scenarios/library.test.ts holds them: strong P, struggling U,
// mixed M or S, tech-only M or U) and, objective by objective, what core scoring computes for the
// same play on its own; a capability named by two objectives pools their points and takes the
// lower rating.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VirtualTimers } from '../../../core/engine/index.ts';
import { loadPlay, loadScenario } from '../../../core/scenario/index.ts';
import { simulatePlay } from '../../../core/scoring/index.ts';
import { RATING_ORDER } from '../../../core/scoring/trends.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';
import { createServiceStorage, openStore } from '../../../electron/store/index.ts';
import { tempDir, track } from '../store/helpers.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const SCENARIO = 'latency-runbook-101';
const scenarioFile = join(repoRoot, 'scenarios', `${SCENARIO}.yaml`);
const playFile = (kind: string) => join(repoRoot, 'scenarios', 'plays', `${SCENARIO}.${kind}.yaml`);
const PLAYS = ['strong', 'mixed', 'struggling', 'tech-only'] as const;
const BANDS: Record<(typeof PLAYS)[number], string[]> = { strong: ['P'], mixed: ['M', 'S'], struggling: ['U'], 'tech-only': ['M', 'U'] };

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

describe('trends over four dry runs (simulate --db)', () => {
  it('gives each objective and capability the rating of each run, from the data file', async () => {
    const dir = tempDir();
    const ids = new Map<string, (typeof PLAYS)[number]>();
    for (const kind of PLAYS) {
      const kept = await run(dir, 'simulate', scenarioFile, '--play', playFile(kind), '--db', 'runs.db', '--out', `out-${kind}`, '--format', 'json');
      expect(kept.code, kept.err).toBe(0);
      ids.set(/as session ([A-Za-z0-9_-]{16})/.exec(kept.out)?.[1] as string, kind);
    }
    expect(ids.size).toBe(4);

    const store = track(openStore(join(dir, 'runs.db')));
    const service = new AppService({ storage: createServiceStorage(store), timers: new VirtualTimers(), wall: () => 0, newId: () => 'unused-id-000' });
    const answer = await service.request('sessions.trends', {});
    if (!answer.ok) throw new Error(answer.error.message);
    const trends = answer.value;

    // The same plays scored by core alone: what each point must say.
    const loaded = loadScenario(readFileSync(scenarioFile, 'utf8'), scenarioFile);
    if (!loaded.ok) throw new Error('the scenario does not load');
    const scenario = loaded.value;
    const expected = new Map(PLAYS.map((kind) => {
      const play = loadPlay(readFileSync(playFile(kind), 'utf8'), playFile(kind));
      if (!play.ok) throw new Error(`play ${kind} does not load`);
      return [kind, simulatePlay(scenario, play.value).debrief] as const;
    }));

    expect(trends.runs).toHaveLength(4);
    for (const r of trends.runs) {
      const kind = ids.get(r.sessionId);
      expect(kind, `run ${r.sessionId} is one of the four`).toBeDefined();
      expect(BANDS[kind!], `${kind}: overall ${r.rating}`).toContain(r.rating);
      expect(r.scenarioId).toBe(SCENARIO);
      expect(r.origin).toBeNull();
    }
    const ratingOf = (kind: (typeof PLAYS)[number]) => trends.runs.find((r) => ids.get(r.sessionId) === kind)?.rating;
    expect(ratingOf('strong')).toBe('P');
    expect(ratingOf('struggling')).toBe('U');

    // One series per objective of the scenario, each with a point per run, in date order.
    expect(trends.objectives.map((s) => s.objectiveId).sort()).toEqual(scenario.objectives.map((o) => o.id).sort());
    for (const series of trends.objectives) {
      expect(series.points).toHaveLength(4);
      expect(series.points.map((p) => p.date)).toEqual([...series.points.map((p) => p.date)].sort((a, b) => a - b));
      for (const p of series.points) {
        const want = expected.get(ids.get(p.sessionId)!)!.objectives.find((o) => o.id === series.objectiveId)!;
        expect(p.rating, `${series.objectiveId} in the ${ids.get(p.sessionId)} run`).toBe(want.rating);
        expect(p.percent).toBeCloseTo(want.percent ?? Number.NaN, 6);
        expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    // The strong run is P overall: no objective of it is rated below S (the overall band is capped
    // one above the lowest), and the struggling run has an objective rated U or M.
    const strongPoints = trends.objectives.map((s) => s.points.find((p) => ids.get(p.sessionId) === 'strong')!.rating!);
    expect(Math.min(...strongPoints.map((r) => RATING_ORDER.indexOf(r)))).toBeGreaterThanOrEqual(RATING_ORDER.indexOf('S'));
    const strugglingPoints = trends.objectives.map((s) => s.points.find((p) => ids.get(p.sessionId) === 'struggling')!.rating!);
    expect(strugglingPoints.some((r) => r === 'U' || r === 'M')).toBe(true);

    // Capabilities: 'Planning' is named by two objectives of this scenario.
    const planningObjectives = scenario.objectives.filter((o) => o.capability === 'Planning');
    expect(planningObjectives.length).toBe(2);
    const planning = trends.capabilities.find((c) => c.title === 'Planning');
    expect(planning?.points).toHaveLength(4);
    for (const p of planning!.points) {
      const debrief = expected.get(ids.get(p.sessionId)!)!;
      const mine = debrief.objectives.filter((o) => o.capability === 'Planning');
      const pooled = (mine.reduce((n, o) => n + o.points, 0) / mine.reduce((n, o) => n + o.possible, 0)) * 100;
      expect(p.percent).toBeCloseTo(pooled, 6);
      const lowest = mine.map((o) => o.rating!).sort((a, b) => RATING_ORDER.indexOf(a) - RATING_ORDER.indexOf(b))[0];
      expect(p.rating).toBe(lowest);
    }
    const distinct = new Set(scenario.objectives.map((o) => o.capability));
    expect(trends.capabilities).toHaveLength(distinct.size);
    service.dispose();
  }, 180_000); // four dry runs through the CLI on a shared 2-core machine
});
