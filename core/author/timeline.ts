// The layout model of the Author view's timeline ("See it", issue 17): for a normalized scenario,
// each inject's earliest possible time, the links it depends on, the runbook's `by` times and what
// each branch (a choice option, a prompt left open, an action, a step met or missed) can add.
// Pure: the renderer draws it, the tests check it.
//
// Earliest time: `at` is its time; `after` is the earliest time of the inject it follows plus the
// delay; `when` is the earliest time its condition could hold plus the delay, where that can be
// derived from the file alone (a prompt is answerable once its inject can land, an action from the
// start, a step is met no earlier than its first way to be met and missed at its `by` time).
// A `when` inject may never come, and so may everything that follows it: those are `conditional`.
import { describeCondition, describeTrigger } from '../guide/model.ts';
import type { Channel, Condition, MetBy, Scenario, Seconds } from '../scenario/types.ts';

export type DependencyKind = 'inject' | 'prompt' | 'action' | 'step';

export interface TimelineInject {
  id: string;
  title: string;
  channel: Channel;
  to: string[];
  toAll: boolean;
  /** The trigger in words ("after detection + 2:00", "when severity is answered with sev1"). */
  trigger: string;
  /** `when` injects: the condition in words. */
  condition?: string;
  /** The earliest exercise time it can land, or null when that cannot be derived (the conditional lane). */
  earliest: Seconds | null;
  /** True when it may never come: a `when` inject, or one that follows one. */
  conditional: boolean;
  prompts: { id: string; role: string; ask: string }[];
}

/** `inject` depends on `from` (an inject, a prompt, an action or a runbook step). */
export interface TimelineEdge {
  from: string;
  fromKind: DependencyKind;
  /** The inject that holds `from` (for a prompt: its inject), so an arrow can start at a box. */
  fromInject: string | null;
  to: string;
  kind: 'after' | 'when';
}

export interface TimelineStep {
  id: string;
  step: string;
  by: Seconds;
  objective?: string;
}

/** One branch of the story: a decision (or its absence) and the injects it can add. */
export interface TimelineBranch {
  id: string;
  kind: 'option' | 'prompt' | 'unanswered' | 'action' | 'met' | 'missed';
  label: string;
  /** The injects this branch can add, directly or through `after` links, in file order. */
  injects: string[];
}

export interface TimelineModel {
  duration: Seconds;
  /** The axis ends at the later of the duration and the last derivable time. */
  end: Seconds;
  injects: TimelineInject[];
  edges: TimelineEdge[];
  steps: TimelineStep[];
  branches: TimelineBranch[];
}

function leaves(c: Condition): Exclude<Condition, { kind: 'any' | 'all' }>[] {
  return c.kind === 'any' || c.kind === 'all' ? c.conditions.flatMap(leaves) : [c];
}

export function timelineModel(scenario: Scenario): TimelineModel {
  const injectById = new Map(scenario.injects.map((i) => [i.id, i]));
  const promptInject = new Map(scenario.injects.flatMap((i) => i.prompts.map((p) => [p.id, i.id] as const)));
  const stepById = new Map(scenario.runbook.map((s) => [s.id, s]));
  const earliest = new Map<string, Seconds | null>();
  const visiting = new Set<string>();

  const max = (values: (Seconds | null)[]): Seconds | null => (values.some((v) => v === null) ? null : Math.max(0, ...(values as Seconds[])));
  const min = (values: (Seconds | null)[]): Seconds | null => {
    const known = values.filter((v): v is Seconds => v !== null);
    return known.length ? Math.min(...known) : null;
  };
  const promptTime = (prompt: string): Seconds | null => {
    const inject = promptInject.get(prompt);
    return inject === undefined ? null : injectTime(inject);
  };
  const metByTime = (m: MetBy): Seconds | null => {
    if (m.kind === 'all') return max(m.entries.map(metByTime));
    return m.kind === 'action' ? 0 : promptTime(m.prompt);
  };
  const conditionTime = (c: Condition): Seconds | null => {
    switch (c.kind) {
      case 'answered': return promptTime(c.prompt);
      case 'unanswered': { const t = promptTime(c.prompt); return t === null ? null : t + c.for; }
      case 'action': return 0;
      case 'met': { const s = stepById.get(c.step); return s ? min(s.metBy.map(metByTime)) : null; }
      case 'missed': return stepById.get(c.step)?.by ?? null;
      case 'any': return min(c.conditions.map(conditionTime));
      case 'all': return max(c.conditions.map(conditionTime));
    }
  };
  function injectTime(id: string): Seconds | null {
    if (earliest.has(id)) return earliest.get(id) ?? null;
    const inject = injectById.get(id);
    if (!inject || visiting.has(id)) return null; // a cycle or a dangling reference: not derivable
    visiting.add(id);
    const t = inject.trigger;
    let time: Seconds | null;
    if (t.kind === 'at') time = t.at;
    else if (t.kind === 'after') { const base = injectTime(t.inject); time = base === null ? null : base + t.delay; }
    else { const base = conditionTime(t.condition); time = base === null ? null : base + t.delay; }
    visiting.delete(id);
    earliest.set(id, time);
    return time;
  }

  const conditionalMemo = new Map<string, boolean>();
  const isConditional = (id: string, seen = new Set<string>()): boolean => {
    const known = conditionalMemo.get(id);
    if (known !== undefined) return known;
    const inject = injectById.get(id);
    if (!inject || seen.has(id)) return true;
    seen.add(id);
    const result = inject.trigger.kind === 'when' || (inject.trigger.kind === 'after' && isConditional(inject.trigger.inject, seen));
    conditionalMemo.set(id, result);
    return result;
  };

  const edges: TimelineEdge[] = [];
  for (const inject of scenario.injects) {
    const t = inject.trigger;
    if (t.kind === 'after') edges.push({ from: t.inject, fromKind: 'inject', fromInject: t.inject, to: inject.id, kind: 'after' });
    if (t.kind !== 'when') continue;
    for (const leaf of leaves(t.condition)) {
      if (leaf.kind === 'answered' || leaf.kind === 'unanswered') edges.push({ from: leaf.prompt, fromKind: 'prompt', fromInject: promptInject.get(leaf.prompt) ?? null, to: inject.id, kind: 'when' });
      else if (leaf.kind === 'action') edges.push({ from: leaf.action, fromKind: 'action', fromInject: null, to: inject.id, kind: 'when' });
      else edges.push({ from: leaf.step, fromKind: 'step', fromInject: null, to: inject.id, kind: 'when' });
    }
  }

  const injects: TimelineInject[] = scenario.injects.map((i) => ({
    id: i.id,
    title: i.title,
    channel: i.channel,
    to: [...i.to],
    toAll: i.toAll,
    trigger: describeTrigger(i.trigger),
    ...(i.trigger.kind === 'when' ? { condition: describeCondition(i.trigger.condition) } : {}),
    earliest: injectTime(i.id),
    conditional: isConditional(i.id),
    prompts: i.prompts.map((p) => ({ id: p.id, role: p.role, ask: p.ask })),
  }));

  const steps: TimelineStep[] = scenario.runbook.map((s) => ({ id: s.id, step: s.step, by: s.by, ...(s.objective !== undefined ? { objective: s.objective } : {}) }));

  const end = Math.max(scenario.duration, ...injects.map((i) => i.earliest ?? 0), ...steps.map((s) => s.by));
  return { duration: scenario.duration, end, injects, edges, steps, branches: branchesOf(scenario) };
}

