// What `drillbook lint` reports: findings about a scenario that loads but may not be a fair
// exercise. Plain JSON, so the CLI prints them and the Bridge carries them to the Library view.
import type { LintRule } from '../types.ts';

export type LintSeverity = 'warning' | 'note';

/** The element a finding belongs to: its `lint: {allow}` is the one that can silence it. */
export type LintElementKind = 'scenario' | 'objective' | 'role' | 'action' | 'inject' | 'prompt' | 'step';

export interface LintElement {
  kind: LintElementKind;
  id: string;
}

export interface LintFinding {
  rule: LintRule;
  severity: LintSeverity;
  /** 1-based place in the file of what the finding is about. */
  line: number;
  column: number;
  /** Key path such as `injects[2].prompts[0].options[1].label`; '' for the whole document. */
  path: string;
  element: LintElement;
  /** One line, written for the scenario's author: what is wrong and what to do. Control characters escaped. */
  message: string;
  /** Set when the element silences the rule (`lint: {allow: [rule], why}`): the author's reason. */
  silenced?: string;
}
