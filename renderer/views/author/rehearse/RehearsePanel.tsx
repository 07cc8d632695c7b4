// "Rehearse" (issue 17): the scenario being written, run on virtual time by the real core in memory
// (core/author/rehearsal.ts), with the facilitator's live scores and decisions beside every role's
// seat. The seats are the app's own (RoleSeat) on the rehearsal's own bridge and store, so answering
// here is answering in a session. Nothing is stored; "Save as play" downloads what was done as a play
// script, and "Run a play" dry-runs one of the scenario's plays and shows its debrief summary.
import { useEffect, useMemo, useRef, useState } from 'react';
import { downloadText } from '../../../components/download.ts';
import { Rehearsal, playIsFor, runPlay } from '../../../../core/author/rehearsal.ts';
import type { Command } from '../../../../core/engine/commands.ts';
import type { FacilitatorView, RoleView } from '../../../../core/engine/projections.ts';
import type { Debrief } from '../../../../core/scoring/debrief-types.ts';
import { ServicesProvider } from '../../../bridge/context.tsx';
import { formatClock, formatPercent } from '../../../components/format.ts';
import { createAppStore } from '../../../store/store.ts';
import { DecisionFeed } from '../../console/DecisionFeed.tsx';
import { LiveScores } from '../../console/LiveScores.tsx';
import { TextAnswersToGrade } from '../../console/PendingPrompts.tsx';
import { RoleSeat } from '../../seat/RoleSeat.tsx';

export interface PlayFile {
  fileName: string;
  text: string;
}

export const SPEEDS = [1, 10, 30, 60, 120] as const;
const TICK_MS = 250;

// The views are made on virtual time: between two renders the clock does not run on by the wall
// clock (a speed of 0 keeps the seat's clock where the rehearsal put it).
function still<V extends FacilitatorView | RoleView>(view: V): V {
  return { ...view, clock: { ...view.clock, speed: 0 } };
}


export function DebriefSummary({ debrief, rejected, label }: { debrief: Debrief; rejected?: readonly { event: string; reason: string }[]; label: string }) {
  return (
    <section className="panel stack" aria-label={label}>
      <h3>{label}</h3>
      <p>
        <strong data-testid="debrief-percent">{formatPercent(debrief.score.percent)}</strong>
        {' '}({debrief.score.points} of {debrief.score.possible} points){debrief.score.rating ? `, rated ${debrief.score.rating}` : ''}
        {' '}· {formatClock(debrief.session.duration_s * 1000)}
      </p>
      <ul>
        {debrief.objectives.map((o) => <li key={o.id}>{o.title}: {formatPercent(o.percent)}{o.rating ? ` (${o.rating})` : ''}</li>)}
      </ul>
      <p className="dim">Runbook: {debrief.steps.filter((s) => s.met_at_s !== null).length} of {debrief.steps.length} steps met.</p>
      {rejected && rejected.length ? (
        <details>
          <summary>{rejected.length} event{rejected.length === 1 ? '' : 's'} of the play rejected</summary>
          <ul>{rejected.map((r, n) => <li key={n}>{r.event}: {r.reason}</li>)}</ul>
        </details>
      ) : null}
    </section>
  );
}

function PlayRunner({ rehearsal, plays, playsNote }: { rehearsal: Rehearsal; plays: readonly PlayFile[]; playsNote: string | undefined }) {
  const mine = plays.filter((p) => playIsFor(rehearsal.scenario.id, p.text));
  const [result, setResult] = useState<{ fileName: string; debrief: Debrief; rejected: { event: string; reason: string }[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (play: PlayFile) => {
    try {
      const r = runPlay(rehearsal.scenario, play.text, play.fileName);
      setResult({ fileName: play.fileName, debrief: r.debrief, rejected: r.rejected });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setResult(null);
    }
  };
  return (
    <section className="panel stack" aria-labelledby="plays-heading">
      <h2 id="plays-heading">Run a play</h2>
      {playsNote ? <p className="dim" role="status">{playsNote}</p> : mine.length === 0 ? (
        <p className="dim">No play is written for the scenario id <code className="user-text">{rehearsal.scenario.id}</code> (a play names the scenario it is for). Save a rehearsal as a play, or open a play file.</p>
      ) : (
        <div className="row">
          {mine.map((p) => <button key={p.fileName} type="button" className="small" onClick={() => run(p)}>{p.fileName}</button>)}
        </div>
      )}
      <label>
        Open a play file{' '}
        <input type="file" accept=".yaml,.yml" onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void file.text().then((text) => run({ fileName: file.name, text }));
        }} />
      </label>
      {error ? <p role="alert" style={{ whiteSpace: 'pre-wrap' }}>{error}</p> : null}
      {result ? <DebriefSummary debrief={result.debrief} rejected={result.rejected} label={`Debrief of ${result.fileName}`} /> : null}
    </section>
  );
}

