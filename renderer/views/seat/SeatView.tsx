// Role seats. On a shared screen the hot-seat switcher lets roles take turns: the current role's
// content is unmounted (not just hidden) and a cover shows before the next role's screen appears.
import { useEffect, useState } from 'react';
import { useDesktop } from '../../bridge/context.tsx';
import { Load } from '../../components/states.tsx';
import { useApp } from '../../store/use-app.ts';
import { useLive } from '../../store/use-live.ts';
import { navigate } from '../../app/navigation.ts';
import { useSessionDetail } from '../console/use-session-detail.ts';
import { RoleSeat } from './RoleSeat.tsx';
import { setUnlockPin, useHotSeatLock } from '../../app/hot-seat-lock.ts';

/** On the locked shared screen: the facilitator sets the PIN that unlocking will ask for. */
function UnlockPin() {
  const lock = useHotSeatLock();
  const [pin, setPin] = useState('');
  if (!lock) return null;
  if (lock.pin !== null) return <p className="dim">This screen stays on the seats until the facilitator unlocks it with the PIN.</p>;
  const valid = /^\d{4,8}$/.test(pin);
  return (
    <form className="panel stack" aria-label="Unlock PIN" style={{ maxWidth: '30rem' }} onSubmit={(e) => { e.preventDefault(); if (valid) setUnlockPin(pin); }}>
      <p>This screen now shows only the seats. <strong>Facilitator:</strong> set a PIN (4 to 8 digits) to unlock it later.</p>
      <div className="row" style={{ justifyContent: 'center' }}>
        <input type="password" inputMode="numeric" autoComplete="off" aria-label="New unlock PIN" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        <button type="submit" disabled={!valid}>Set the PIN</button>
      </div>
    </form>
  );
}

function LiveSeat({ sessionId, role, onHide }: { sessionId: string; role: string; onHide: () => void }) {
  const live = useLive(sessionId, `role:${role}`);
  return <Load value={live} what="your seat">{(view) => <RoleSeat sessionId={sessionId} view={view} onHide={onHide} />}</Load>;
}

/** In the desktop app's facilitator window: a role's seat in a window of its own (a second screen). */
function OwnWindows({ sessionId, roles }: { sessionId: string; roles: { id: string; title: string }[] }) {
  const desktop = useDesktop();
  const toast = useApp((s) => s.toast);
  const [facilitator, setFacilitator] = useState(false);
  useEffect(() => {
    if (!desktop) return;
    let alive = true;
    void desktop.windowContext().then((r) => { if (alive) setFacilitator(r.ok && r.value.kind === 'facilitator'); });
    return () => { alive = false; };
  }, [desktop]);
  if (!desktop || !facilitator) return null;
  const open = async (role: string) => {
    const opened = await desktop.openSeat({ sessionId, role });
    if (!opened.ok) toast(opened.error.message, 'error');
  };
  return (
    <>
      <p className="dim">Or give a role a window of its own, for a second screen:</p>
      <div className="row" style={{ justifyContent: 'center' }}>
        {roles.map((r) => (
          <button key={r.id} type="button" className="small" onClick={() => void open(r.id)}>{r.title}: own window</button>
        ))}
      </div>
    </>
  );
}

function SeatPicker({ sessionId, current }: { sessionId: string; current: string | null }) {
  const detail = useSessionDetail(sessionId);
  return (
    <Load value={detail} what="the seats">
      {(d) => (
        <div className="hotseat-cover">
          <h1>Whose turn is it?</h1>
          <p className="dim">Each role's screen is private. Pick your role when the screen is in front of you.</p>
          <div className="row" style={{ justifyContent: 'center' }}>
            {d.roles.map((r) => {
              const people = d.participants.filter((p) => p.roles.includes(r.id)).map((p) => p.name);
              return (
                <button key={r.id} type="button" className={r.id === current ? 'primary' : undefined}
                  onClick={() => navigate({ view: 'seat', sessionId, role: r.id })}>
                  {r.title}{people.length ? ` (${people.join(', ')})` : ''}
                </button>
              );
            })}
          </div>
          <OwnWindows sessionId={sessionId} roles={d.roles} />
          <UnlockPin />
        </div>
      )}
    </Load>
  );
}

function Cover({ sessionId, role, onShow }: { sessionId: string; role: string; onShow: () => void }) {
  const detail = useSessionDetail(sessionId);
  const title = detail.status === 'ready' ? detail.value.roles.find((r) => r.id === role)?.title ?? role : role;
  const people = detail.status === 'ready' ? detail.value.participants.filter((p) => p.roles.includes(role)).map((p) => p.name) : [];
  return (
    <div className="hotseat-cover">
      <h1>Screen hidden</h1>
      <p>This screen is for the <strong>{title}</strong>{people.length ? <> ({people.join(', ')})</> : null}. Make sure only that person can see it.</p>
      <div className="row">
        <button type="button" className="primary" autoFocus onClick={onShow}>Show my screen</button>
        <button type="button" onClick={() => navigate({ view: 'seat', sessionId, role: null })}>Switch role</button>
      </div>
    </div>
  );
}

export function SeatView({ sessionId, role }: { sessionId: string; role: string | null }) {
  const [revealed, setRevealed] = useState(false);
  // Switching roles always goes through the cover.
  useEffect(() => setRevealed(false), [role]);
  if (role === null) return <SeatPicker sessionId={sessionId} current={null} />;
  if (!revealed) return <Cover sessionId={sessionId} role={role} onShow={() => setRevealed(true)} />;
  return <LiveSeat sessionId={sessionId} role={role} onHide={() => setRevealed(false)} />;
}
