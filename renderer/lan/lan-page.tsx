// Starts a page served by the LAN server: the facilitator's console (with its token) or a
// participant's device (join, then its seat).
import { StrictMode, useMemo, useState } from 'react';
import type { Root } from 'react-dom/client';
import { App } from '../app/App.tsx';
import type { Refusal } from '../bridge/ws-bridge.ts';
import { createAppStore } from '../store/store.ts';
import { JoinView } from './JoinView.tsx';
import { LobbyDock } from './LobbyDock.tsx';
import { ParticipantApp } from './ParticipantApp.tsx';
import { lobbyControls } from './lobby-controls.ts';
import { connect, keepSeat, leave, storedSeat, takeFacilitatorToken, type StoredSeat } from './lan-mode.ts';

const REFUSED: Record<Refusal, string> = {
  removed: 'The facilitator removed this device from the exercise. Ask them if you should join again.',
  'lobby-closed': 'The facilitator closed the lobby. Join again with the new code on the room screen.',
  'bad-token': 'This device is no longer part of the exercise. Join again with the code on the room screen.',
};

function Facilitator({ token }: { token: string }) {
  const [refused, setRefused] = useState<Refusal | null>(null);
  const bridge = useMemo(() => connect(token, setRefused), [token]);
  const store = useMemo(() => createAppStore(bridge), [bridge]);
  const lobby = useMemo(() => lobbyControls((method, params) => bridge.lobby(method, params)), [bridge]);
  if (refused) {
    return <main className="main"><div className="error-box" role="alert">This console's link is no longer valid. Use the link `drillbook serve` printed when it started.</div></main>;
  }
  return (
    <>
      <App bridge={bridge} store={store} hostLabel={null} />
      <LobbyDock controls={lobby} />
    </>
  );
}

function Participant() {
  const [seat, setSeat] = useState<StoredSeat | null>(storedSeat);
  const [notice, setNotice] = useState<string | null>(null);
  const session = useMemo(() => {
    if (!seat) return null;
    const bridge = connect(seat.token, (why) => {
      keepSeat(null);
      setNotice(REFUSED[why]);
      setSeat(null);
    });
    return { bridge, store: createAppStore(bridge) };
  }, [seat]);
  if (!seat || !session) {
    return <JoinView notice={notice} onJoined={(s) => { keepSeat(s); setNotice(null); setSeat(s); }} />;
  }
  return (
    <ParticipantApp bridge={session.bridge} store={session.store} seat={seat}
      onLeave={() => { session.bridge.close(); void leave(seat.token); keepSeat(null); setSeat(null); }} />
  );
}

export function startLanPage(root: Root): void {
  const token = takeFacilitatorToken();
  root.render(<StrictMode>{token ? <Facilitator token={token} /> : <Participant />}</StrictMode>);
}
