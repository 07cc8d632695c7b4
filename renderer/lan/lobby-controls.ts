// The "Participants" control's one way to the lobby: the lobby controls of core/protocol/lobby.ts,
// the same methods whichever transport carries them (the desktop preload's one IPC channel, where
// the main process starts the LAN server when joining is turned on; the browser console's socket,
// where the server already runs). One component (LobbyDock.tsx) over them. Every answer is parsed
// with the host's own schemas before the page shows it: the QR code goes into an <img>.
import { fail, ok, type BridgeResult } from '../../core/protocol/bridge.ts';
import {
  LOBBY_ANSWERS,
  type JoinCard, type JoiningStatus, type LobbyCall, type LobbyInfo, type LobbyMethod, type LobbyParams, type LobbyValues,
} from '../../core/protocol/lobby.ts';

export type LobbyView = LobbyInfo;
export type JoinCardView = JoinCard;

export interface LobbyState {
  lobby: LobbyView | null;
  /** The address participants' devices connect to when joining is on; null when it is off. */
  listeningOn: string | null;
  /** Whether the facilitator picks that address (the desktop app) or it is fixed (`drillbook serve`). */
  choosesAddress: boolean;
}

export interface LobbyControls {
  addresses(): Promise<BridgeResult<LobbyValues['lobby.addresses']>>;
  status(sessionId: string): Promise<BridgeResult<LobbyState>>;
  open(sessionId: string, where?: { address: string; port?: number }): Promise<BridgeResult<LobbyState>>;
  lock(sessionId: string, locked: boolean): Promise<BridgeResult<LobbyState>>;
  remove(sessionId: string, participantId: string): Promise<BridgeResult<LobbyState>>;
  /** Answers a seat request: allowed, the device holding the seat leaves and the asking one takes it. */
  decide(sessionId: string, requestId: string, allow: boolean): Promise<BridgeResult<LobbyState>>;
  /** Closes this session's lobby; the desktop app closes the port with the last one. */
  stop(sessionId: string): Promise<BridgeResult<LobbyState>>;
  /** What the room screen shows while people may join (open and unlocked), else null. */
  card(sessionId: string): Promise<BridgeResult<JoinCardView | null>>;
}

const UNREADABLE = 'Drillbook sent lobby details this page does not understand. Reload the page.';

const then = <T, U>(result: BridgeResult<T>, next: (value: T) => BridgeResult<U>): BridgeResult<U> => (result.ok ? next(result.value) : result);

export function lobbyControls(call: LobbyCall): LobbyControls {
  async function ask<M extends LobbyMethod>(method: M, params: LobbyParams<M>): Promise<BridgeResult<LobbyValues[M]>> {
    return then(await call(method, params), (value) => {
      const parsed = LOBBY_ANSWERS[method].safeParse(value);
      return parsed.success ? ok(parsed.data as LobbyValues[M]) : fail('invalid-response', UNREADABLE);
    });
  }
  const state = (result: BridgeResult<JoiningStatus>): BridgeResult<LobbyState> =>
    then(result, (status) => ok({ lobby: status.lobby, listeningOn: status.listening?.address ?? null, choosesAddress: status.choosesAddress }));
  return {
    addresses: () => ask('lobby.addresses', {}),
    status: async (sessionId) => state(await ask('lobby.status', { sessionId })),
    open: async (sessionId, where) => state(await ask('lobby.open', { sessionId, ...where })),
    lock: async (sessionId, locked) => state(await ask('lobby.lock', { sessionId, locked })),
    remove: async (sessionId, participantId) => state(await ask('lobby.remove', { sessionId, participantId })),
    decide: async (sessionId, requestId, allow) => state(await ask('lobby.decide', { sessionId, requestId, allow })),
    stop: async (sessionId) => state(await ask('lobby.close', { sessionId })),
    card: (sessionId) => ask('lobby.card', { sessionId }),
  };
}
