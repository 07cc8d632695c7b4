import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timelineModel } from '../../../core/author/timeline.ts';
import { describeCondition } from '../../../core/guide/model.ts';
import { loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { repoRoot } from '../scenario/helpers.ts';

const shipped = readdirSync(`${repoRoot}scenarios`).filter((f) => f.endsWith('.yaml')).sort();
const load = (file: string): Scenario => {
  const result = loadScenario(readFileSync(`${repoRoot}scenarios/${file}`, 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.value;
};

describe('timelineModel on every shipped scenario', () => {
  it.each(shipped)('%s: times, conditions, edges, steps and branches', (file) => {
    const scenario = load(file);
    const model = timelineModel(scenario);
    expect(model.injects.map((i) => i.id)).toEqual(scenario.injects.map((i) => i.id));
    for (const inject of scenario.injects) {
      const laid = model.injects.find((i) => i.id === inject.id)!;
      if (inject.trigger.kind === 'at') {
        expect(laid.earliest).toBe(inject.trigger.at);
        expect(laid.conditional).toBe(false);
      }
      if (inject.trigger.kind === 'when') {
        expect(laid.condition).toBe(describeCondition(inject.trigger.condition));
        expect(laid.conditional).toBe(true);
        // Every edge into a `when` inject comes from something its condition names.
        expect(model.edges.filter((e) => e.to === inject.id).length).toBeGreaterThan(0);
        // Some branch can add it.
        expect(model.branches.some((b) => b.injects.includes(inject.id))).toBe(true);
        // A derivable time is never before the delay.
        if (laid.earliest !== null) expect(laid.earliest).toBeGreaterThanOrEqual(inject.trigger.delay);
      }
    }
    expect(model.steps.map((s) => [s.id, s.by])).toEqual(scenario.runbook.map((s) => [s.id, s.by]));
    expect(model.end).toBeGreaterThanOrEqual(scenario.duration);
  });

  it('places a `when` on an answered prompt no earlier than the prompt\'s inject, and on a missed step at its `by`', () => {
    const scenario = load('model-latency-slo.yaml');
    const model = timelineModel(scenario);
    const byId = new Map(model.injects.map((i) => [i.id, i]));
    const missed = scenario.injects.find((i) => i.trigger.kind === 'when' && i.trigger.condition.kind === 'missed')!;
    const trig = missed.trigger as Extract<Scenario['injects'][number]['trigger'], { kind: 'when' }>;
    const step = scenario.runbook.find((s) => s.id === (trig.condition as { step: string }).step)!;
    expect(byId.get(missed.id)!.earliest).toBe(step.by + trig.delay);
    expect(model.edges).toContainEqual({ from: step.id, fromKind: 'step', fromInject: null, to: missed.id, kind: 'when' });
    expect(model.branches.find((b) => b.id === `missed:${step.id}`)?.injects).toContain(missed.id);
    // A choice option that a condition names is a branch of its own, labelled with the option.
    const option = model.branches.find((b) => b.kind === 'option')!;
    expect(option.label).toMatch(/ answers .* with /);
  });
});

describe('timelineModel on `after` chains', () => {
  const base = load('model-latency-slo.yaml');
  const timed = base.injects.filter((i) => i.trigger.kind === 'at');
  const when = base.injects.find((i) => i.trigger.kind === 'when')!;

  it('adds the delays of an `after` chain to the time it starts from', () => {
    const [a, b, c] = [timed[0]!, timed[1]!, timed[2]!];
    const scenario: Scenario = {
      ...base,
      injects: base.injects.map((i) => (i.id === b.id ? { ...i, trigger: { kind: 'after', inject: a.id, delay: 120 } }
        : i.id === c.id ? { ...i, trigger: { kind: 'after', inject: b.id, delay: 45 } } : i)),
    };
    const model = timelineModel(scenario);
    const at = (a.trigger as { at: number }).at;
    const laid = (id: string) => model.injects.find((i) => i.id === id)!;
    expect(laid(b.id).earliest).toBe(at + 120);
    expect(laid(c.id).earliest).toBe(at + 120 + 45);
    expect(laid(c.id).conditional).toBe(false);
    expect(model.edges).toContainEqual({ from: b.id, fromKind: 'inject', fromInject: b.id, to: c.id, kind: 'after' });
  });

  it('marks what follows a `when` inject conditional, and the branch adds the follower too', () => {
    const follower = timed[timed.length - 1]!;
    const scenario: Scenario = { ...base, injects: base.injects.map((i) => (i.id === follower.id ? { ...i, trigger: { kind: 'after', inject: when.id, delay: 60 } } : i)) };
    const model = timelineModel(scenario);
    const laid = model.injects.find((i) => i.id === follower.id)!;
    expect(laid.conditional).toBe(true);
    const whenAt = model.injects.find((i) => i.id === when.id)!.earliest;
    expect(laid.earliest).toBe(whenAt === null ? null : whenAt + 60);
    const branch = model.branches.find((b) => b.injects.includes(when.id))!;
    expect(branch.injects).toContain(follower.id);
  });

  it('puts an inject whose time cannot be derived (a cycle) in the conditional lane instead of looping', () => {
    const [a, b] = [timed[0]!, timed[1]!];
    const scenario: Scenario = {
      ...base,
      injects: base.injects.map((i) => (i.id === a.id ? { ...i, trigger: { kind: 'after', inject: b.id, delay: 1 } }
        : i.id === b.id ? { ...i, trigger: { kind: 'after', inject: a.id, delay: 1 } } : i)),
    };
    const model = timelineModel(scenario);
    expect(model.injects.find((i) => i.id === a.id)!.earliest).toBeNull();
    expect(model.injects.find((i) => i.id === b.id)!.earliest).toBeNull();
  });
});
