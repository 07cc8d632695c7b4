// Problems as the author types: the loader's errors and the lint's findings, in the words the CLI
// prints them (drillbook validate / drillbook lint run the same functions), each with its place.
// `ready` is the "ready to run" state: no errors (warnings and notes allowed).
import { formatLoadError } from '../scenario/errors.ts';
import { formatLintFinding, lintScenarioText, type LintFinding } from '../scenario/lint/index.ts';
import type { LintRule } from '../scenario/types.ts';

export type ProblemSeverity = 'error' | 'warning' | 'note';

export interface Problem {
  severity: ProblemSeverity;
  line: number;
  column: number;
  /** Key path such as `injects[2].prompts[0].role`; '' for the whole document. */
  path: string;
  message: string;
  /** The lint rule, for warnings and notes. */
  rule?: LintRule;
  /** The line as the CLI prints it (FILE:LINE:COL: ...). */
  text: string;
}

export interface Problems {
  ready: boolean;
  problems: Problem[];
  errors: number;
  warnings: number;
  notes: number;
  /** Findings an element silenced with `lint: {allow, why}` (not listed). */
  silenced: number;
}

const fromFinding = (file: string, f: LintFinding): Problem => ({
  severity: f.severity,
  line: f.line,
  column: f.column,
  path: f.path,
  message: f.message,
  rule: f.rule,
  text: formatLintFinding(file, f),
});

/** Check a scenario text; `fileName` is what the CLI-style lines name. */
export function scenarioProblems(text: string, fileName = 'scenario.yaml'): Problems {
  const result = lintScenarioText(text, fileName);
  const errors: Problem[] = result.ok
    ? []
    : result.errors.map((e) => ({ severity: 'error', line: e.line, column: e.column, path: e.path, message: e.message, text: formatLoadError(e) }));
  const active = result.findings.filter((f) => f.silenced === undefined);
  const problems = [...errors, ...active.map((f) => fromFinding(fileName, f))].sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    ready: errors.length === 0,
    problems,
    errors: errors.length,
    warnings: active.filter((f) => f.severity === 'warning').length,
    notes: active.filter((f) => f.severity === 'note').length,
    silenced: result.findings.length - active.length,
  };
}
