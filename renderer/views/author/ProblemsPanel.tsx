// The problems panel: the loader's errors and the lint's findings in the CLI's own words, each a
// button that goes to its place; and the "ready to run" state (no errors; warnings allowed).
import type { Problem, Problems } from '../../../core/author/index.ts';

export function ReadyBadge({ problems }: { problems: Problems }) {
  return problems.ready
    ? <span className="badge accent" role="status">Ready to run{problems.warnings ? ` (${problems.warnings} warning${problems.warnings === 1 ? '' : 's'})` : ''}</span>
    : <span className="badge warn" role="status">Not ready to run: {problems.errors} error{problems.errors === 1 ? '' : 's'}</span>;
}

export function ProblemsPanel({ problems, onJump }: { problems: Problems; onJump: (p: Problem) => void }) {
  const { errors, warnings, notes } = problems;
  return (
    <section className="panel stack" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems</h2>
      <p className="dim">{errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}, {notes} note{notes === 1 ? '' : 's'}{problems.silenced ? `, ${problems.silenced} silenced` : ''}</p>
      {problems.problems.length === 0 ? <p>No problems: drillbook validate and lint find nothing.</p> : (
        <ul className="stack" aria-label="Problems list">
          {problems.problems.map((p, i) => (
            <li key={`${i}-${p.text}`}>
              <button type="button" className={`link problem ${p.severity}`} onClick={() => onJump(p)} style={{ textAlign: 'left', whiteSpace: 'normal' }}>
                <span className={p.severity === 'error' ? 'badge warn' : 'badge'}>{p.severity}</span> <code className="user-text">{p.text}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
