// The facilitator's "let participants join" controls: a join code, the join URL and its QR code for
// the room screen, every seat and who holds it, who joined, lock the lobby, remove someone. The same
// component in browser mode and in the desktop app, over the same lobby controls (lobby-controls.ts). In the desktop
// app joining is off until turned on here, on 127.0.0.1 unless the facilitator picks a network
// address.
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { BridgeResult } from '../../core/protocol/bridge.ts';
import type { ListenAddress } from '../../core/protocol/lobby.ts';
import { useRoute } from '../app/navigation.ts';
import { useSlot } from '../components/slots.ts';
import { useHotSeatLock } from '../app/hot-seat-lock.ts';
import type { JoinCardView, LobbyControls, LobbyState } from './lobby-controls.ts';

const POLL_MS = 3000;

/** Where to listen, in the desktop app: this computer only unless a network address is picked. */
function ListenChoice({ controls, fixed, onChange }: {
  controls: LobbyControls;
  /** Joining is already on at this address (for another session): the choice is made. */
  fixed: string | null;
  onChange(where: { address: string; port?: number } | null): void;
}) {
  const [choices, setChoices] = useState<ListenAddress[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [address, setAddress] = useState(fixed ?? '127.0.0.1');
  const [port, setPort] = useState('');

  useEffect(() => {
    let alive = true;
    void controls.addresses().then((result) => {
      if (!alive) return;
      if (result.ok) setChoices(result.value);
      else setError(result.error.message);
    });
    return () => { alive = false; };
  }, [controls]);

  const portValid = port === '' || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);
  const chosen = fixed ?? address;
  useEffect(() => {
    onChange(portValid ? { address: chosen, ...(port === '' || fixed ? {} : { port: Number(port) }) } : null);
  }, [chosen, port, portValid, fixed, onChange]);

  if (error) return <div className="error-box" role="alert"><p className="user-text">{error}</p></div>;
  if (!choices) return null;
  const picked = choices.find((c) => c.address === chosen);
  return (
    <div className="stack">
      <label>
        Participants connect to
        <select value={chosen} disabled={fixed !== null} onChange={(e) => setAddress(e.target.value)}>
          {choices.map((c) => (
            <option key={c.address} value={c.address}>{c.local ? `${c.label} (${c.address})` : `${c.label}: ${c.address}`}</option>
          ))}
        </select>
      </label>
      {fixed === null ? (
        <label>
          Port
          <input inputMode="numeric" value={port} placeholder="automatic" size={8} aria-invalid={!portValid} onChange={(e) => setPort(e.target.value.trim())} />
        </label>
      ) : <span className="dim">Joining is on at this address for another session.</span>}
      {!portValid ? <span className="dim" role="alert">A port is a number from 1 to 65535; leave it empty for an automatic one.</span> : null}
      {picked && !picked.local ? (
        <span className="badge warn">Anyone on this network who has the code can join. The console stays on this computer.</span>
      ) : (
        <span className="dim">Only browsers on this computer can join. Pick a network address for participants' own devices.</span>
      )}
    </div>
  );
}

