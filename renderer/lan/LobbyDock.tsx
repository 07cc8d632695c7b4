// The facilitator's "let participants join" controls in browser mode: a join code, the join URL and
// its QR code for the room screen, who joined, lock the lobby, remove someone.
import { useCallback, useEffect, useState } from 'react';
import type { WsBridge } from '../bridge/ws-bridge.ts';
import { useRoute } from '../app/navigation.ts';

interface LobbyParticipant {
  id: string;
  name: string;
  audience: string;
}

interface LobbyInfo {
  code: string;
  locked: boolean;
  joinUrl: string;
  qr: string;
  participants: LobbyParticipant[];
}

function asLobby(value: unknown): LobbyInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<LobbyInfo>;
  return typeof v.code === 'string' && typeof v.joinUrl === 'string' && typeof v.qr === 'string' && v.qr.startsWith('data:image/svg+xml;base64,') && Array.isArray(v.participants)
    ? (v as LobbyInfo)
    : null;
}

function Lobby({ bridge, sessionId }: { bridge: WsBridge; sessionId: string }) {
  const [lobby, setLobby] = useState<LobbyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [large, setLarge] = useState(false);

  const run = useCallback(async (action: Parameters<WsBridge['lobby']>[0], participantId?: string) => {
    const result = await bridge.lobby(action, sessionId, participantId);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setLobby(asLobby(result.value));
  }, [bridge, sessionId]);

  useEffect(() => {
    void run('status');
    const timer = setInterval(() => void run('status'), 3000);
    return () => clearInterval(timer);
  }, [run]);

  return (
    <section className="panel stack" aria-label="Participants' devices">
      <h2>Participants' devices</h2>
      {lobby === null ? (
        <button type="button" className="primary" onClick={() => void run('open')}>Let participants join</button>
      ) : (
        <>
          <div>Join code: <strong data-testid="join-code" style={{ fontSize: '1.6rem', letterSpacing: '0.2em' }}>{lobby.code}</strong></div>
          <div className="dim">Open <span className="user-text" data-testid="join-url">{lobby.joinUrl}</span> or scan:</div>
          <img src={lobby.qr} alt={`QR code for ${lobby.joinUrl}`} width={160} height={160} style={{ background: '#fff' }} />
          <div className="row">
            <button type="button" onClick={() => setLarge(true)}>Show on the room screen</button>
            <button type="button" onClick={() => void run(lobby.locked ? 'unlock' : 'lock')}>{lobby.locked ? 'Unlock the lobby' : 'Lock the lobby'}</button>
            <button type="button" className="danger" onClick={() => void run('close')}>Stop joining</button>
          </div>
          {lobby.locked ? <span className="badge warn">Locked: nobody new can join</span> : null}
          <ul className="stack" aria-label="Joined" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lobby.participants.length === 0 ? <li className="dim">Nobody has joined yet.</li> : lobby.participants.map((p) => (
              <li key={p.id} className="row">
                <span className="user-text" style={{ flex: 1 }}>{p.name} · {p.audience}</span>
                <button type="button" className="small danger" onClick={() => void run('remove', p.id)} aria-label={`Remove ${p.name}`}>Remove</button>
              </li>
            ))}
          </ul>
          {large ? (
            <div role="dialog" aria-label="Join the exercise" onClick={() => setLarge(false)}
              style={{ position: 'fixed', inset: 0, background: 'var(--bg)', zIndex: 50, display: 'grid', placeItems: 'center', textAlign: 'center' }}>
              <div className="stack">
                <h1>Join the exercise</h1>
                <img src={lobby.qr} alt={`QR code for ${lobby.joinUrl}`} width={360} height={360} style={{ background: '#fff', margin: '0 auto' }} />
                <div style={{ fontSize: '3rem', letterSpacing: '0.3em' }}>{lobby.code}</div>
                <div className="user-text">{lobby.joinUrl}</div>
                <div className="dim">Click to close</div>
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
function RoomJoinCard({ bridge, sessionId }: { bridge: WsBridge; sessionId: string }) {
  const [lobby, setLobby] = useState<LobbyInfo | null>(null);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const result = await bridge.lobby('status', sessionId);
      if (alive) setLobby(result.ok ? asLobby(result.value) : null);
    };
    void load();
    const timer = setInterval(() => void load(), 3000);
    return () => { alive = false; clearInterval(timer); };
  }, [bridge, sessionId]);
  if (!lobby || lobby.locked) return null;
  return (
    <aside className="panel stack" aria-label="Join from your device"
      style={{ position: 'fixed', right: '1rem', bottom: '1rem', zIndex: 40, alignItems: 'center', textAlign: 'center' }}>
      <img src={lobby.qr} alt={`QR code for ${lobby.joinUrl}`} width={180} height={180} style={{ background: '#fff' }} />
      <div>Join code <strong style={{ fontSize: '2rem', letterSpacing: '0.2em' }}>{lobby.code}</strong></div>
      <div className="dim user-text">{lobby.joinUrl}</div>
    </aside>
  );
}

/** A button at the top right of the facilitator's screens that opens the lobby of the current session. */
export function LobbyDock({ bridge }: { bridge: WsBridge }) {
  const route = useRoute();
  const [open, setOpen] = useState(false);
  const sessionId = 'sessionId' in route ? route.sessionId : null;
  if (!sessionId) return null;
  if (route.view === 'room') return <RoomJoinCard bridge={bridge} sessionId={sessionId} />;
  return (
    // In the top bar's empty right end, so it covers nothing of the view below.
    <div className="stack" style={{ position: 'fixed', right: '0.75rem', top: '0.4rem', zIndex: 40, maxWidth: '26rem', maxHeight: '90vh', overflow: 'auto', alignItems: 'flex-end' }}>
      <button type="button" className="small" onClick={() => setOpen(!open)} aria-expanded={open}>{open ? 'Hide participants' : 'Participants'}</button>
      {open ? <Lobby bridge={bridge} sessionId={sessionId} /> : null}
    </div>
  );
}
