// The room screen, for a projector: a large clock, the story time, the injects addressed to
// everyone (newest first), and which roles owe a decision. It shows only the room projection:
// nothing private, no scores.
import type { RoomView as RoomProjection } from '../../../core/engine/projections.ts';
import { formatClock } from '../../components/format.ts';
import { InjectCard } from '../../components/InjectCard.tsx';
import { Load } from '../../components/states.tsx';
import { STATUS_LABEL, useExerciseMs } from '../../components/use-clock.ts';
import { Markdown } from '../../markdown/Markdown.tsx';
import { useLive } from '../../store/use-live.ts';

/** How many injects fit on a projector at once; older ones scroll off. */
const ROOM_INJECTS = 3;

function Room({ view }: { view: RoomProjection }) {
  const nowMs = useExerciseMs(view.clock);
  const recent = view.injects.slice(-ROOM_INJECTS).reverse();
  return (
    <div className="room">
      <header>
        <div>
          <div className="clock" role="timer" aria-label="Exercise time">{formatClock(nowMs)}</div>
          <div className="dim">{STATUS_LABEL[view.clock.status]} · {view.scenario.title}</div>
        </div>
        <div className="story" aria-label="Story time">{view.storyTime ?? ''}</div>
      </header>
      <section className="injects" aria-label="Injects for everyone" aria-live="polite">
        {recent.length === 0 ? (
          <div className="panel room-summary">
            <h2>{view.scenario.title}</h2>
            <Markdown source={view.scenario.summary} />
            {view.clock.status !== 'setup' ? <p className="dim">Nothing has been sent to the whole room yet.</p> : null}
          </div>
        ) : recent.map((inject) => <InjectCard key={inject.id} inject={inject} headingLevel={2} />)}
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
