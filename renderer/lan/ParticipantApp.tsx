// A participant's device: its own seat (or the room screen) and nothing else. The socket carries
// only this seat's projection; there is no navigation to the facilitator's views.
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../core/protocol/bridge.ts';
import { ServicesProvider } from '../bridge/context.tsx';
import type { WsBridge } from '../bridge/ws-bridge.ts';
import { Load } from '../components/states.tsx';
import type { AppStore } from '../store/store.ts';
import { useLive } from '../store/use-live.ts';
import { RoomView } from '../views/room/RoomView.tsx';
import { RoleSeat } from '../views/seat/RoleSeat.tsx';
import type { StoredSeat } from './lan-mode.ts';

function Seat({ sessionId, role }: { sessionId: string; role: string }) {
  const live = useLive(sessionId, `role:${role}`);
  return <Load value={live} what="your seat">{(view) => <RoleSeat sessionId={sessionId} view={view} />}</Load>;
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
  const role = seat.audience === 'room' ? null : seat.audience.slice('role:'.length);
  return (
    <ServicesProvider bridge={bridge} store={store}>
      <div className="app">
        {role ? (
          <header className="topbar">
            <span className="brand">Drillbook</span>
            <span className="user-text">{seat.name}</span>
            <span className="spacer" />
            <button type="button" className="small" onClick={onLeave}>Leave</button>
          </header>
        ) : <div />}
        <div><Banner bridge={bridge} /></div>
        <main className="main fill" id="main">
          {role ? <Seat sessionId={seat.sessionId} role={role} /> : <RoomView sessionId={seat.sessionId} />}
        </main>
      </div>
    </ServicesProvider>
  );
}