/** Each decision that a `when` condition names, with the injects it can bring in (and their `after` followers). */
function branchesOf(scenario: Scenario): TimelineBranch[] {
  const followers = new Map<string, string[]>();
  for (const i of scenario.injects) {
    if (i.trigger.kind === 'after') followers.set(i.trigger.inject, [...(followers.get(i.trigger.inject) ?? []), i.id]);
  }
  const order = new Map(scenario.injects.map((i, n) => [i.id, n]));
  const promptById = new Map(scenario.injects.flatMap((i) => i.prompts.map((p) => [p.id, p] as const)));
  const stepById = new Map(scenario.runbook.map((s) => [s.id, s]));
  const branches = new Map<string, TimelineBranch>();
  const add = (id: string, kind: TimelineBranch['kind'], label: string, inject: string): void => {
    const branch = branches.get(id) ?? { id, kind, label, injects: [] };
    branches.set(id, branch);
    const queue = [inject];
    while (queue.length) {
      const next = queue.shift() as string;
      if (branch.injects.includes(next)) continue;
      branch.injects.push(next);
      queue.push(...(followers.get(next) ?? []));
    }
  };
  for (const inject of scenario.injects) {
    if (inject.trigger.kind !== 'when') continue;
    for (const leaf of leaves(inject.trigger.condition)) {
      switch (leaf.kind) {
        case 'answered': {
          const prompt = promptById.get(leaf.prompt);
          const who = prompt ? `${prompt.role} answers ${leaf.prompt}` : `${leaf.prompt} is answered`;
          if (leaf.with?.length) {
            for (const option of leaf.with) {
              const label = prompt?.options.find((o) => o.id === option)?.label;
              add(`option:${leaf.prompt}:${option}`, 'option', `${who} with ${option}${label ? ` (${label})` : ''}`, inject.id);
            }
          } else add(`prompt:${leaf.prompt}`, 'prompt', who, inject.id);
          break;
        }
        case 'unanswered': add(`unanswered:${leaf.prompt}`, 'unanswered', `${leaf.prompt} is left unanswered`, inject.id); break;
        case 'action': add(`action:${leaf.action}${leaf.by ? `:${leaf.by}` : ''}`, 'action', leaf.by ? `${leaf.by} takes the action ${leaf.action}` : `the action ${leaf.action} is taken`, inject.id); break;
        case 'met': add(`met:${leaf.step}`, 'met', `runbook step ${stepById.get(leaf.step)?.id ?? leaf.step} is met`, inject.id); break;
        case 'missed': add(`missed:${leaf.step}`, 'missed', `runbook step ${stepById.get(leaf.step)?.id ?? leaf.step} is missed`, inject.id); break;
      }
    }
  }
  return [...branches.values()].map((b) => ({ ...b, injects: b.injects.sort((a, c) => (order.get(a) ?? 0) - (order.get(c) ?? 0)) }));
}
