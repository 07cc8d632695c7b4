// The room screen, for a projector, read from the back of the room: a large clock, the story time,
// a banner when the exercise is paused or over, how long until the next scheduled inject, who still
// owes a decision (roles only), and the injects addressed to everyone (newest first). It shows only
// the room projection: nothing private, no scores. While people may join, the join card takes a
// column of its own (slot `room-join`), so that it covers nothing.
import type { ClockView, RoomView as RoomProjection } from '../../../core/engine/projections.ts';
import { ArrivalAnnouncer } from '../../components/ArrivalAnnouncer.tsx';
import { InjectCard, channelLabel } from '../../components/InjectCard.tsx';
import { formatClock } from '../../components/format.ts';
import { useSlotRef } from '../../components/slots.ts';
import { Load } from '../../components/states.tsx';
import { useClockStatus, useExerciseMs } from '../../components/use-clock.ts';
import { ExerciseClock } from '../../components/ExerciseClock.tsx';
import { Markdown } from '../../markdown/Markdown.tsx';
import { useLive } from '../../store/use-live.ts';

/** Earlier injects listed, one line each, under the newest one. */
const EARLIER = 4;

/** The banner says PAUSED; the line under it why, in a sentence. */
const ROOM_PAUSED_WHY: Record<NonNullable<ClockView['pausedFor']>, string> = {
  facilitator: 'The facilitator paused the exercise.',
  suspend: 'The facilitator\'s computer went to sleep.',
  'clock-jump': 'The facilitator\'s clock jumped.',
  recovered: 'The facilitator\'s computer restarted.',
  host: 'The facilitator\'s computer paused the exercise.',
};

function Banner({ clock, feedback }: { clock: ClockView; feedback?: RoomProjection['feedback'] }) {
  if (clock.status === 'paused') {
    return (
      <div className="room-banner paused" role="status">
        <strong>PAUSED</strong>
        {clock.pausedFor ? <span>{ROOM_PAUSED_WHY[clock.pausedFor]}</span> : null}
      </div>
    );
  }
  if (clock.status === 'ended') {
    return (
      <div className="room-banner ended" role="status">
        <strong>ENDED</strong><span>The exercise is over. Thank you.</span>
        {feedback ? (
          <span data-testid="feedback-count">
            Please fill in the feedback form on your seat. {feedback.given} of {feedback.of} {feedback.of === 1 ? 'role has' : 'roles have'} given feedback.
          </span>
        ) : null}
      </div>
    );
  }
  return null;
}

/** Time to the next scheduled inject, ticking once a second; nothing once none is left. */
function NextInject({ view }: { view: RoomProjection }) {
  const nowMs = useExerciseMs(view.clock, 1000);
  if (view.clock.status === 'ended' || view.nextInjectAt === null) return null;
  return <div className="next-inject" data-testid="next-inject">Next inject in <strong className="nowrap">{formatClock(Math.max(0, view.nextInjectAt - nowMs))}</strong></div>;
}

/** Which roles owe a decision, and for how long: role titles and counts only. */
function PendingStrip({ view }: { view: RoomProjection }) {
  const nowMs = useExerciseMs(view.clock, 1000);
  return (
    <footer className="pending-strip" aria-label="Decisions pending" aria-live="polite">
      {view.pending.length === 0 ? <span className="dim">No decision pending.</span> : (
        <>
          <span className="dim">Waiting for a decision from</span>
          {view.pending.map((p) => (
            <span key={p.role} className="badge warn" data-testid="pending-badge">
              {p.title}{p.count > 1 ? ` (${p.count})` : ''} <span className="since">{formatClock(Math.max(0, nowMs - p.since))}</span>
            </span>
          ))}
        </>
      )}
    </footer>
  );
}

function Room({ view }: { view: RoomProjection }) {
  const joinSlot = useSlotRef('room-join');
  const status = useClockStatus(view.clock);
  // The newest inject in full, the ones before it one line each in fixed rows: an arrival replaces
  // content in place instead of pushing the screen around.
  const latest = view.injects[view.injects.length - 1] ?? null;
  const earlier = view.injects.slice(-1 - EARLIER, -1).reverse();
  return (
    <div className={`room status-${view.clock.status}`}>
      <div className="room-main">
        <header>
          <h1 className="sr-only">Room screen: {view.scenario.title}</h1>
          <div>
            <ExerciseClock clock={view.clock} />
            <div className="dim">{status} · {view.scenario.title}</div>
          </div>
          <Banner clock={view.clock} feedback={view.feedback} />
          <div className="room-side">
            <div className="story">{view.storyTime ? <><span className="sr-only">Story time: </span>{view.storyTime}</> : null}</div>
            <NextInject view={view} />
          </div>
        </header>
        <ArrivalAnnouncer injects={view.injects} />
        <section className="injects" aria-label="Injects for everyone">
          {latest === null ? (
            <div className="panel room-summary">
              <h2>{view.scenario.title}</h2>
              <Markdown source={view.scenario.summary} />
              {view.clock.status !== 'setup' ? <p className="dim">Nothing has been sent to the whole room yet.</p> : null}
            </div>
          ) : (
            <>
              <div className="latest"><InjectCard key={latest.id} inject={latest} headingLevel={2} /></div>
              <ol className="earlier" aria-label="Earlier injects">
                {earlier.map((i) => (
                  <li key={i.id}><span className="dim">{formatClock(i.deliveredAt)} {channelLabel(i.channel)}</span> <span className="user-text">{i.title}</span></li>
                ))}
              </ol>
            </>
          )}
        </section>
        <PendingStrip view={view} />
      </div>
      <div className="room-join" ref={joinSlot} />
    </div>
  );
}

export function RoomView({ sessionId }: { sessionId: string }) {
  const live = useLive(sessionId, 'room');
  return <Load value={live} what="the room screen">{(view) => <Room view={view} />}</Load>;
}
