// The room screen, for a projector: a large clock, the story time, the injects addressed to
// everyone (newest first), and which roles owe a decision. It shows only the room projection:
// nothing private, no scores.
import type { RoomView as RoomProjection } from '../../../core/engine/projections.ts';
import { ArrivalAnnouncer } from '../../components/ArrivalAnnouncer.tsx';
import { InjectCard, channelLabel } from '../../components/InjectCard.tsx';
import { formatClock } from '../../components/format.ts';
import { Load } from '../../components/states.tsx';
import { STATUS_LABEL } from '../../components/use-clock.ts';
import { ExerciseClock } from '../../components/ExerciseClock.tsx';
import { Markdown } from '../../markdown/Markdown.tsx';
import { useLive } from '../../store/use-live.ts';

/** Earlier injects listed, one line each, under the newest one. */
const EARLIER = 4;

function Room({ view }: { view: RoomProjection }) {
  // The newest inject in full, the ones before it one line each in fixed rows: an arrival replaces
  // content in place instead of pushing the screen around.
  const latest = view.injects[view.injects.length - 1] ?? null;
  const earlier = view.injects.slice(-1 - EARLIER, -1).reverse();
  return (
    <div className="room">
      <header>
        <h1 className="sr-only">Room screen: {view.scenario.title}</h1>
        <div>
          <ExerciseClock clock={view.clock} />
          <div className="dim">{STATUS_LABEL[view.clock.status]} · {view.scenario.title}</div>
        </div>
        <div className="story">{view.storyTime ? <><span className="sr-only">Story time: </span>{view.storyTime}</> : null}</div>
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
      <footer className="pending-strip" aria-label="Decisions pending" aria-live="polite">
        {view.pending.length === 0 ? <span className="dim">No decision pending.</span> : view.pending.map((p) => (
          <span key={p.role} className="badge warn">Decision pending from {p.title}{p.count > 1 ? ` (${p.count})` : ''}</span>
        ))}
      </footer>
    </div>
  );
}

export function RoomView({ sessionId }: { sessionId: string }) {
  const live = useLive(sessionId, 'room');
  return <Load value={live} what="the room screen">{(view) => <Room view={view} />}</Load>;
}
