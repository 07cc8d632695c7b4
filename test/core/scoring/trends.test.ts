// The trends model (issue 18, item 4), pure: series per objective (of one scenario) and per
// capability (across scenarios, matched whatever the case or spacing), points in date order, a
// capability pooling its objectives' points and taking the lowest rating in force.
import { describe, expect, it } from 'vitest';
import { capabilityKey, computeTrends, type TrendRunInput } from '../../../core/scoring/trends.ts';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

function run(sessionId: string, date: number, edit: (d: Debrief) => void, contentHash = 'a'.repeat(64)): TrendRunInput {
  const debrief = sampleDebrief();
  edit(debrief);
  return { sessionId, date, contentHash, debrief };
}

describe('computeTrends', () => {
  it('orders runs by date and gives each objective a point per run', () => {
    const trends = computeTrends([
      run('late-run-0001', 2000, (d) => { d.objectives[0]!.rating = 'U'; }),
      run('early-run-001', 1000, () => {}),
    ]);
    expect(trends.runs.map((r) => r.sessionId)).toEqual(['early-run-001', 'late-run-0001']);
    const detect = trends.objectives.find((s) => s.objectiveId === 'detect')!;
    expect(detect.key).toBe(`${sampleDebrief().scenario.id}/detect`);
    expect(detect.points.map((p) => [p.sessionId, p.rating])).toEqual([['early-run-001', 'P'], ['late-run-0001', 'U']]);
    expect(trends.runs.map((r) => r.rating)).toEqual(['M', 'M']);
  });

  it('joins a capability across scenarios whatever its case and spacing, pooling points and taking the lowest rating in force', () => {
    const other = run('other-scen-01', 3000, (d) => {
      d.scenario = { ...d.scenario, id: 'other-scenario', title: 'Other' };
      d.objectives = [{ ...d.objectives[0]!, id: 'coordinate', capability: '  operational   coordination ', points: 5, possible: 10, percent: 50, computed_rating: 'M', rating: 'M' }];
    });
    const here = run('first-scen-01', 1000, (d) => {
      // Two objectives of the capability in one run: the communicate objective's override (P) is in force.
      d.objectives[2]!.capability = 'Operational Coordination';
      d.objectives[2]!.rating = 'U';
    });
    const trends = computeTrends([other, here]);
    const coordination = trends.capabilities.find((c) => c.key === capabilityKey('Operational Coordination'))!;
    expect(coordination.title).toBe('Operational Coordination');
    expect(coordination.scenarioIds).toEqual([sampleDebrief().scenario.id, 'other-scenario']);
    expect(coordination.points.map((p) => p.sessionId)).toEqual(['first-scen-01', 'other-scen-01']);
    // 27.5 + 16.25 of 30 + 20; the lower of P and U.
    expect(coordination.points[0]!.percent).toBeCloseTo((43.75 / 50) * 100, 9);
    expect(coordination.points[0]!.rating).toBe('U');
    expect(coordination.points[1]).toMatchObject({ percent: 50, rating: 'M', scenarioId: 'other-scenario' });
    // Objectives stay per scenario: the same id in two scenarios is two series.
    expect(trends.objectives.filter((s) => s.objectiveId === 'coordinate').map((s) => s.scenarioId)).toEqual(['other-scenario']);
  });

  it('leaves out objectives without a capability from the capability series, and keeps a run with nothing possible unrated', () => {
    const trends = computeTrends([run('no-cap-run-01', 1, (d) => {
      for (const o of d.objectives) o.capability = null;
      d.objectives[0]!.possible = 0;
      d.objectives[0]!.points = 0;
      d.objectives[0]!.percent = null;
      d.objectives[0]!.rating = null;
    })]);
    expect(trends.capabilities).toEqual([]);
    expect(trends.objectives[0]!.points[0]).toMatchObject({ rating: null, percent: null });
  });
});
