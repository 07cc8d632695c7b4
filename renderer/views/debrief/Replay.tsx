// Timeline replay: scrub through the event log and see what the room screen and one role saw just
// after that event (the host folds the events up to that seq and projects them).
import { useEffect, useState } from 'react';
import type { RoomView } from '../../../core/engine/projections.ts';
import type { DebriefTimelineEntry } from '../../../core/scoring/debrief-types.ts';
import { projectionFor, type Audience, type ProjectionFor } from '../../../core/protocol/bridge.ts';
import { useBridge } from '../../bridge/context.tsx';
import { formatClock, formatSeconds } from '../../components/format.ts';
import { channelLabel } from '../../components/InjectCard.tsx';
import { Empty } from '../../components/states.tsx';

function useReplay<A extends Audience>(sessionId: string, audience: A, seq: number): ProjectionFor<A> | null {
  const bridge = useBridge();
  const [view, setView] = useState<ProjectionFor<A> | null>(null);
  useEffect(() => {
    let alive = true;
    void bridge.request('live.replay', { sessionId, audience, seq }).then((r) => { if (alive) setView(r.ok ? projectionFor(audience, r.value) : null); });
    return () => { alive = false; };
  }, [bridge, sessionId, audience, seq]);
  return view;
}

function InjectList({ injects }: { injects: RoomView['injects'] }) {
  if (injects.length === 0) return <p className="dim">Nothing yet.</p>;
  return (
    <ul>
      {injects.slice(-8).map((i) => <li key={i.id}><span className="dim">{formatClock(i.deliveredAt)} {channelLabel(i.channel)}</span> <span className="user-text">{i.title}</span></li>)}
    </ul>
  );
}

export function Replay({ sessionId, timeline, roles }: { sessionId: string; timeline: DebriefTimelineEntry[]; roles: { id: string; title: string }[] }) {
  const maxSeq = timeline.length ? timeline[timeline.length - 1]!.seq : 0;
  const [seq, setSeq] = useState(maxSeq);
  const [role, setRole] = useState(roles[0]?.id ?? '');
  const room = useReplay(sessionId, 'room', seq);
  const seat = useReplay(sessionId, `role:${role}` as const, seq);
  const entry = [...timeline].reverse().find((e) => e.seq <= seq) ?? null;
  if (timeline.length === 0) return <Empty>Nothing happened in this session yet.</Empty>;
  return (
    <div className="stack">
      <label className="stack" style={{ alignItems: 'stretch' }}>
        <span>Event {seq} of {maxSeq}{entry ? <> — <span className="dim">{formatSeconds(entry.at_s)}</span> <span className="user-text">{entry.summary}</span></> : null}</span>
        <input className="scrubber" type="range" min={0} max={maxSeq} value={seq} onChange={(e) => setSeq(Number(e.target.value))} aria-label="Replay position (event number)" />
      </label>
      <div className="replay">
        <section className="panel" aria-label="Room screen at this moment">
          <h2>Room screen</h2>
          {room ? <>
            <div className="clock">{formatClock(room.clock.exerciseMs)}</div>
            <InjectList injects={room.injects} />
            <div className="dim">{room.pending.length ? `Pending: ${room.pending.map((p) => p.title).join(', ')}` : 'No decision pending.'}</div>
          </> : <p className="dim">…</p>}
        </section>
        <section className="panel" aria-label="Role at this moment">
          <h2>
            <select aria-label="Role to replay" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            </select>
          </h2>
          {seat ? <>
            <InjectList injects={seat.injects} />
            <ul>{seat.prompts.map((p) => <li key={p.id}><span className="user-text">{p.ask}</span>: {p.answer === null ? <em className="dim">no answer</em> : <span className="user-text">{(Array.isArray(p.answer) ? p.answer : [p.answer]).map((a) => p.options.find((o) => o.id === a)?.label ?? a).join(', ')}</span>}</li>)}</ul>
          </> : <p className="dim">…</p>}
        </section>
        <section className="panel" aria-label="Timeline near this moment">
          <h2>Timeline</h2>
          <ul>
            {timeline.filter((e) => e.seq <= seq).slice(-8).map((e) => <li key={e.seq}><span className="dim">{formatSeconds(e.at_s)}</span> <span className="user-text">{e.summary}</span></li>)}
          </ul>
        </section>
      </div>
    </div>
  );
}
