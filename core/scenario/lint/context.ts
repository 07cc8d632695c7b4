// What every rule gets, what it returns, and the element a key path belongs to.
import type { Path } from '../path.ts';
import type { Position } from '../errors.ts';
import type { LintAllow, LintRule, Scenario } from '../types.ts';
import type { LintElement, LintSeverity } from './types.ts';

export interface LintContext {
  scenario: Scenario;
  /** The file's text, for rules that need what the parser dropped (comments). */
  text: string;
}

/** A rule's finding before it has a place: the runner turns the path into a line and column. */
export interface RuleFinding {
  rule: LintRule;
  severity: LintSeverity;
  element: LintElement;
  path: Path;
  /** Point at the key rather than its value. */
  at?: 'key' | 'value';
  /** A place found from the text itself (a comment has no key path of its own). */
  position?: Position;
  message: string;
}

export type Rule = (ctx: LintContext) => RuleFinding[];

export const scenarioElement = (s: Scenario): LintElement => ({ kind: 'scenario', id: s.id });

/**
 * The element a key path belongs to: the innermost objective, role, action, inject, prompt or
 * runbook step that holds it, else the scenario (handouts, characters, feedback, the top level).
 */
export function elementAt(s: Scenario, path: Path): LintElement {
  const [list, index, inner, innerIndex] = path;
  if (typeof index !== 'number') return scenarioElement(s);
  switch (list) {
    case 'objectives': return withId('objective', s.objectives[index]?.id, s);
    case 'roles': return withId('role', s.roles[index]?.id, s);
    case 'actions': return withId('action', s.actions[index]?.id, s);
    case 'runbook': return withId('step', s.runbook[index]?.id, s);
    case 'injects': {
      const inject = s.injects[index];
      if (inner === 'prompts' && typeof innerIndex === 'number') {
        const prompt = inject?.prompts[innerIndex];
        if (prompt) return { kind: 'prompt', id: prompt.id };
      }
      return withId('inject', inject?.id, s);
    }
    default: return scenarioElement(s);
  }
}

function withId(kind: LintElement['kind'], id: string | undefined, s: Scenario): LintElement {
  return id === undefined ? scenarioElement(s) : { kind, id };
}

/** The `lint: {allow, why}` of an element, if it has one. */
export function allowanceOf(s: Scenario, element: LintElement): LintAllow | undefined {
  switch (element.kind) {
    case 'scenario': return s.lint;
    case 'objective': return s.objectives.find((o) => o.id === element.id)?.lint;
    case 'role': return s.roles.find((r) => r.id === element.id)?.lint;
    case 'action': return s.actions.find((a) => a.id === element.id)?.lint;
    case 'inject': return s.injects.find((i) => i.id === element.id)?.lint;
    case 'step': return s.runbook.find((st) => st.id === element.id)?.lint;
    case 'prompt':
      for (const inject of s.injects) {
        const prompt = inject.prompts.find((p) => p.id === element.id);
        if (prompt) return prompt.lint;
      }
      return undefined;
  }
}

/** Where a prompt sits in the file. */
export function promptPaths(s: Scenario): { path: Path; injectIndex: number; promptIndex: number }[] {
  const out: { path: Path; injectIndex: number; promptIndex: number }[] = [];
  s.injects.forEach((inject, i) => inject.prompts.forEach((_, j) => out.push({ path: ['injects', i, 'prompts', j], injectIndex: i, promptIndex: j })));
  return out;
}
