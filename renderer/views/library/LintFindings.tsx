// drillbook lint's findings in the app: the Library preview and the import panel show the same
// list the command prints, one finding per line with its place in the file.
import type { LintFinding } from '../../../core/scenario/lint/types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 warnings, 1 note" (silenced findings left out). */
export function lintSummary(findings: readonly LintFinding[]): string {
  const active = findings.filter((f) => f.silenced === undefined);
  const warnings = active.filter((f) => f.severity === 'warning').length;
  return `${plural(warnings, 'warning')}, ${plural(active.length - warnings, 'note')}`;
}

export function LintList({ findings, label }: { findings: readonly LintFinding[]; label: string }) {
  return (
    <ul className="load-errors" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i}>
          <span className={f.severity === 'warning' ? 'badge warn' : 'badge'}>{f.severity}</span>{' '}
          <code>{f.rule}</code> <code>line {f.line}, column {f.column}</code>{f.path ? <> at <code>{f.path}</code></> : null}:{' '}
          <span className="user-text">{f.message}</span>
          {f.silenced !== undefined ? <> <em className="dim">(silenced: <span className="user-text">{f.silenced}</span>)</em></> : null}
        </li>
      ))}
    </ul>
  );
}

/** The preview's section: what counts first, then what the author silenced, with the why. */
export function LintSection({ findings }: { findings: readonly LintFinding[] }) {
  const active = findings.filter((f) => f.silenced === undefined);
  const silenced = findings.filter((f) => f.silenced !== undefined);
  return (
    <section className="panel" aria-labelledby="lint-title">
      <h2 id="lint-title">Fairness check</h2>
      {active.length === 0 ? (
        <p className="dim">drillbook lint finds nothing to fix in this scenario.</p>
      ) : (
        <>
          <p>drillbook lint: {lintSummary(findings)}. Warnings are cues or gaps that make the exercise less fair; notes are worth a look.</p>
          <LintList findings={active} label="Lint findings" />
        </>
      )}
      {silenced.length > 0 ? (
        <details>
          <summary>{plural(silenced.length, 'finding')} silenced by the scenario's author</summary>
          <LintList findings={silenced} label="Silenced lint findings" />
        </details>
      ) : null}
    </section>
  );
}
