// drillbook lint, the core: is a scenario that loads also a fair exercise? Takes the file's text
// (rules need positions and what the YAML parser dropped), returns located findings. The CLI and
// the app (Library preview, import panel) share it. Pure: no Node, no DOM.
import { loadScenario } from '../load.ts';
import { visible } from '../errors.ts';
import { formatPath } from '../path.ts';
import { readYaml } from '../yaml-front.ts';
import type { LintRule, LoadError, Scenario } from '../types.ts';
import { allowanceOf, type LintContext, type Rule, type RuleFinding } from './context.ts';
import { answerInText, longestIsBest } from './rules/choices.ts';
import { commentInValue } from './rules/comment-in-value.ts';
import { emptyRoom, idleRole, noEeg, noStep } from './rules/coverage.ts';
import { wordsMeetComms } from './rules/comms.ts';
import { shortWindow, storyOrder } from './rules/timing.ts';
import type { LintFinding } from './types.ts';

export type { LintElement, LintElementKind, LintFinding, LintSeverity } from './types.ts';

const RULES: Record<LintRule, Rule> = {
  'longest-is-best': longestIsBest,
  'answer-in-text': answerInText,
  'comment-in-value': ({ text, scenario }) => commentInValue(text, scenario),
  'idle-role': idleRole,
  'empty-room': emptyRoom,
  'words-meet-comms': wordsMeetComms,
  'short-window': shortWindow,
  'story-order': storyOrder,
  'no-step': noStep,
  'no-eeg': noEeg,
};

export type LintResult =
  /** The scenario loads: every rule ran. `findings` holds silenced ones too (with `silenced`). */
  | { ok: true; scenario: Scenario; findings: LintFinding[] }
  /**
   * It does not load: the loader's errors, and the findings of the rules that work on the text
   * alone (comment-in-value), which often say why a value is missing.
   */
  | { ok: false; errors: LoadError[]; findings: LintFinding[] };

export function lintScenarioText(text: string, fileName: string): LintResult {
  const loaded = loadScenario(text, fileName);
  const { locate } = readYaml(text);
  const place = (f: RuleFinding): LintFinding => {
    const { line, column } = f.position ?? locate(f.path, f.at ?? 'value');
    return { rule: f.rule, severity: f.severity, line, column, path: formatPath(f.path), element: f.element, message: visible(f.message) };
  };
  if (!loaded.ok) return { ok: false, errors: loaded.errors, findings: sortFindings(commentInValue(text, undefined).map(place)) };

  const scenario = loaded.value;
  const ctx: LintContext = { scenario, text };
  const findings: LintFinding[] = [];
  for (const [rule, run] of Object.entries(RULES) as [LintRule, Rule][]) {
    for (const found of run(ctx)) {
      const finding = place({ ...found, rule });
      const allow = allowanceOf(scenario, found.element);
      if (allow?.allow.includes(rule)) finding.silenced = visible(allow.why);
      findings.push(finding);
    }
  }
  return { ok: true, scenario, findings: sortFindings(findings) };
}

const RULE_ORDER = new Map<string, number>(Object.keys(RULES).map((r, i) => [r, i]));

/** File order, then the rule's place in the list. */
export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column || (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0));
}

/** Findings that count: not silenced. */
export const activeFindings = (findings: readonly LintFinding[]): LintFinding[] => findings.filter((f) => f.silenced === undefined);

/**
 * `FILE:LINE:COL: warning: rule-id: message`, the way compilers print (editors' problem matchers
 * pick it up). A silenced finding (printed by --verbose) reads `silenced warning:` instead, so that
 * neither a matcher nor a grep for `warning:` counts it, and ends with the element's reason.
 */
export function formatLintFinding(file: string, f: LintFinding): string {
  if (f.silenced === undefined) return `${file}:${f.line}:${f.column}: ${f.severity}: ${f.rule}: ${f.message}`;
  return `${file}:${f.line}:${f.column}: silenced ${f.severity}: ${f.rule}: ${f.message} [allowed on ${f.element.kind} '${f.element.id}': ${f.silenced}]`;
}
