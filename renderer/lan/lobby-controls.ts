// The two ways the "Participants" control reaches the lobby: in browser mode the LAN server's
// facilitator API over the console's socket (the server already runs); in the desktop app the
// preload's verbs, which start the LAN server in the main process when joining is turned on and
// stop it when it is turned off. One component (LobbyDock.tsx) over either.
import { fail, ok, type BridgeResult } from '../../core/protocol/bridge.ts';
import type { DesktopVerbs, JoiningStatus, ListenAddress } from '../../core/protocol/desktop.ts';
import { JoinCardSchema, LobbyInfoSchema, type JoinCard, type LobbyInfo } from '../../core/protocol/lobby.ts';
import type { WsBridge } from '../bridge/ws-bridge.ts';

// What the page shows is parsed with the host's own schemas (core/protocol/lobby.ts), whichever
// way it came: the QR code goes into an <img>.
export type LobbyView = LobbyInfo;
export type JoinCardView = JoinCard;

export interface LobbyState {
  lobby: LobbyView | null;
  /** The address participants' devices connect to when joining is on; null when it is off or the host decides. */
  listeningOn: string | null;
}

export interface LobbyControls {
  /** Where joining may listen (desktop); null when the server already runs (browser mode). */
  addresses: (() => Promise<BridgeResult<ListenAddress[]>>) | null;
  status(sessionId: string): Promise<BridgeResult<LobbyState>>;
  open(sessionId: string, where?: { address: string; port?: number }): Promise<BridgeResult<LobbyState>>;
  lock(sessionId: string, locked: boolean): Promise<BridgeResult<LobbyState>>;
  remove(sessionId: string, participantId: string): Promise<BridgeResult<LobbyState>>;
  /** Browser mode closes this session's lobby; the desktop turns joining off (the port closes). */
  stop(sessionId: string): Promise<BridgeResult<LobbyState>>;
  /** What the room screen shows while people may join (open and unlocked), else null. */
  card(sessionId: string): Promise<BridgeResult<JoinCardView | null>>;
}

const UNREADABLE = 'Drillbook sent lobby details this page does not understand. Reload the page.';

function parseLobby(value: unknown): BridgeResult<LobbyView | null> {
  if (value === null) return ok(null);
  const parsed = LobbyInfoSchema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail('invalid-response', UNREADABLE);
}

const then = <T, U>(result: BridgeResult<T>, next: (value: T) => BridgeResult<U>): BridgeResult<U> => (result.ok ? next(result.value) : result);

/** Browser mode: the facilitator's lobby frames over the console's socket. */
export function wsLobbyControls(bridge: WsBridge): LobbyControls {
  const state = async (action: Parameters<WsBridge['lobby']>[0], sessionId: string, participantId?: string): Promise<BridgeResult<LobbyState>> =>
    then(await bridge.lobby(action, sessionId, participantId), (value) => then(parseLobby(value), (lobby) => ok({ lobby, listeningOn: null })));
  return {
    addresses: null,
    status: (sessionId) => state('status', sessionId),
    open: (sessionId) => state('open', sessionId),
    lock: (sessionId, locked) => state(locked ? 'lock' : 'unlock', sessionId),
    remove: (sessionId, participantId) => state('remove', sessionId, participantId),
    stop: async (sessionId) => then(await bridge.lobby('close', sessionId), () => ok({ lobby: null, listeningOn: null })),
    async card(sessionId) {
      const status = await state('status', sessionId);
      return then(status, ({ lobby }) => ok(lobby && !lobby.locked ? { code: lobby.code, joinUrl: lobby.joinUrl, qr: lobby.qr } : null));
    },
  };
}

/** The desktop app: the preload's verbs; the main process runs the LAN server. */
export function desktopLobbyControls(desktop: DesktopVerbs): LobbyControls {
  const fromStatus = (result: BridgeResult<JoiningStatus>): BridgeResult<LobbyState> =>
    then(result, (status) => then(parseLobby(status.lobby), (lobby) => ok({ lobby, listeningOn: status.listening?.address ?? null })));
  return {
    addresses: () => desktop.listenAddresses(),
    status: async (sessionId) => fromStatus(await desktop.joiningStatus({ sessionId })),
    async open(sessionId, where) {
      const address = where?.address ?? '127.0.0.1';
      return fromStatus(await desktop.startJoining({ sessionId, address, ...(where?.port === undefined ? {} : { port: where.port }) }));
    },
    lock: async (sessionId, locked) => fromStatus(await desktop.lockLobby({ sessionId, locked })),
    remove: async (sessionId, participantId) => fromStatus(await desktop.removeParticipant({ sessionId, participantId })),
    stop: async () => then(await desktop.stopJoining(), () => ok({ lobby: null, listeningOn: null })),
    async card(sessionId) {
      const card = await desktop.joinCard({ sessionId });
      return then(card, (value) => {
        if (value === null) return ok(null);
        const parsed = JoinCardSchema.safeParse(value);
        return parsed.success ? ok(parsed.data) : fail('invalid-response', UNREADABLE);
      });
    },
  };
}
