// Runs of one scenario side by side. Rows are matched by objective id and metric name, never by
// position: a scenario edited between two runs may add, drop or reorder objectives (issue 14,
// item 15), and a run of a version without an objective says so instead of borrowing a neighbour's.
import { useEffect, useState } from 'react';
import { useBridge } from '../../bridge/context.tsx';
import { downloadFile } from '../../components/download.ts';
import { comparisonVersions, unionOf } from '../../../core/report/comparison.ts';
import { useApp } from '../../store/use-app.ts';
import { Load } from '../../components/states.tsx';
import { formatDate, formatPercent, formatSeconds } from '../../components/format.ts';

const NOT_IN_VERSION = <span className="dim">not in this version</span>;

/** The comparison as a file (CSV for spreadsheets, one HTML page), downloaded like other exports. */
function ExportComparison({ sessionIds }: { sessionIds: string[] }) {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const [busy, setBusy] = useState<'csv' | 'html' | null>(null);
  async function run(format: 'csv' | 'html') {
    setBusy(format);
    try {
      const result = await bridge.request('sessions.exportComparison', { sessionIds, format });
      if (!result.ok) return toast(result.error.message, 'error');
      downloadFile(result.value);
      toast(`Exported ${result.value.fileName}`);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="row" role="group" aria-label="Export the comparison">
      <button type="button" disabled={busy !== null} onClick={() => void run('csv')}>{busy === 'csv' ? 'Exporting…' : 'Export CSV'}</button>
      <button type="button" disabled={busy !== null} onClick={() => void run('html')}>{busy === 'html' ? 'Exporting…' : 'Export HTML'}</button>
    </div>
  );
}

export function CompareView({ sessionIds }: { sessionIds: string[] }) {
  const comparison = useApp((s) => s.comparison);
  const loadComparison = useApp((s) => s.loadComparison);
  const key = sessionIds.join(',');
  useEffect(() => { void loadComparison(key.split(',')); }, [key, loadComparison]);
  return (
    <Load value={comparison} what="the comparison" onRetry={() => void loadComparison(sessionIds)}>
      {(c) => {
        const objectives = unionOf(c.runs, (r) => r.objectives, (o) => o.id);
        const metrics = unionOf(c.runs, (r) => r.metrics, (m) => m.name);
        const versions = comparisonVersions(c);
        const mixed = versions.size > 1;
        return (
          <div className="stack">
            <h1>Compare runs: {c.scenarioTitle}</h1>
            {mixed ? (
              <p className="badge warn" role="status">
                These runs used {versions.size} different versions of the scenario (its text changed between them): objectives are matched by id, and a row a version does not have says so. Compare the scores with care.
              </p>
            ) : null}
            <table className="grid">
              <thead>
                <tr><th scope="col"><span className="sr-only">Measure</span></th>{c.runs.map((r) => (
                  <th key={r.sessionId} scope="col">{formatDate(r.createdAt)}<div className="dim">{r.facilitator}</div>
                    {mixed ? <div className="dim" title={`Scenario content hash ${r.contentHash}`}>Scenario {versions.get(r.contentHash)}</div> : null}
                    {r.origin ? <div className="dim">Imported: {r.origin}</div> : null}</th>
                ))}</tr>
              </thead>
              <tbody>
                <tr><th scope="row">Overall</th>{c.runs.map((r) => <td key={r.sessionId}><strong>{formatPercent(r.percent)}</strong></td>)}</tr>
                {objectives.map((o) => (
                  <tr key={o.id}><th scope="row">{o.title}</th>{c.runs.map((r) => {
                    const ro = r.objectives.find((x) => x.id === o.id);
                    return <td key={r.sessionId}>{ro ? <>{formatPercent(ro.percent)} {ro.rating ? <span className="badge">{ro.rating}</span> : null}</> : NOT_IN_VERSION}</td>;
                  })}</tr>
                ))}
                {metrics.map((m) => (
                  <tr key={m.name}><th scope="row">Time to {m.name} <span className="dim">(target {formatSeconds(m.target_s)})</span></th>{c.runs.map((r) => {
                    const rm = r.metrics.find((x) => x.name === m.name);
                    return <td key={r.sessionId}>{rm === undefined ? NOT_IN_VERSION : rm.at_s === null ? 'not met' : formatSeconds(rm.at_s)}</td>;
                  })}</tr>
                ))}
              </tbody>
            </table>
            <ExportComparison sessionIds={c.runs.map((r) => r.sessionId)} />
          </div>
        );
      }}
    </Load>
  );
}
