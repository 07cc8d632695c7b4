// A participant's device: its own seats (or the room screen) and nothing else. The socket carries
// only these seats' projections; there is no navigation to the facilitator's views. A person with
// two roles holds both on one device and switches between them; each role not on screen shows how
// many injects arrived since it was last looked at.
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../core/protocol/bridge.ts';
import { ServicesProvider } from '../bridge/context.tsx';
import type { WsBridge } from '../bridge/ws-bridge.ts';
import { Load } from '../components/states.tsx';
import { Toasts } from '../components/Toasts.tsx';
import type { AppStore } from '../store/store.ts';
import { useLive } from '../store/use-live.ts';
import { RoomView } from '../views/room/RoomView.tsx';
import { RoleSeat } from '../views/seat/RoleSeat.tsx';
import type { StoredSeat } from './lan-mode.ts';

function Seat({ sessionId, role }: { sessionId: string; role: string }) {
  const live = useLive(sessionId, `role:${role}`);
  return <Load value={live} what="your seat">{(view) => <RoleSeat sessionId={sessionId} view={view} />}</Load>;
}

/** One role's switch: its title and, when it is not on screen, its unread injects. */
function RoleTab({ sessionId, role, active, seen, onSeen, onPick }: {
  sessionId: string; role: string; active: boolean; seen: number; onSeen(count: number): void; onPick(): void;
}) {
  const live = useLive(sessionId, `role:${role}`);
  const view = live.status === 'ready' ? live.value : null;
  const count = view?.injects.length ?? 0;
  useEffect(() => {
    if (active && view && count !== seen) onSeen(count);
  }, [active, view, count, seen, onSeen]);
  const unread = active ? 0 : Math.max(0, count - seen);
  const title = view?.role.title ?? role;
  return (
    <button type="button" className="small" aria-pressed={active} onClick={onPick} data-testid={`role-tab-${role}`}
      aria-label={unread > 0 ? `${title}, ${unread} unread` : title}>
      <span className="user-text">{title}</span>
      {unread > 0 ? <> <span className="badge accent" data-testid={`unread-${role}`}>{unread}</span></> : null}
    </button>
  );
}

function Banner({ bridge }: { bridge: WsBridge }) {
  const [state, setState] = useState<ConnectionState>(bridge.connection);
  // Once connected, every later attempt is a reconnection: say so for as long as it takes (the
  // Bridge goes from 'lost' back to 'connecting' at each try).
  const [wasConnected, setWasConnected] = useState(bridge.connection === 'connected');
  useEffect(() => bridge.onConnection((s) => {
    setState(s);
    if (s === 'connected') setWasConnected(true);
  }), [bridge]);
  if (state === 'connected') return null;
  return (
    <div className={`banner ${state}`} role="alert">
      {wasConnected || state === 'lost'
        ? 'Connection to the facilitator lost. Reconnecting by itself; answers already sent are saved.'
        : 'Connecting to the facilitator…'}
    </div>
  );
}

export function ParticipantApp({ bridge, store, seat, onLeave }: { bridge: WsBridge; store: AppStore; seat: StoredSeat; onLeave: () => void }) {
  const roles = seat.audiences.filter((a) => a !== 'room').map((a) => a.slice('role:'.length));
  const [picked, setPicked] = useState<string | null>(null);
  const [seen, setSeen] = useState<Record<string, number>>({});
  const role = picked !== null && roles.includes(picked) ? picked : (roles[0] ?? null);
  return (
    <ServicesProvider bridge={bridge} store={store}>
      <div className="app">
        {role ? (
          <header className="topbar">
            <span className="brand">Drillbook</span>
            <span className="user-text">{seat.name}</span>
            {roles.length > 1 ? (
              <nav className="row" aria-label="Your roles">
                {roles.map((r) => (
                  <RoleTab key={r} sessionId={seat.sessionId} role={r} active={r === role} seen={seen[r] ?? 0}
                    onSeen={(count) => setSeen((s) => ({ ...s, [r]: count }))} onPick={() => setPicked(r)} />
                ))}
              </nav>
            ) : null}
            <span className="spacer" />
            <button type="button" className="small" onClick={onLeave}>Leave</button>
          </header>
        ) : <div />}
        <div><Banner bridge={bridge} /></div>
        <main className="main fill" id="main">
          {role ? <Seat key={role} sessionId={seat.sessionId} role={role} /> : <RoomView sessionId={seat.sessionId} />}
        </main>
        {/* What the host refused (an answer or action sent while away, then refused as paused) is said here. */}
        <Toasts />
      </div>
    </ServicesProvider>
  );
}
