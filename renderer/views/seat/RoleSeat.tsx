// What one role sees: its brief, its inbox by channel, its prompts and actions, the room chat.
import { useState } from 'react';
import type { RoleView } from '../../../core/engine/projections.ts';
import type { Channel } from '../../../core/scenario/types.ts';
import { ArrivalAnnouncer } from '../../components/ArrivalAnnouncer.tsx';
import { InjectCard, channelLabel } from '../../components/InjectCard.tsx';
import { MeasuredList } from '../../components/MeasuredList.tsx';
import { formatClock } from '../../components/format.ts';
import { Empty } from '../../components/states.tsx';
import { PAUSED_WHY, useClockStatus, useExerciseMs } from '../../components/use-clock.ts';
import { Markdown } from '../../markdown/Markdown.tsx';
import { useApp } from '../../store/use-app.ts';
import { PromptForm } from './PromptForm.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';
import { LIMITS } from '../../../core/protocol/fields.ts';

export function RoleSeat({ sessionId, view, onHide }: { sessionId: string; view: RoleView; onHide?: () => void }) {
  const dispatch = useApp((s) => s.dispatch);
  const nowMs = useExerciseMs(view.clock, 1000);
  const status = useClockStatus(view.clock);
  const [channel, setChannel] = useState<Channel | 'all'>('all');
  const [chat, setChat] = useState('');
  const actor = `role:${view.role.id}` as const;
  const channels = [...new Set(view.injects.map((i) => i.channel))];
  const inbox = view.injects.filter((i) => channel === 'all' || i.channel === channel).slice().reverse();
  const open = view.clock.status === 'running';
  const pendingFirst = [...view.prompts].sort((a, b) => Number(a.answer !== null) - Number(b.answer !== null));

  return (
    <div className="seat">
      <ArrivalAnnouncer injects={view.injects} />
      <div className="col">
        <section className="panel row" aria-label="Seat" style={{ justifyContent: 'space-between' }}>
          <div>
            <h1>{view.role.title}</h1>
            <div className="dim">{view.scenario.title} · <span data-testid="seat-status">{status}</span> · <span role="timer">{formatClock(nowMs)}</span>{view.storyTime ? ` · ${view.storyTime}` : ''}</div>
          </div>
          {onHide ? <button type="button" onClick={onHide}>Hide my screen</button> : null}
        </section>
        {view.role.brief ? (
          <details className="panel">
            <summary>Your brief</summary>
            <Markdown source={view.role.brief} />
          </details>
        ) : null}
        <section className="panel stack inbox" aria-labelledby="inbox-heading">
          <h2 id="inbox-heading">Inbox</h2>
          <div className="row" role="group" aria-label="Show channel">
            <button type="button" className="small" aria-pressed={channel === 'all'} onClick={() => setChannel('all')}>All ({view.injects.length})</button>
            {channels.map((c) => (
              <button key={c} type="button" className="small" aria-pressed={channel === c} onClick={() => setChannel(c)}>
                {channelLabel(c)} ({view.injects.filter((i) => i.channel === c).length})
              </button>
            ))}
          </div>
          {inbox.length === 0 ? <Empty>{view.clock.status === 'setup' ? 'The exercise has not started yet.' : 'Nothing for you yet.'}</Empty> : (
            // A new list per channel: its own scroll position, and nothing counted as new.
            <MeasuredList key={channel} items={inbox} getKey={(i) => i.id} estimate={180} label="Injects, newest first"
              newLabel={(n) => (n === 1 ? '1 new inject' : `${n} new injects`)}
              renderItem={(i) => <InjectCard inject={i} />} />
          )}
        </section>
      </div>
      <div className="col">
        {view.clock.status === 'ended' && view.feedback ? (
          <FeedbackForm key={view.role.id} view={view}
            onSend={async (form) => (await dispatch(sessionId, actor, { type: 'feedback.submit', ...form })).ok} />
        ) : null}
        <section className="panel stack" aria-label="Your decisions">
          <h2>Decisions</h2>
          {!open && view.clock.status !== 'setup' ? (
            <p className="dim" role="status">
              {view.clock.status === 'paused' && view.clock.pausedFor ? `${PAUSED_WHY[view.clock.pausedFor]}. Your answers so far are saved; answering opens again when the facilitator resumes.` : view.clock.status === 'ended' ? 'The session has ended; your answers are saved.' : `The session is ${view.clock.status}; answers open again when it runs.`}
            </p>
          ) : null}
          {pendingFirst.length === 0 ? <Empty>No question for you yet.</Empty> : pendingFirst.map((p) => (
            <PromptForm key={p.id} prompt={p} disabled={!open} nowMs={nowMs}
              onAnswer={async (answer) => (await dispatch(sessionId, actor, { type: 'prompt.answer', prompt: p.id, answer })).ok} />
          ))}
        </section>
        {view.actions.length ? (
          <section className="panel stack" aria-label="Actions">
            <h2>Actions</h2>
            <div className="row">
              {view.actions.map((a) => (
                <button key={a.id} type="button" disabled={!open} title={a.description ?? a.title}
                  onClick={() => void dispatch(sessionId, actor, { type: 'action.take', action: a.id })}>
                  {a.title}{a.takenAt.length ? ` ✓ ${formatClock(a.takenAt[a.takenAt.length - 1]!)}` : ''}
                </button>
              ))}
            </div>
          </section>
        ) : null}
        <section className="panel stack" aria-label="Room chat">
          <h2>Room chat</h2>
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: '14rem', overflow: 'auto' }}>
            {view.chat.length === 0 ? <li className="dim">No messages.</li> : view.chat.map((m) => (
              <li key={m.seq}><span className="dim">{formatClock(m.at)} {m.from}:</span> <span className="user-text">{m.text}</span></li>
            ))}
          </ul>
          <form className="row" onSubmit={async (e) => {
            e.preventDefault();
            if (!chat.trim()) return;
            if ((await dispatch(sessionId, actor, { type: 'chat.post', text: chat.trim() })).ok) setChat('');
          }}>
            <input aria-label="Message to the room" value={chat} onChange={(e) => setChat(e.target.value)} maxLength={LIMITS.chat} style={{ flex: 1 }} disabled={view.clock.status === 'ended'} />
            <button type="submit" className="small" disabled={!chat.trim() || view.clock.status === 'ended'}>Send</button>
          </form>
        </section>
      </div>
    </div>
  );
}
