// The "Participants" control in the desktop app: the facilitator's window gets the whole control,
// a room window only the join card of its own session (the main process allows it no more), a
// seat window nothing.
import { useEffect, useMemo, useState } from 'react';
import type { DesktopWindowKind } from '../../core/protocol/desktop.ts';
import { useDesktop } from '../bridge/context.tsx';
import { useRoute } from '../app/navigation.ts';
import { LobbyDock, RoomJoinCard } from './LobbyDock.tsx';
import { lobbyControls } from './lobby-controls.ts';

export function DesktopLobbyDock() {
  const desktop = useDesktop();
  const route = useRoute();
  const [kind, setKind] = useState<DesktopWindowKind | null>(null);
  const controls = useMemo(() => (desktop ? lobbyControls(desktop.lobby) : null), [desktop]);

  useEffect(() => {
    if (!desktop) return;
    let alive = true;
    void desktop.windowContext().then((result) => {
      if (alive && result.ok) setKind(result.value.kind);
    });
    return () => { alive = false; };
  }, [desktop]);

  if (!controls) return null;
  if (kind === 'facilitator') return <LobbyDock controls={controls} />;
  if (kind === 'room' && route.view === 'room') return <RoomJoinCard controls={controls} sessionId={route.sessionId} />;
  return null;
}
