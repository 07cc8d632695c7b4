// The app's windows: one facilitator window, a room screen per session (fullscreen on a second
// display when there is one), and seat windows on demand. The manager is the record of who each
// window is: the IPC wrapper asks it, never the page.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { APP_ENTRY } from './app-protocol.ts';
import { hashFor, type WindowRoute } from './app-routes.ts';
import type { WindowContext } from '../../core/protocol/desktop.ts';
import { guardContents, type OpenExternal } from './navigation.ts';
import { webPreferencesFor } from './web-preferences.ts';
import { clampBounds, pickRoomDisplay, type Bounds, type DisplayArea, type RememberedWindow, type WindowState } from './window-state.ts';

/** The slice of BrowserWindow the manager uses. */
export interface AppWindow {
  webContents: Pick<WebContents, 'id' | 'send' | 'on' | 'setWindowOpenHandler' | 'loadURL' | 'isDestroyed'>;
  on(event: 'close' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  getBounds(): Bounds;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  setFullScreen(flag: boolean): void;
  setBounds(bounds: Bounds): void;
  show(): void;
  focus(): void;
}

export interface Screens {
  all(): DisplayArea[];
  primary(): DisplayArea;
  /** The display a window is on (the facilitator's, to keep the room screen off it). */
  nearest(bounds: Bounds): DisplayArea;
}

export interface WindowManagerDeps<W extends AppWindow> {
  createWindow(options: BrowserWindowConstructorOptions): W;
  preloadPath: string;
  screens: Screens;
  openExternal: OpenExternal;
  remembered: { get(kind: RememberedWindow): WindowState | undefined; set(kind: RememberedWindow, state: WindowState): void };
  title: string;
  icon?: string;
}

const DEFAULT_SIZE: Record<RememberedWindow, { width: number; height: number }> = {
  facilitator: { width: 1280, height: 820 },
  room: { width: 1280, height: 720 },
  seat: { width: 900, height: 760 },
};

export class WindowManager<W extends AppWindow = AppWindow> {
  private readonly contexts = new Map<number, WindowContext>();
  private facilitatorWindow: W | undefined;
  private readonly rooms = new Map<string, W>();
  private readonly seats = new Map<string, W>();

  constructor(private readonly deps: WindowManagerDeps<W>) {}

  /** Who the window showing these webContents is; undefined for any other webContents. */
  contextOf(webContentsId: number): WindowContext | undefined {
    return this.contexts.get(webContentsId);
  }

  facilitator(): W | undefined {
    return this.facilitatorWindow && !this.facilitatorWindow.isDestroyed() ? this.facilitatorWindow : undefined;
  }

  openFacilitator(): W {
    const existing = this.facilitator();
    if (existing) return reveal(existing);
    const window = this.create({ kind: 'facilitator' }, { kind: 'facilitator', role: null, sessionId: null });
    this.facilitatorWindow = window;
    window.on('closed', () => (this.facilitatorWindow = undefined));
    return window;
  }

  openRoomScreen(sessionId: string, fullscreen: boolean): W {
    let window = this.rooms.get(sessionId);
    if (!window || window.isDestroyed()) {
      window = this.create({ kind: 'room', sessionId }, { kind: 'room', role: null, sessionId });
      this.rooms.set(sessionId, window);
      const opened = window;
      window.on('closed', () => this.rooms.delete(sessionId));
      if (fullscreen) this.fullscreenOnSecondDisplay(opened);
      return opened;
    }
    if (fullscreen) this.fullscreenOnSecondDisplay(window);
    return reveal(window);
  }

  openSeat(sessionId: string, role: string): W {
    const key = `${sessionId}/${role}`;
    const existing = this.seats.get(key);
    if (existing && !existing.isDestroyed()) return reveal(existing);
    const window = this.create({ kind: 'seat', sessionId, role }, { kind: 'seat', role, sessionId });
    this.seats.set(key, window);
    window.on('closed', () => this.seats.delete(key));
    return window;
  }

  /** Opens a session's console in the facilitator's window. */
  showSessionConsole(sessionId: string): void {
    const window = this.openFacilitator();
    void window.webContents.loadURL(`${APP_ENTRY}#/session/${encodeURIComponent(sessionId)}/console`);
  }

  /** Sends to the facilitator's window, if one is open. */
  sendToFacilitator(channel: string, ...args: unknown[]): boolean {
    const window = this.facilitator();
    if (!window || window.webContents.isDestroyed()) return false;
    window.webContents.send(channel, ...args);
    return true;
  }

  private fullscreenOnSecondDisplay(window: W): void {
    const facilitator = this.facilitator();
    const home = facilitator ? this.deps.screens.nearest(facilitator.getBounds()) : this.deps.screens.primary();
    const target = pickRoomDisplay(this.deps.screens.all(), home.id);
    if (target) window.setBounds(target.display.workArea);
    window.setFullScreen(true);
  }

  private create(route: WindowRoute, context: WindowContext): W {
    const remembered = this.deps.remembered.get(route.kind);
    const bounds = clampBounds(remembered?.bounds, this.deps.screens.all(), this.deps.screens.primary(), DEFAULT_SIZE[route.kind]);
    const window = this.deps.createWindow({
      ...bounds,
      minWidth: 480,
      minHeight: 360,
      show: false,
      title: route.kind === 'facilitator' ? this.deps.title : `${this.deps.title}: ${route.kind === 'room' ? 'room screen' : `seat ${route.role}`}`,
      backgroundColor: '#111318',
      ...(this.deps.icon ? { icon: this.deps.icon } : {}),
      webPreferences: webPreferencesFor(route.kind, this.deps.preloadPath),
    });
    const id = window.webContents.id;
    this.contexts.set(id, context);
    guardContents(window.webContents, this.deps.openExternal, (asked) => {
      // Only the facilitator's window may open other windows.
      if (this.contexts.get(id)?.kind !== 'facilitator') return;
      if (asked.kind === 'room') this.openRoomScreen(asked.sessionId, true);
      else this.openSeat(asked.sessionId, asked.role);
    });
    window.once('ready-to-show', () => {
      if (remembered?.maximized) window.maximize();
      window.show();
    });
    window.on('close', () => {
      if (!window.isDestroyed()) this.deps.remembered.set(route.kind, { bounds: window.getBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => this.contexts.delete(id));
    void window.webContents.loadURL(`${APP_ENTRY}${hashFor(route)}`);
    return window;
  }
}

function reveal<W extends AppWindow>(window: W): W {
  window.show();
  window.focus();
  return window;
}