/** The facilitator's inject list, trimmed for a rehearsal: each inject's state, and "deliver now" or "skip" for those still to come. */
function RehearsalInjects({ view, send }: { view: FacilitatorView; send: (command: Command) => Promise<unknown> }) {
  const open = view.clock.status === 'running' || view.clock.status === 'paused';
  return (
    <section aria-labelledby="rehearsal-injects-heading" className="stack">
      <h3 id="rehearsal-injects-heading">Injects</h3>
      <ul aria-label="Injects of the rehearsal" style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: '16rem', overflowY: 'auto' }}>
        {view.injects.map((i) => (
          <li key={i.id} data-inject={i.id} className="row" style={{ justifyContent: 'space-between' }}>
            <span>
              <strong>{i.deliveredAt !== null ? formatClock(i.deliveredAt) : i.dueAt !== null ? formatClock(i.dueAt) : 'on cue'}</strong>{' '}
              <span className="user-text">{i.title}</span> <span className="dim">({i.status})</span>
            </span>
            {open && (i.status === 'pending' || i.status === 'held') ? (
              <span className="row">
                <button type="button" className="small" aria-label={`Deliver now: ${i.title}`} onClick={() => void send({ type: 'inject.deliver', inject: i.id })}>Deliver now</button>
                <button type="button" className="small" aria-label={`Skip: ${i.title}`} onClick={() => void send({ type: 'inject.skip', inject: i.id })}>Skip</button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Rehearsing({ rehearsal, plays, playsNote, onRestart }: { rehearsal: Rehearsal; plays: readonly PlayFile[]; playsNote: string | undefined; onRestart: () => void }) {
  const store = useMemo(() => createAppStore(rehearsal.bridge), [rehearsal]);
  const [, setTick] = useState(0);
  const [speed, setSpeed] = useState<number>(60);
  const [running, setRunning] = useState(false);
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  const [error, setError] = useState<string | null>(null);
  const carry = useRef(0);
  useEffect(() => rehearsal.onChange(() => setTick((t) => t + 1)), [rehearsal]);
  const ended = rehearsal.status === 'ended';

  // Run at speed: the renderer's timer moves virtual time by whole seconds (the rehearsal's step).
  useEffect(() => {
    if (!running || ended) return;
    const id = setInterval(() => {
      carry.current += TICK_MS * speed;
      const whole = Math.floor(carry.current / 1000) * 1000;
      if (whole > 0) {
        carry.current -= whole;
        rehearsal.advanceBy(whole);
      }
    }, TICK_MS);
    return () => clearInterval(id);
  }, [running, ended, speed, rehearsal]);

  useEffect(() => {
    if (!ended || debrief) return;
    setRunning(false);
    let alive = true;
    rehearsal.debrief().then((d) => { if (alive) setDebrief(d); }, (e: unknown) => { if (alive) setError(e instanceof Error ? e.message : String(e)); });
    return () => { alive = false; };
  }, [ended, debrief, rehearsal]);

  const facilitator = still(rehearsal.view('facilitator'));
  const roleTitle = (id: string) => rehearsal.scenario.roles.find((r) => r.id === id)?.title ?? id;
  const next = rehearsal.nextDueMs();

  return (
    <ServicesProvider bridge={rehearsal.bridge} store={store}>
      <div className="stack" data-testid="rehearse-panel">
        <section className="panel row" aria-label="Rehearsal controls" style={{ flexWrap: 'wrap', gap: '0.5rem' }}>
          <strong role="timer" aria-label="Exercise time">{formatClock(rehearsal.exerciseMs())}</strong>
          <span className="dim">of {formatClock(rehearsal.durationMs)} · {ended ? 'ended' : rehearsal.status}{next !== null && !ended ? ` · next inject at ${formatClock(next)}` : ''}</span>
          <button type="button" disabled={ended} onClick={() => rehearsal.stepToNext()}>Next inject</button>
          <button type="button" disabled={ended} onClick={() => rehearsal.advanceBy(60_000)}>+1 min</button>
          <label>Speed{' '}
            <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
              {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
            </select>
          </label>
          <button type="button" disabled={ended} aria-pressed={running} onClick={() => setRunning((r) => !r)}>{running ? 'Stop' : 'Run'}</button>
          <button type="button" disabled={ended} onClick={() => { void rehearsal.end().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))); }}>End</button>
          <button type="button" onClick={() => downloadText(`${rehearsal.scenario.id}.rehearsal.yaml`, rehearsal.playYaml(), 'application/yaml')}>Save as play</button>
          <button type="button" onClick={onRestart}>Start again</button>
          <span className="dim">{rehearsal.events.length} recorded{rehearsal.leftOut.length ? `; left out of the play: ${[...new Set(rehearsal.leftOut)].join(', ')}` : ''}</span>
        </section>
        {error ? <p role="alert">{error}</p> : null}
        {debrief ? <DebriefSummary debrief={debrief} label="Debrief of this rehearsal" /> : null}
        <div className="row" style={{ alignItems: 'flex-start', gap: '1rem', overflowX: 'auto' }}>
          <section className="panel stack" aria-label="Facilitator" style={{ minWidth: '20rem', flex: '0 0 22rem' }}>
            <h2>Facilitator</h2>
            <section aria-label="Live score"><LiveScores view={facilitator} nowMs={rehearsal.exerciseMs()} /></section>
            <RehearsalInjects view={facilitator} send={(command) => rehearsal.dispatch('facilitator', command)} />
            <section aria-label="Text answers to grade" className="stack">
              <h3>Grade text answers</h3>
              <TextAnswersToGrade view={facilitator} roleTitle={roleTitle} oneKey={null}
                send={(command) => rehearsal.dispatch('facilitator', command)} />
            </section>
            <section aria-label="Decisions" className="stack">
              <h3>Decisions</h3>
              <DecisionFeed view={facilitator} roleTitle={roleTitle} />
            </section>
          </section>
          {rehearsal.scenario.roles.map((role) => (
            <section key={role.id} aria-label={`Seat: ${role.title}`} style={{ minWidth: '24rem', flex: '1 0 24rem' }}>
              <RoleSeat sessionId={rehearsal.sessionId} view={still(rehearsal.view(`role:${role.id}`))} />
            </section>
          ))}
        </div>
        <PlayRunner rehearsal={rehearsal} plays={plays} playsNote={playsNote} />
      </div>
    </ServicesProvider>
  );
}

/**
 * The Rehearse tab: mounted by the Author view with the current scenario text and the plays it knows
 * (the shipped ones written for its id); `playsNote` stands in for the list while it is not known.
 */
export function RehearsePanel({ text, fileName = 'scenario.yaml', plays = [], playsNote }: { text: string; fileName?: string; plays?: readonly PlayFile[]; playsNote?: string }) {
  const [state, setState] = useState<{ rehearsal: Rehearsal } | { error: string } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let alive = true;
    let opened: Rehearsal | null = null;
    setState(null);
    Rehearsal.start(text, fileName).then(
      (r) => { opened = r; if (alive) setState({ rehearsal: r }); else r.close(); },
      (e: unknown) => { if (alive) setState({ error: e instanceof Error ? e.message : String(e) }); },
    );
    return () => { alive = false; opened?.close(); };
  }, [text, fileName, round]);
  if (state === null) return <p className="dim" role="status">Starting the rehearsal…</p>;
  if ('error' in state) return <p role="alert" style={{ whiteSpace: 'pre-wrap' }}>{state.error}</p>;
  return <Rehearsing key={round} rehearsal={state.rehearsal} plays={plays} playsNote={playsNote} onRestart={() => setRound((n) => n + 1)} />;
}
