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
import type { LobbyCall } from './lobby.ts';

export type { JoinCard, JoiningStatus, ListenAddress, LobbyInfo, LobbyParticipant } from './lobby.ts';

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
  /**
   * The lobby controls ("let participants join", electron/lan/lobby-service.ts): the same methods
   * as the browser console's, over one IPC channel. The room window may ask for its own join card.
   */
  lobby: LobbyCall;
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
