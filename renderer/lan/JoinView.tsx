// A participant's first screen: the six-digit code from the room screen, a name, a seat. A locked
// lobby is refused at the code. Each seat shows which device holds it; a held seat is asked of the
// facilitator, who gives it (the holding device leaves) or keeps it where it is.
import { useEffect, useRef, useState } from 'react';
import { askForSeat, join, joinCodeFromUrl, lookUpLobby, seatAnswer, type Seat, type StoredSeat } from './lan-mode.ts';

/** How often a device waiting for a seat asks whether the facilitator has answered. */
const ANSWER_POLL_MS = 2000;
import { LIMITS } from '../../core/protocol/fields.ts';

export function JoinView({ notice, onJoined }: { notice: string | null; onJoined: (seat: StoredSeat) => void }) {
  const [code, setCode] = useState(joinCodeFromUrl);
  const [name, setName] = useState('');
  const [seats, setSeats] = useState<Seat[] | null>(null);
  const [title, setTitle] = useState('');
  const [seat, setSeat] = useState<Seat['audience'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The seat request waiting for the facilitator, if any. */
  const [waiting, setWaiting] = useState<{ requestId: string; title: string } | null>(null);
  const joined = useRef(onJoined);
  joined.current = onJoined;

  useEffect(() => {
    if (!waiting) return;
    let alive = true;
    const timer = setInterval(() => {
      void seatAnswer(waiting.requestId).then((result) => {
        if (!alive) return;
        if (!result.ok) {
          setWaiting(null);
          setError(result.message);
        } else if ('token' in result.value) {
          setWaiting(null);
          joined.current(result.value);
        }
      });
    }, ANSWER_POLL_MS);
    return () => { alive = false; clearInterval(timer); };
  }, [waiting]);

  async function findLobby() {
    setBusy(true);
    setError(null);
    const result = await lookUpLobby(code.trim());
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSeats(result.value.seats);
    setTitle(result.value.sessionTitle);
  }

  const chosen = seats?.find((s) => s.audience === seat) ?? null;
  const chosenHeld = chosen !== null && chosen.audience !== 'room' && chosen.heldBy.length > 0;

  async function take() {
    setBusy(true);
    setError(null);
    if (chosen && chosenHeld) {
      const asked = await askForSeat(code.trim(), name.trim(), chosen.audience);
      setBusy(false);
      if (!asked.ok) return setError(asked.message);
      if ('token' in asked.value) return onJoined(asked.value);
      return setWaiting({ requestId: asked.value.requestId, title: chosen.title });
    }
    const result = await join(code.trim(), name.trim(), seat);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onJoined(result.value);
  }

  return (
    <main className="main join" id="main">
      <div className="panel stack join-panel" style={{ maxWidth: '34rem', margin: '2rem auto' }}>
        <h1>Join the exercise</h1>
        {notice ? <div className="error-box" role="alert"><p className="user-text">{notice}</p></div> : null}
        {waiting ? (
          <p role="status" data-testid="seat-waiting">
            Waiting for the facilitator to give you <span className="user-text">{waiting.title}</span>…
          </p>
        ) : seats === null ? (
          <form className="stack" onSubmit={(e) => { e.preventDefault(); void findLobby(); }}>
            <label className="stack">
              <span>Join code (six digits on the room screen)</span>
              <input name="code" inputMode="numeric" autoComplete="off" pattern="\d{6}" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} autoFocus />
            </label>
            <button type="submit" className="primary" disabled={busy || code.length !== 6}>Continue</button>
          </form>
        ) : (
          <form className="stack" onSubmit={(e) => { e.preventDefault(); void take(); }}>
            <p className="dim user-text">{title}</p>
            <label className="stack">
              <span>Your name</span>
              <input name="name" maxLength={LIMITS.name} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            </label>
            <fieldset className="stack">
              <legend>Your seat</legend>
              <label><input type="radio" name="seat" checked={seat === null} onChange={() => setSeat(null)} /> Give me my seat (from the facilitator's plan)</label>
              {seats.map((s) => {
                const held = s.audience !== 'room' && s.heldBy.length > 0;
                return (
                  <label key={s.audience}>
                    <input type="radio" name="seat" value={s.audience} checked={seat === s.audience} onChange={() => setSeat(s.audience)} />{' '}
                    <span className="user-text">{s.title}{s.people.length ? ` (${s.people.join(', ')})` : ''}</span>
                    {held ? <> <span className="badge" data-testid="seat-held">Held by <span className="user-text">{s.heldBy.join(', ')}</span>'s device</span></> : null}
                  </label>
                );
              })}
            </fieldset>
            <button type="submit" className="primary" disabled={busy || !name.trim()}>{chosenHeld ? 'Ask the facilitator for this seat' : 'Join'}</button>
          </form>
        )}
        {error ? <div className="error-box" role="alert"><p className="user-text">{error}</p></div> : null}
      </div>
    </main>
  );
}
