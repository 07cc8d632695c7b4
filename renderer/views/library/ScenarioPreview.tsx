import type { LibraryEntryDetail } from '../../../core/protocol/bridge.ts';
import { Markdown } from '../../markdown/Markdown.tsx';
import { formatSeconds } from '../../components/format.ts';
import { MselTimeline } from './MselTimeline.tsx';
import { GuideButtons } from './GuideButtons.tsx';
import { navigate } from '../../app/navigation.ts';
import { useApp } from '../../store/use-app.ts';
import { LintSection, lintSummary } from './LintFindings.tsx';

export function ScenarioPreview({ entry }: { entry: LibraryEntryDetail }) {
  const duplicate = useApp((s) => s.duplicateScenario);
  const { scenario } = entry;
  const lintWarnings = entry.lint.filter((f) => f.severity === 'warning' && f.silenced === undefined).length;
  return (
    <article className="stack" aria-labelledby="preview-title">
      <header className="row" style={{ justifyContent: 'space-between' }}>
        <div>
          <h1 id="preview-title">{scenario.title}</h1>
          <div className="row dim">
            <span className="badge accent">{scenario.level}</span>
            <span>{formatSeconds(scenario.duration)} planned</span>
            <span>{scenario.roles.length} roles · {scenario.injects.length} injects</span>
            <span className="badge">{entry.source === 'shipped' ? 'shipped' : `imported: ${entry.fileName}`}</span>
            {lintWarnings > 0 ? (
              <button type="button" className="badge warn" onClick={() => document.getElementById('lint-title')?.scrollIntoView()}>lint: {lintSummary(entry.lint)}</button>
            ) : null}
          </div>
        </div>
        <div className="row">
          <button type="button" onClick={async () => {
            const copy = await duplicate(entry.entryId);
            if (copy) navigate({ view: 'library', entryId: copy.entryId });
          }}>Duplicate</button>
          <button type="button" onClick={() => navigate({ view: 'author', entryId: entry.entryId })}>{entry.source === 'shipped' ? 'Edit a copy' : 'Edit'}</button>
          <button type="button" className="primary" onClick={() => navigate({ view: 'setup', entryId: entry.entryId })}>Start a session…</button>
        </div>
      </header>
      <GuideButtons entryId={entry.entryId} scenario={scenario} />
      <section className="panel"><h2>Summary</h2><Markdown source={scenario.summary} /></section>
      <section className="panel">
        <h2>Objectives</h2>
        <ul>
          {scenario.objectives.map((o) => (
            <li key={o.id}><strong>{o.title}</strong>{o.capability ? <span className="dim"> — {o.capability}</span> : null}
              {o.description ? <Markdown source={o.description} /> : null}</li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>Roles</h2>
        <ul>{scenario.roles.map((r) => <li key={r.id}><strong>{r.title}</strong> <code className="dim">{r.id}</code></li>)}</ul>
      </section>
      <section className="panel"><h2>Master scenario events list</h2><MselTimeline scenario={scenario} /></section>
      <section className="panel">
        <h2>Runbook</h2>
        {scenario.runbook.length === 0 ? <p className="dim">This scenario has no runbook steps.</p> : (
          <table className="grid">
            <thead><tr><th>By</th><th>Step</th><th>Metric</th><th>Points</th></tr></thead>
            <tbody>
              {scenario.runbook.map((s) => (
                <tr key={s.id}><td>{formatSeconds(s.by)}</td><td>{s.step}</td><td>{s.metric ?? ''}</td><td>{s.points}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <LintSection findings={entry.lint} />
    </article>
  );
}
