// The debrief: scores and ratings (with override), runbook coverage, metrics, decisions, the
// improvement plan, hotwash answers, the participants' feedback, a replay of the session, and export.
import { useCallback, useEffect, useState } from 'react';
import type { Debrief } from '../../../core/scoring/debrief-types.ts';
import type { Rating } from '../../../core/scenario/types.ts';
import { useBridge } from '../../bridge/context.tsx';
import { formatPercent, formatPoints, formatSeconds } from '../../components/format.ts';
import { Load } from '../../components/states.tsx';
import type { Loadable } from '../../store/load-state.ts';
import { useApp } from '../../store/use-app.ts';
import { useSessionDetail } from '../console/use-session-detail.ts';
import { capReason, overallHeadline, overallLabel, overallOf, provisionalSentence } from '../../../core/report/overall.ts';
import { ratingLabel } from '../../../core/report/format.ts';
import { DecisionsTable } from './DecisionsTable.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { FeedbackSummary } from './FeedbackSummary.tsx';
import { HotwashForm } from './HotwashForm.tsx';
import { ObjectivesTable } from './ObjectivesTable.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { CarriedActions } from '../console/CarriedActions.tsx';
import { Replay } from './Replay.tsx';

function DebriefBody({ sessionId, debrief, reload }: { sessionId: string; debrief: Debrief; reload: () => Promise<void> }) {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const detail = useSessionDetail(sessionId);
  const ended = debrief.session.ended_at !== null;
  const overall = overallOf(debrief);
  // A session opened from a bundle is reviewed and exported, never changed.
  const readOnly = detail.status === 'ready' && detail.value.readOnly === true;
  // The session's roles once loaded; until then the seated roles' titles the debrief carries, so a
  // table never flashes role ids.
  const roleTitle = (id: string) => (detail.status === 'ready' ? detail.value.roles.find((r) => r.id === id)?.title : undefined)
    ?? debrief.session.participants.find((p) => p.role === id)?.role_title ?? id;

  const answer = async <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, done: string) => {
    if (!result.ok) {
      toast(result.error.message, 'error');
      return false;
    }
    toast(done);
    await reload();
    return true;
  };

  return (
    <div className="debrief">
      <header className="wide row" style={{ justifyContent: 'space-between', flexWrap: 'nowrap', alignItems: 'flex-start' }}>
        <div style={{ flex: 1 }}>
          <h1>Debrief: {debrief.scenario.title}</h1>
          <div className="dim">Facilitator {debrief.session.facilitator ?? '—'} · {formatSeconds(debrief.session.duration_s)} of exercise time · {peopleLine(debrief.session.participants) || 'no participants recorded'}</div>
          {!ended ? <p className="badge warn">The session has not ended: these scores are provisional.</p> : null}
          {readOnly ? <p className="badge accent" role="note">Opened from a session bundle, read-only: review it and export its report; the plan, hotwash and ratings are as recorded.</p> : null}
        </div>
        <div style={{ textAlign: 'right' }} aria-label="Overall rating" role="group">
          <div className="clock">{debrief.score.rating ? <span className={`rating-badge rating-${debrief.score.rating}`} title={ratingLabel(debrief.score.rating)}>{debrief.score.rating}</span> : null} {formatPercent(debrief.score.percent)}</div>
          <div className="dim">{overallHeadline(overall)} · {formatPoints(debrief.score.points)} of {formatPoints(debrief.score.possible)} points</div>
        </div>
      </header>
      {overall.cap || overall.provisional > 0 ? (
        <section className="wide" aria-label="About the overall rating">
          {overall.cap ? (
            <p className="cap">
              <strong>{overallLabel(overall)}</strong>: capped by <em className="user-text">{overall.cap.title}</em> ({overall.cap.rating ?? 'not rated'}{overall.cap.overridden ? ', set by the facilitator' : ''}). {capReason(overall)}
            </p>
          ) : null}
          {overall.provisional > 0 ? <p className="badge warn" role="status">{provisionalSentence(overall.provisional)}</p> : null}
        </section>
      ) : null}
      <section className="panel wide" aria-label="Objectives">
        <h2>Objectives</h2>
        <ObjectivesTable debrief={debrief} readOnly={readOnly} onRate={async (objective: string, rating: Rating, reason: string) =>
          answer(await bridge.request('debrief.rate', { sessionId, objective, rating, reason }), 'Rating saved.')} />
      </section>
      <section className="panel" aria-label="Runbook coverage">
        <h2>Runbook coverage</h2>
        <table className="grid">
          <thead><tr><th>Step</th><th>By</th><th>Met</th><th>Points</th></tr></thead>
          <tbody>
            {debrief.steps.map((s) => (
              <tr key={s.id}>
                <td>{s.step}</td><td>{formatSeconds(s.by_s)}</td>
                <td>{s.met_at_s === null ? <span className="badge danger">missed</span> : <span className={s.on_time ? 'badge ok' : 'badge warn'}>{formatSeconds(s.met_at_s)}{s.on_time ? '' : ' late'}</span>}</td>
                <td className="nowrap">{formatPoints(s.points)} / {formatPoints(s.possible)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-label="Metrics">
        <h2>Time-to metrics</h2>
        {debrief.metrics.length === 0 ? <p className="dim">This scenario defines no metrics.</p> : (
          <table className="grid">
            <thead><tr><th>Metric</th><th>Reached</th><th>Target</th></tr></thead>
            <tbody>
              {debrief.metrics.map((m) => (
                <tr key={m.name}><td>{m.name}</td><td>{m.at_s === null ? 'not met' : formatSeconds(m.at_s)}</td><td>{formatSeconds(m.target_s)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel wide" aria-label="Decisions">
        <h2>Decisions</h2>
        <DecisionsTable debrief={debrief} roleTitle={roleTitle} />
      </section>
      <section className="panel wide" aria-label="Corrective actions from earlier runs">
        <h2>Corrective actions from earlier runs</h2>
        <CarriedActions sessionId={sessionId} canValidate={debrief.session.started_at !== null} readOnly={readOnly} />
      </section>
      <section className="panel wide" aria-label="Improvement plan">
        <h2>Improvement plan</h2>
        <PlanEditor sessionId={sessionId} debrief={debrief} readOnly={readOnly}
          onSave={async (items) => answer(await bridge.request('debrief.savePlan', { sessionId, items }), 'Improvement plan saved.')} />
      </section>
      <section className="panel wide" aria-label="Hotwash">
        <h2>Hotwash</h2>
        <HotwashForm sessionId={sessionId} debrief={debrief} readOnly={readOnly}
          onSave={async (answers) => answer(await bridge.request('debrief.saveHotwash', { sessionId, answers }), 'Hotwash answers saved.')} />
      </section>
      <section className="panel wide" aria-label="Participant feedback">
        <h2>Participant feedback</h2>
        <FeedbackSummary feedback={debrief.feedback} onRefresh={readOnly ? undefined : () => void reload()} />
      </section>
      <section className="panel wide" aria-label="Replay">
        <h2>Replay</h2>
        <Load value={detail} what="the roles">{(d) => <Replay sessionId={sessionId} timeline={debrief.timeline} roles={d.roles} />}</Load>
      </section>
      <section className="panel wide" aria-label="Export">
        <h2>Export</h2>
        <ExportPanel sessionId={sessionId} />
      </section>
    </div>
  );
}

/** Each person once, with every role they hold: "Ines (Incident Commander, Scribe)" (issue 14, item 18). */
function peopleLine(participants: readonly { name: string; role_title: string }[]): string {
  const roles = new Map<string, string[]>();
  for (const p of participants) roles.set(p.name, [...(roles.get(p.name) ?? []), p.role_title]);
  return [...roles].map(([name, titles]) => `${name} (${titles.join(', ')})`).join(', ');
}

export function DebriefView({ sessionId }: { sessionId: string }) {
  const bridge = useBridge();
  const [debrief, setDebrief] = useState<Loadable<Debrief>>({ status: 'loading' });
  const reload = useCallback(async () => {
    const r = await bridge.request('debrief.get', { sessionId });
    setDebrief(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
  }, [bridge, sessionId]);
  useEffect(() => { void reload(); }, [reload]);
  return <Load value={debrief} what="the debrief" onRetry={() => void reload()}>{(d) => <DebriefBody sessionId={sessionId} debrief={d} reload={reload} />}</Load>;
}
