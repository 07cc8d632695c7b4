// The top bar of a screen locked to the seats: no navigation, only the facilitator's way out,
// which asks for the PIN (or, without one, for a deliberate confirmation).
import { useState } from 'react';
import { href, navigate, useRoute } from './navigation.ts';
import { unlockSeats, type HotSeatLock } from './hot-seat-lock.ts';

function UnlockDialog({ lock, onClose }: { lock: HotSeatLock; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby="unlock-title" className="dialog stack"
        onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}
        onSubmit={(e) => {
          e.preventDefault();
          if (unlockSeats(pin)) navigate({ view: 'console', sessionId: lock.sessionId });
          else { setWrong(true); setPin(''); }
        }}>
        <h2 id="unlock-title">Unlock the facilitator's views?</h2>
        <p>For the facilitator only: the console shows the expected answers and the notes. Participants, please hand the screen back.</p>
        {lock.pin !== null ? (
          <label className="stack">
            <span>Unlock PIN</span>
            <input type="password" inputMode="numeric" autoComplete="off" aria-invalid={wrong} value={pin} autoFocus onChange={(e) => { setPin(e.target.value); setWrong(false); }} />
          </label>
        ) : <p className="dim">No PIN was set for this screen.</p>}
        {wrong ? <div className="error-box" role="alert">That is not the PIN. The screen stays locked.</div> : null}
        <div className="row">
          <button type="submit" className="danger" autoFocus={lock.pin === null} disabled={lock.pin !== null && !pin}>Unlock and open the console</button>
          <button type="button" onClick={onClose}>Keep it locked</button>
        </div>
      </form>
    </div>
  );
}

export function LockedBar({ lock }: { lock: HotSeatLock }) {
  const [asking, setAsking] = useState(false);
  const route = useRoute();
  return (
    <header className="topbar">
      <span className="brand">Drillbook</span>
      <span className="dim">Shared screen: seats only</span>
      <nav aria-label="Shared screen">
        <a href={href({ view: 'seat', sessionId: lock.sessionId, role: null })} aria-current={route.view === 'seat' ? 'page' : undefined}>Seats</a>
        <a href={href({ view: 'room', sessionId: lock.sessionId })} aria-current={route.view === 'room' ? 'page' : undefined}>Room screen</a>
      </nav>
      <span className="spacer" />
      <button type="button" className="small" onClick={() => setAsking(true)}>Facilitator: unlock</button>
      {asking ? <UnlockDialog lock={lock} onClose={() => setAsking(false)} /> : null}
    </header>
  );
}
