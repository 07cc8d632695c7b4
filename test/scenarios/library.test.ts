// The shipped scenario library: every scenario loads, is a complete training piece (issue 4's
// structural requirements) and a fair one (drillbook lint --strict), every play loads, and the four
// dry runs of each scenario (issue 13 §5) tell a strong team, a mixed one, a struggling one and one
// that fixes the technology and tells nobody apart through the real engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadPlay, loadScenario } from '../../core/scenario/index.ts';
import { activeFindings, formatLintFinding, lintScenarioText } from '../../core/scenario/lint/index.ts';
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
  'training-pipeline-rollback': { level: 'advanced', poorDecisionBranch: 'second-auto-rollback' },
  'latency-runbook-101': { level: 'beginner', poorDecisionBranch: 'aggregator-suspension' },
};

/** The four plays of every scenario (issue 13 §5). */
const PLAYS = ['strong', 'struggling', 'mixed', 'tech-only'] as const;
type PlayKind = (typeof PLAYS)[number];

/** How far apart strong and struggling must be, in percentage points, for the difference to mean something. */
const CLEAR_MARGIN = 25;
/** And each neighbour pair: strong and mixed, mixed and struggling. */
const STEP_MARGIN = 15;

/** An objective about communication: the one a tech-only team must be capped by. */
function aboutCommunication(objective: Scenario['objectives'][number]): boolean {
  return /communicat|stakeholder/i.test(`${objective.id} ${objective.title} ${objective.capability ?? ''}`);
}

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
  it('holds the nine scenarios of the issue, each with its four plays', () => {
    const ids = scenarioFiles.map((f) => f.replace(/\.yaml$/, ''));
    expect(ids.length).toBeGreaterThanOrEqual(9);
    for (const id of Object.keys(LIBRARY)) {
      expect(ids).toContain(id);
      for (const kind of PLAYS) expect(playFiles, `${id}: scenarios/plays/${id}.${kind}.yaml`).toContain(`${id}.${kind}.yaml`);
    }
  });

  describe.each(scenarioFiles)('%s', (file) => {
    const scenario = loadScenarioFile(file);
    const prompts = scenario.injects.flatMap((i) => i.prompts);

    it('passes drillbook lint --strict (no warning that is not allowed with a reason)', () => {
      const result = lintScenarioText(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), `scenarios/${file}`);
      expect(result.ok, `scenarios/${file} loads`).toBe(true);
      const warnings = activeFindings(result.findings).filter((f) => f.severity === 'warning').map((f) => formatLintFinding(`scenarios/${file}`, f));
      expect(warnings, `lint --strict warnings in scenarios/${file}`).toEqual([]);
      for (const f of result.findings.filter((x) => x.silenced !== undefined)) {
        expect(f.silenced?.trim().length ?? 0, `the reason for allowing ${f.rule} on ${f.element.kind} '${f.element.id}' in scenarios/${file}`).toBeGreaterThan(10);
      }
    });

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
    const kind = /\.(strong|struggling|mixed|tech-only)\.yaml$/.exec(file)?.[1] as PlayKind | undefined;
    const scenarioId = file.replace(/\.(strong|struggling|mixed|tech-only)\.yaml$/, '');

    it('is one of the four kinds, names its scenario and carries notes and an end', () => {
      expect(kind, `scenarios/plays/${file} is strong, struggling, mixed or tech-only`).toBeDefined();
      expect(play.scenario).toBe(scenarioId);
      expect(play.events.some((e) => e.kind === 'note'), `a note in ${file}`).toBe(true);
      expect(play.events.at(-1)?.kind).toBe('end');
    });

    it('grades a text answer, except the tech-only team, which gets no grade and no override', () => {
      const scenario = loadScenarioFile(`${scenarioId}.yaml`);
      const textPrompts = new Set(scenario.injects.flatMap((i) => i.prompts).filter((p) => p.type === 'text').map((p) => p.id));
      if (kind === 'tech-only') {
        const facilitated = play.events.filter((e) => e.kind === 'grade' || e.kind === 'rate' || e.kind === 'deliver' || e.kind === 'skip');
        expect(facilitated.map((e) => `events[${e.index}] ${e.kind}`), `${file}: facilitator grades or overrides`).toEqual([]);
      } else {
        expect(play.events.some((e) => e.kind === 'grade' && textPrompts.has(e.prompt)), `${file}: a grade of a text answer`).toBe(true);
      }
    });
  });

  describe.each(Object.entries(LIBRARY))('dry runs of %s', (id, { poorDecisionBranch }) => {
    const scenario = loadScenarioFile(`${id}.yaml`);
    // Each play is run when a test first needs it, so that a missing or broken play fails its own tests only.
    const cache = new Map<PlayKind, ReturnType<typeof simulatePlay>>();
    const runs = new Proxy({} as Record<PlayKind, ReturnType<typeof simulatePlay>>, {
      get: (_target, kind: PlayKind) => {
        let run = cache.get(kind);
        if (run === undefined) {
          if (!existsSync(join(PLAYS_DIR, `${id}.${kind}.yaml`))) throw new Error(`scenarios/plays/${id}.${kind}.yaml is missing`);
          run = simulatePlay(scenario, loadPlayFile(`${id}.${kind}.yaml`));
          cache.set(kind, run);
        }
        return run;
      },
    });
    const percent = (kind: PlayKind) => runs[kind].debrief.score.percent ?? 0;
    const figure = (kind: PlayKind) => {
      const score = runs[kind].debrief.score;
      return `${id}.${kind}: overall ${(score.percent ?? 0).toFixed(1)}% ${score.rating}${score.capped_by ? ` (capped by ${score.capped_by})` : ''}`;
    };
    const delivered = (kind: PlayKind, inject: string) =>
      runs[kind].debrief.timeline.some((t) => t.kind === 'delivery' && t.inject === inject);

    it.each(PLAYS)('rejects no script event of the %s play', (kind) => {
      expect(runs[kind].rejected.map((r) => `${id}.${kind} at ${r.at_s}s: ${r.event}: ${r.reason}`)).toEqual([]);
    });

    it('rates the strong team P, the struggling one U and the mixed one M or S', () => {
      expect(runs.strong.debrief.score.rating, figure('strong')).toBe('P');
      expect(runs.struggling.debrief.score.rating, figure('struggling')).toBe('U');
      expect(['M', 'S'], figure('mixed')).toContain(runs.mixed.debrief.score.rating);
    });

    it('rates the tech-only team at most M, capped by an objective about communication', () => {
      expect(['M', 'U'], figure('tech-only')).toContain(runs['tech-only'].debrief.score.rating);
      const cap = runs['tech-only'].debrief.score.capped_by;
      const objective = scenario.objectives.find((o) => o.id === cap);
      expect(objective, `${figure('tech-only')}: capped_by must name an objective`).toBeDefined();
      expect(objective && aboutCommunication(objective), `${figure('tech-only')}: '${cap}' is not about communication`).toBe(true);
    });

    it(`scores strong - mixed and mixed - struggling at least ${STEP_MARGIN} points apart, strong - struggling ${CLEAR_MARGIN}`, () => {
      const all = PLAYS.map(figure).join('; ');
      expect(percent('strong') - percent('mixed'), `strong - mixed: ${all}`).toBeGreaterThanOrEqual(STEP_MARGIN);
      expect(percent('mixed') - percent('struggling'), `mixed - struggling: ${all}`).toBeGreaterThanOrEqual(STEP_MARGIN);
      expect(percent('strong') - percent('struggling'), `strong - struggling: ${all}`).toBeGreaterThanOrEqual(CLEAR_MARGIN);
    });

    it('has the strong team meet every runbook step on time', () => {
      const late = runs.strong.debrief.steps.filter((s) => !s.on_time).map((s) => s.id);
      expect(late, `${id}.strong: steps late or missed`).toEqual([]);
    });

    it(`sends the struggling team, and not the strong one, into ${poorDecisionBranch}`, () => {
      expect(delivered('struggling', poorDecisionBranch), `${id}.struggling delivers ${poorDecisionBranch}`).toBe(true);
      expect(delivered('strong', poorDecisionBranch), `${id}.strong delivers ${poorDecisionBranch}`).toBe(false);
    });
  });
});
