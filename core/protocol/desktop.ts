// What the preload exposes to a desktop window as `window.drillbookBridge`: the protocol's Bridge plus a
// few desktop-only verbs (dialogs, windows, links). Types only, so the preload bundle stays small.
import type {
  Bridge,
  BridgeParams,
  BridgeResult,
  LibraryEntry,
  SessionDetail,
  SessionSummary,
} from '../../core/protocol/bridge.ts';

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
  importScenario(): Promise<BridgeResult<LibraryEntry | null>>;
  exportReport(params: BridgeParams<'report.export'>): Promise<BridgeResult<{ path: string } | null>>;
  openBundle(): Promise<BridgeResult<SessionDetail | null>>;
  openSeat(params: { sessionId: string; role: string }): Promise<BridgeResult<null>>;
  openRoomScreen(params: { sessionId: string; fullscreen: boolean }): Promise<BridgeResult<null>>;
  openExternal(url: string): Promise<BridgeResult<null>>;
  /** An app-menu item was chosen: the renderer's command registry performs `name`. */
  onMenuCommand(listener: (name: string) => void): () => void;
}

export interface DesktopApi extends Bridge {
  desktop: DesktopVerbs;
}

/** The global name the preload exposes the API under (renderer/bridge/select.ts reads it). */
export const DESKTOP_API_KEY = 'drillbookBridge';
