// What the desktop preload exposes to a window as `window.drillbookBridge`: the protocol's Bridge plus
// a few desktop-only verbs (dialogs, windows, links). It lives in core/protocol so that both sides
// share it: electron/main implements it, renderer/ calls it. Types and one string only, with no
// value import: the preload bundle must stay a few kilobytes (no zod in it).
import type {
  Bridge,
  BridgeParams,
  BridgeResult,
  ImportedEntry,
  SessionDetail,
  SessionSummary,
} from './bridge.ts';
// Types only: the lobby's zod schemas stay out of the preload bundle.
import type { JoinCard, JoiningStatus } from './lobby.ts';

export type { JoinCard, JoiningStatus, LobbyInfo, LobbyParticipant } from './lobby.ts';

export type DesktopWindowKind = 'facilitator' | 'room' | 'seat';

/** Who a window is, as the main process registered it (never as the page claims). */
export interface WindowContext {
  kind: DesktopWindowKind;
  /** The role of a seat window; null for the others. */
  role: string | null;
  /** The session a room or seat window follows; null for the facilitator until one is chosen. */
  sessionId: string | null;
}

export interface DesktopVerbs {
  windowContext(): Promise<BridgeResult<WindowContext>>;
  recoveredSessions(): Promise<BridgeResult<SessionSummary[]>>;
  /** null: the facilitator closed the dialog. */
  importScenario(): Promise<BridgeResult<ImportedEntry | null>>;
  exportReport(params: BridgeParams<'report.export'>): Promise<BridgeResult<{ path: string } | null>>;
  /** A scenario's situation manual or facilitator guide, saved with the save dialog (null: closed). */
  exportGuide(params: BridgeParams<'library.guide'>): Promise<BridgeResult<{ path: string } | null>>;
  openBundle(): Promise<BridgeResult<SessionDetail | null>>;
  openSeat(params: { sessionId: string; role: string }): Promise<BridgeResult<null>>;
  openRoomScreen(params: { sessionId: string; fullscreen: boolean }): Promise<BridgeResult<null>>;
  openExternal(url: string): Promise<BridgeResult<null>>;
  /** An app-menu item was chosen: the renderer's command registry performs `name` (see DESKTOP_ONLY_COMMANDS). */
  onMenuCommand(listener: (name: string) => void): () => void;
  // "Let participants join" (electron/main/join-switch.ts): off until the facilitator turns it on.
  /** The addresses the LAN server can listen on, this computer only (127.0.0.1) first. */
  listenAddresses(): Promise<BridgeResult<ListenAddress[]>>;
  /** Starts listening (if not yet) on `address` and opens the session's lobby. No port: a default. */
  startJoining(params: { sessionId: string; address: string; port?: number }): Promise<BridgeResult<JoiningStatus>>;
  /** Closes every lobby (their tokens die) and the port. */
  stopJoining(): Promise<BridgeResult<null>>;
  joiningStatus(params: { sessionId: string }): Promise<BridgeResult<JoiningStatus>>;
  lockLobby(params: { sessionId: string; locked: boolean }): Promise<BridgeResult<JoiningStatus>>;
  /** Their sockets close and their token dies. */
  removeParticipant(params: { sessionId: string; participantId: string }): Promise<BridgeResult<JoiningStatus>>;
  /** What the room screen shows while people may join (open and unlocked); null otherwise. */
  joinCard(params: { sessionId: string }): Promise<BridgeResult<JoinCard | null>>;
}

export interface ListenAddress {
  address: string;
  /** The interface's name, or "This computer only". */
  label: string;
  /** Only this machine can reach it. */
  local: boolean;
}

export interface DesktopApi extends Bridge {
  desktop: DesktopVerbs;
}

/** The global name the preload exposes the API under (renderer/bridge/select.ts reads it). */
export const DESKTOP_API_KEY = 'drillbookBridge';

/**
 * App-menu commands that exist only in the desktop app (its file dialogs); every other menu
 * command is a name from the renderer's view registries. The renderer handles each of these.
 */
export const DESKTOP_ONLY_COMMANDS = ['library.import', 'session.openBundle', 'report.export'] as const;
export type DesktopOnlyCommand = (typeof DESKTOP_ONLY_COMMANDS)[number];
