// The shipped scenario library: every scenario loads and is a complete training piece (issue 4's
// structural requirements), every play loads, and every pair of dry runs tells a strong team from a
// struggling one through the real engine: the struggling play walks into its poor-decision branch.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadPlay, loadScenario } from '../../core/scenario/index.ts';
import type { Play, Scenario } from '../../core/scenario/types.ts';
import { simulatePlay } from '../../core/scoring/index.ts';

const SCENARIOS_DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const PLAYS_DIR = join(SCENARIOS_DIR, 'plays');

/**
 * The library the issue asks for: scenario id -> its level and the `when` inject that is the
 * consequence of a poor decision (the struggling play must trigger it, the strong play must not).
 */
const LIBRARY: Record<string, { level: Scenario['level']; poorDecisionBranch: string }> = {
  'recsys-null-results': { level: 'beginner', poorDecisionBranch: 'exec-escalation' },
  'model-latency-slo': { level: 'beginner', poorDecisionBranch: 'scale-consequence' },
  'llm-model-deprecation': { level: 'intermediate', poorDecisionBranch: 'big-bang-fallout' },
  'ml-framework-eol': { level: 'intermediate', poorDecisionBranch: 'scatter' },
  'feature-store-outage': { level: 'intermediate', poorDecisionBranch: 'fraud-burst' },
  'fraud-slo-data-quality': { level: 'advanced', poorDecisionBranch: 'fraud-losses' },
  'nlp-confident-drift': { level: 'advanced', poorDecisionBranch: 'ombudsman-press' },
};

/** How far apart the twins must be, in percentage points, for the difference to mean something. */
const CLEAR_MARGIN = 25;

function loadScenarioFile(file: string): Scenario {
  const result = loadScenario(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), `scenarios/${file}`);
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
  return result.value;
}

function loadPlayFile(file: string): Play {
  const result = loadPlay(readFileSync(join(PLAYS_DIR, file), 'utf8'), `scenarios/plays/${file}`);
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
  return result.value;
}