function Lobby({ controls, sessionId }: { controls: LobbyControls; sessionId: string }) {
  const [state, setState] = useState<LobbyState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [large, setLarge] = useState(false);
  const [where, setWhere] = useState<{ address: string; port?: number } | null>(null);

  const run = useCallback(async (action: () => Promise<BridgeResult<LobbyState>>) => {
    const result = await action();
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setState(result.value);
  }, []);

  useEffect(() => {
    void run(() => controls.status(sessionId));
    const timer = setInterval(() => void run(() => controls.status(sessionId)), POLL_MS);
    return () => clearInterval(timer);
  }, [run, controls, sessionId]);

  const lobby = state?.lobby ?? null;
  const choosing = state?.choosesAddress ?? false;
  return (
    <section className="panel stack" aria-label="Participants' devices">
      <h2>Participants' devices</h2>
      {lobby === null ? (
        <>
          {choosing && state ? <ListenChoice controls={controls} fixed={state.listeningOn} onChange={setWhere} /> : null}
          <button type="button" className="primary" disabled={choosing && where === null}
            onClick={() => void run(() => controls.open(sessionId, where ?? undefined))}>Let participants join</button>
        </>
      ) : (
        <>
          <div>Join code: <strong data-testid="join-code" style={{ fontSize: '1.6rem', letterSpacing: '0.2em' }}>{lobby.code}</strong></div>
          {lobby.reach.localOnly ? (
            <div className="error-box" role="alert" data-testid="join-unreachable">
              <p>Only this computer can open this address and QR code: other devices cannot reach {new URL(lobby.joinUrl).hostname}.</p>
              {lobby.reach.networkAddresses.length > 0 ? (
                <p>
                  {choosing ? 'Stop joining and pick one of this computer\'s network addresses: ' : 'Restart with drillbook serve --host ADDRESS, using one of this computer\'s network addresses: '}
                  <span className="user-text" data-testid="network-addresses">{lobby.reach.networkAddresses.join(', ')}</span>.
                </p>
              ) : <p>This computer has no network address right now: connect it to the room's network first.</p>}
            </div>
          ) : null}
          <div className="dim">Open <span className="user-text" data-testid="join-url">{lobby.joinUrl}</span> or scan:</div>
          <img src={lobby.qr} alt={`QR code for ${lobby.joinUrl}`} width={160} height={160} style={{ background: '#fff' }} />
          <div className="row">
            <button type="button" onClick={() => setLarge(true)}>Show on the room screen</button>
            <button type="button" onClick={() => void run(() => controls.lock(sessionId, !lobby.locked))}>{lobby.locked ? 'Unlock the lobby' : 'Lock the lobby'}</button>
            <button type="button" className="danger" onClick={() => void run(() => controls.stop(sessionId))}>Stop joining</button>
          </div>
          {lobby.locked ? <span className="badge warn">Locked: nobody new can join</span> : null}
          {lobby.surge ? (
            <p className="badge warn" role="status" data-testid="join-surge">
              Join surge: {lobby.surge.joined} {lobby.surge.joined === 1 ? 'device' : 'devices'} joined in the last minute
              {lobby.surge.refused > 0 ? `, ${lobby.surge.refused} refused` : ''}
              {lobby.surge.busiestAddress ? ` (most from ${lobby.surge.busiestAddress.address}: ${lobby.surge.busiestAddress.devices})` : ''}.
              {' '}If that is not your room arriving, lock the lobby and remove who should not be here.
            </p>
          ) : null}
          {lobby.wrongCodeCeilingAt ? (
            <p className="badge warn" role="status">
              Many wrong join codes were tried on this network (last at {new Date(lobby.wrongCodeCeilingAt).toLocaleTimeString()}); joining paused briefly each time.
            </p>
          ) : null}
          {lobby.requests.length > 0 ? (
            <ul className="stack" aria-label="Seat requests" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {lobby.requests.map((r) => {
                const seatTitle = lobby.seats.find((seat) => seat.audience === r.seat)?.title ?? r.seat;
                return (
                  <li key={r.id} className="row badge warn" role="status">
                    <span className="user-text" style={{ flex: 1 }}>{r.name} asks for {seatTitle}, held by {r.heldBy}'s device</span>
                    <button type="button" className="small" onClick={() => void run(() => controls.decide(sessionId, r.id, true))} aria-label={`Give ${seatTitle} to ${r.name}`}>Allow</button>
                    <button type="button" className="small" onClick={() => void run(() => controls.decide(sessionId, r.id, false))} aria-label={`Keep ${seatTitle} with ${r.heldBy}`}>Refuse</button>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <ul className="stack" aria-label="Seats" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lobby.seats.filter((seat) => seat.audience !== 'room').map((seat) => (
              <li key={seat.audience} className="row" data-testid={`seat-${seat.audience}`}>
                <span className="user-text" style={{ flex: 1 }}>{seat.title}{seat.planned.length ? ` (${seat.planned.join(', ')})` : ''}</span>
                {seat.holders.length > 0
                  ? <span className="badge ok user-text">{seat.holders.map((h) => h.name).join(', ')}</span>
                  : <span className="badge warn">No device: its prompts go unanswered</span>}
              </li>
            ))}
          </ul>
          <ul className="stack" aria-label="Joined" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lobby.participants.length === 0 ? <li className="dim">Nobody has joined yet.</li> : lobby.participants.map((p) => (
              <li key={p.id} className="row">
                <span className="user-text" style={{ flex: 1 }}>{p.name} · {p.audiences.map((a) => lobby.seats.find((seat) => seat.audience === a)?.title ?? a).join(', ')}</span>
                <button type="button" className="small danger" onClick={() => void run(() => controls.remove(sessionId, p.id))} aria-label={`Remove ${p.name}`}>Remove</button>
              </li>
            ))}
          </ul>
          {large ? (
            <div role="dialog" aria-modal="true" aria-label="Join the exercise" onClick={() => setLarge(false)}
              onKeyDown={(e) => { if (e.key === 'Escape') setLarge(false); }}
              style={{ position: 'fixed', inset: 0, background: 'var(--bg)', zIndex: 50, display: 'grid', placeItems: 'center', textAlign: 'center' }}>
              <div className="stack">
                <h1>Join the exercise</h1>
                <img src={lobby.qr} alt={`QR code for ${lobby.joinUrl}`} width={360} height={360} style={{ background: '#fff', margin: '0 auto' }} />
                <div style={{ fontSize: '3rem', letterSpacing: '0.3em' }}>{lobby.code}</div>
                <div className="user-text">{lobby.joinUrl}</div>
                <div><button type="button" autoFocus onClick={() => setLarge(false)}>Close</button> <span className="dim">or click anywhere</span></div>
              </div>
            </div>
          ) : null}
        </>
      )}
      {error ? <div className="error-box" role="alert"><p className="user-text">{error}</p></div> : null}
    </section>
  );
}

/** On the room screen, while people may join: the code and the QR code in a corner. */
export function RoomJoinCard({ controls, sessionId }: { controls: LobbyControls; sessionId: string }) {
  const [card, setCard] = useState<JoinCardView | null>(null);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const result = await controls.card(sessionId);
      if (alive) setCard(result.ok ? result.value : null);
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => { alive = false; clearInterval(timer); };
  }, [controls, sessionId]);
  const slot = useSlot('room-join');
  if (!card) return null;
  // Large type: the code and the address are read from the back of the room.
  const content = (
    <aside className="panel stack room-join-card" aria-label="Join from your device"
      style={slot ? { alignItems: 'center', textAlign: 'center' } : { position: 'fixed', right: '1rem', bottom: '1rem', zIndex: 40, alignItems: 'center', textAlign: 'center', maxWidth: '22rem' }}>
      <h2 style={{ margin: 0 }}>Join from your device</h2>
      <img src={card.qr} alt={`QR code for ${card.joinUrl}`} width={200} height={200} style={{ background: '#fff' }} />
      <div>Join code<div className="join-code" data-testid="room-join-code">{card.code}</div></div>
      <div className="join-url user-text" data-testid="room-join-url">{card.joinUrl}</div>
    </aside>
  );
  // In the room screen's own column when it shows one, so that it covers nothing.
  return slot ? createPortal(content, slot) : content;
}

/** A button at the top right of the facilitator's screens that opens the lobby of the current session. */
export function LobbyDock({ controls }: { controls: LobbyControls }) {
  const route = useRoute();
  // Open for one session: another session starts with it closed.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const slot = useSlot('console-participants');
  const locked = useHotSeatLock() !== null || route.view === 'seat';
  const sessionId = 'sessionId' in route ? route.sessionId : null;
  // Leaving the session closes it (coming back finds it closed too).
  const [seen, setSeen] = useState(sessionId);
  if (seen !== sessionId) {
    setSeen(sessionId);
    setOpenFor(null);
  }
  if (!sessionId) return null;
  if (route.view === 'room') return <RoomJoinCard controls={controls} sessionId={sessionId} />;
  // A screen locked to the seats shows no facilitator control.
  if (locked) return null;
  const open = openFor === sessionId;
  const panel = open ? <Lobby controls={controls} sessionId={sessionId} /> : null;
  return (
    <>
      {/* The button in the top bar's empty right end; the panel in the console's side column
          (below the clock controls, never over them), elsewhere under the button. */}
      <div className="stack lobby-dock">
        <button type="button" className="small" onClick={() => setOpenFor(open ? null : sessionId)} aria-expanded={open}>{open ? 'Hide participants' : 'Participants'}</button>
        {panel && !(slot && route.view === 'console') ? <div className="lobby-dock-panel">{panel}</div> : null}
      </div>
      {panel && slot && route.view === 'console' ? createPortal(panel, slot) : null}
    </>
  );
}
