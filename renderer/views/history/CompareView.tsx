import { useEffect } from 'react';
import { useApp } from '../../store/use-app.ts';
import { Load } from '../../components/states.tsx';
import { formatDate, formatPercent, formatSeconds } from '../../components/format.ts';

export function CompareView({ sessionIds }: { sessionIds: string[] }) {
  const comparison = useApp((s) => s.comparison);
  const loadComparison = useApp((s) => s.loadComparison);
  const key = sessionIds.join(',');
  useEffect(() => { void loadComparison(key.split(',')); }, [key, loadComparison]);
  return (
    <Load value={comparison} what="the comparison" onRetry={() => void loadComparison(sessionIds)}>
      {(c) => {
        const objectives = c.runs[0]?.objectives ?? [];
        const metrics = c.runs[0]?.metrics ?? [];
        return (
          <div className="stack">
            <h1>Compare runs: {c.scenarioTitle}</h1>
            <table className="grid">
              <thead>
                <tr><th scope="col"><span className="sr-only">Measure</span></th>{c.runs.map((r) => <th key={r.sessionId} scope="col">{formatDate(r.createdAt)}<div className="dim">{r.facilitator}</div></th>)}</tr>
              </thead>
              <tbody>
                <tr><th scope="row">Overall</th>{c.runs.map((r) => <td key={r.sessionId}><strong>{formatPercent(r.percent)}</strong></td>)}</tr>
                {objectives.map((o, i) => (
                  <tr key={o.id}><th scope="row">{o.title}</th>{c.runs.map((r) => {
                    const ro = r.objectives[i];
                    return <td key={r.sessionId}>{formatPercent(ro?.percent)} {ro?.rating ? <span className="badge">{ro.rating}</span> : null}</td>;
                  })}</tr>
                ))}
                {metrics.map((m, i) => (
                  <tr key={m.name}><th scope="row">Time to {m.name} <span className="dim">(target {formatSeconds(m.target_s)})</span></th>{c.runs.map((r) => {
                    const rm = r.metrics[i];
                    return <td key={r.sessionId}>{rm?.at_s === null || rm === undefined ? 'not met' : formatSeconds(rm.at_s)}</td>;
                  })}</tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }}
    </Load>
  );
}