const scenarioFiles = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const playFiles = readdirSync(PLAYS_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('the scenario library', () => {
  it('holds at least the seven scenarios of the issue, each with its two plays', () => {
    const ids = scenarioFiles.map((f) => f.replace(/\.yaml$/, ''));
    expect(ids.length).toBeGreaterThanOrEqual(7);
    for (const id of Object.keys(LIBRARY)) {
      expect(ids).toContain(id);
      expect(playFiles).toContain(`${id}.strong.yaml`);
      expect(playFiles).toContain(`${id}.struggling.yaml`);
    }
  });

  describe.each(scenarioFiles)('%s', (file) => {
    const scenario = loadScenarioFile(file);
    const prompts = scenario.injects.flatMap((i) => i.prompts);

    it('is named after its id and has the level the library promises', () => {
      expect(file).toBe(`${scenario.id}.yaml`);
      const entry = LIBRARY[scenario.id];
      if (entry) expect(scenario.level).toBe(entry.level);
    });

    it('has objectives, each exercised by a prompt or a runbook step', () => {
      expect(scenario.objectives.length).toBeGreaterThanOrEqual(1);
      for (const objective of scenario.objectives) {
        const used = prompts.some((p) => p.objective === objective.id) || scenario.runbook.some((s) => s.objective === objective.id);
        expect(used, `objective ${objective.id} is used`).toBe(true);
      }
    });

    it('has at least three roles, each with a brief, and each with something to answer', () => {
      expect(scenario.roles.length).toBeGreaterThanOrEqual(3);
      for (const role of scenario.roles) {
        expect(role.brief?.trim().length ?? 0, `brief of ${role.id}`).toBeGreaterThan(80);
        expect(prompts.some((p) => p.role === role.id), `a prompt for ${role.id}`).toBe(true);
      }
    });

    it('has at least eight injects over at least three channels, with a table or chart among them', () => {
      expect(scenario.injects.length).toBeGreaterThanOrEqual(8);
      expect(new Set(scenario.injects.map((i) => i.channel)).size).toBeGreaterThanOrEqual(3);
      expect(scenario.injects.some((i) => i.table !== undefined || i.chart !== undefined)).toBe(true);
    });

    it('asks prompts of all three types, each with expectations and a time limit', () => {
      expect(new Set(prompts.map((p) => p.type))).toEqual(new Set(['choice', 'multi', 'text']));
      for (const p of prompts) {
        expect(p.expect.within, `within of ${p.id}`).toBeGreaterThan(0);
        if (p.type === 'text') expect(p.expect.keywords.length, `keywords of ${p.id}`).toBeGreaterThanOrEqual(2);
        else expect(p.expect.best.length, `best of ${p.id}`).toBeGreaterThanOrEqual(1);
      }
    });

    it('branches at least twice on the team\'s decisions, one branch a poor decision\'s consequence', () => {
      const whens = scenario.injects.filter((i) => i.trigger.kind === 'when');
      expect(whens.length).toBeGreaterThanOrEqual(2);
      const branch = scenario.injects.find((i) => i.id === LIBRARY[scenario.id]?.poorDecisionBranch);
      expect(branch?.trigger.kind).toBe('when');
    });

    it('offers actions, and a runbook with detect, mitigate and communicate metrics', () => {
      expect(scenario.actions.length).toBeGreaterThanOrEqual(1);
      const metrics = new Set(scenario.runbook.map((s) => s.metric));
      for (const metric of ['detect', 'mitigate', 'communicate']) expect(metrics).toContain(metric);
    });

    it('carries facilitator notes and hotwash questions', () => {
      expect(scenario.injects.filter((i) => (i.facilitatorNotes ?? '').trim() !== '').length).toBeGreaterThanOrEqual(2);
      expect(scenario.debrief.questions.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe.each(playFiles)('play %s', (file) => {
    const play = loadPlayFile(file);
    const scenarioId = file.replace(/\.(strong|struggling)\.yaml$/, '');

    it('names its scenario and carries notes, a grade of a text answer and an end', () => {
      expect(play.scenario).toBe(scenarioId);
      const scenario = loadScenarioFile(`${scenarioId}.yaml`);
      const textPrompts = new Set(scenario.injects.flatMap((i) => i.prompts).filter((p) => p.type === 'text').map((p) => p.id));
      expect(play.events.some((e) => e.kind === 'note')).toBe(true);
      expect(play.events.some((e) => e.kind === 'grade' && textPrompts.has(e.prompt))).toBe(true);
      expect(play.events.at(-1)?.kind).toBe('end');
    });
  });

  describe.each(Object.entries(LIBRARY))('dry runs of %s', (id, { poorDecisionBranch }) => {
    const scenario = loadScenarioFile(`${id}.yaml`);
    const strong = simulatePlay(scenario, loadPlayFile(`${id}.strong.yaml`));
    const struggling = simulatePlay(scenario, loadPlayFile(`${id}.struggling.yaml`));
    const delivered = (run: typeof strong, inject: string) =>
      run.debrief.timeline.some((t) => t.kind === 'delivery' && t.inject === inject);

    it('rejects no script event', () => {
      expect(strong.rejected).toEqual([]);
      expect(struggling.rejected).toEqual([]);
    });

    it('scores the strong team clearly above the struggling one', () => {
      const s = strong.debrief.score.percent ?? 0;
      const w = struggling.debrief.score.percent ?? 0;
      expect(s - w).toBeGreaterThanOrEqual(CLEAR_MARGIN);
    });

    it('has the strong team meet every runbook step on time', () => {
      const late = strong.debrief.steps.filter((s) => !s.on_time).map((s) => s.id);
      expect(late).toEqual([]);
    });

    it(`sends the struggling team, and only it, into ${poorDecisionBranch}`, () => {
      expect(delivered(struggling, poorDecisionBranch)).toBe(true);
      expect(delivered(strong, poorDecisionBranch)).toBe(false);
    });
  });
});
