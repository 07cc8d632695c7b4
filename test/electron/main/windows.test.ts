import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));

const { WindowManager } = await import('../../../electron/main/windows.ts');
const { windowRouteOf, hashFor } = await import('../../../electron/main/app-routes.ts');
import type { AppWindow, Screens } from '../../../electron/main/windows.ts';
import type { Bounds, WindowState } from '../../../electron/main/window-state.ts';

let nextId = 10;

class FakeWindow implements AppWindow {
  readonly listeners = new Map<string, (() => void)[]>();
  readonly contentsListeners = new Map<string, (...args: unknown[]) => void>();
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  bounds: Bounds;
  fullScreen = false;
  destroyed = false;
  shown = 0;
  loaded: string[] = [];
  readonly webContents;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 0, height: options.height ?? 0 };
    const id = nextId++;
    this.webContents = {
      id,
      send: vi.fn(),
      on: (name: string, fn: (...args: unknown[]) => void) => void this.contentsListeners.set(name, fn),
      setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => void (this.openHandler = fn),
      loadURL: async (url: string) => void this.loaded.push(url),
      isDestroyed: () => this.destroyed,
    } as unknown as AppWindow['webContents'];
  }
  on(event: string, fn: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: () => void) {
    return this.on(event, fn);
  }
  emit(event: string) {
    for (const fn of this.listeners.get(event) ?? []) fn();
  }
  close() {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
  getBounds() {
    return this.bounds;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  maximize() {}
  setFullScreen(flag: boolean) {
    this.fullScreen = flag;
  }
  setBounds(bounds: Bounds) {
    this.bounds = bounds;
  }
  show() {
    this.shown += 1;
  }
  focus() {}
}

const laptop = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 900 } };
const projector = { id: 2, workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };

function manager(displays = [laptop, projector]) {
  const created: FakeWindow[] = [];
  const remembered = new Map<string, WindowState>();
  const screens: Screens = { all: () => displays, primary: () => laptop, nearest: () => laptop };
  const windows = new WindowManager({
    createWindow: (options) => {
      const w = new FakeWindow(options);
      created.push(w);
      return w;
    },
    preloadPath: '/app/out/main/preload.cjs',
    screens,
    openExternal: () => undefined,
    remembered: { get: (kind) => remembered.get(kind), set: (kind, state) => void remembered.set(kind, state) },
    title: 'Drillbook',
  });
  return { windows, created, remembered };
}

describe('WindowManager', () => {
  it('opens the facilitator window locked down, on the app origin, and records who it is', () => {
    const { windows, created } = manager();
    const w = windows.openFacilitator() as FakeWindow;
    expect(created).toHaveLength(1);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/out/main/preload.cjs' });
    expect(w.loaded).toEqual(['app://drillbook/index.html#/library']);
    expect(windows.contextOf(w.webContents.id)).toEqual({ kind: 'facilitator', role: null, sessionId: null });
    expect(windows.openFacilitator()).toBe(w);
    expect(created).toHaveLength(1);
  });

  it('puts the room screen fullscreen on the display that is not the facilitator’s', () => {
    const { windows } = manager();
    windows.openFacilitator();
    const room = windows.openRoomScreen('s-1', true) as FakeWindow;
    expect(room.bounds).toEqual(projector.workArea);
    expect(room.fullScreen).toBe(true);
    expect(room.loaded).toEqual(['app://drillbook/index.html#/session/s-1/room']);
    expect(windows.contextOf(room.webContents.id)).toEqual({ kind: 'room', role: null, sessionId: 's-1' });
  });

  it('opens one seat window per role and forgets it when closed', () => {
    const { windows, created } = manager();
    const a = windows.openSeat('s-1', 'ic') as FakeWindow;
    expect(windows.openSeat('s-1', 'ic')).toBe(a);
    windows.openSeat('s-1', 'comms');
    expect(created).toHaveLength(2);
    expect(windows.contextOf(a.webContents.id)).toEqual({ kind: 'seat', role: 'ic', sessionId: 's-1' });
    a.close();
    expect(windows.contextOf(a.webContents.id)).toBeUndefined();
    expect(windows.openSeat('s-1', 'ic')).not.toBe(a);
  });

  it('remembers where a window was and reopens it there, clamped to the displays', () => {
    const { windows, remembered } = manager([laptop]);
    const w = windows.openFacilitator() as FakeWindow;
    w.bounds = { x: 200, y: 100, width: 1000, height: 700 };
    w.close();
    expect(remembered.get('facilitator')).toEqual({ bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: false });
    const again = windows.openFacilitator() as FakeWindow;
    expect(again.bounds).toEqual({ x: 200, y: 100, width: 1000, height: 700 });
  });

  it('turns the facilitator page’s window.open of the room screen into the app’s own room window', () => {
    const { windows, created } = manager();
    const w = windows.openFacilitator() as FakeWindow;
    expect(w.openHandler?.({ url: 'app://drillbook/index.html#/session/s-1/room' })).toEqual({ action: 'deny' });
    expect(created).toHaveLength(2);
    expect(windows.contextOf(created[1]!.webContents.id)?.kind).toBe('room');
  });

  it('does not let a seat page open other windows', () => {
    const { windows, created } = manager();
    const seat = windows.openSeat('s-1', 'ic') as FakeWindow;
    expect(seat.openHandler?.({ url: 'app://drillbook/index.html#/session/s-1/seat/comms' })).toEqual({ action: 'deny' });
    expect(created).toHaveLength(1);
  });

  it('sends menu commands to the facilitator window only while it is open', () => {
    const { windows } = manager();
    expect(windows.sendToFacilitator('drillbook:menu-command', 'clock.pause')).toBe(false);
    const w = windows.openFacilitator() as FakeWindow;
    expect(windows.sendToFacilitator('drillbook:menu-command', 'clock.pause')).toBe(true);
    expect(w.webContents.send).toHaveBeenCalledWith('drillbook:menu-command', 'clock.pause');
  });
});

describe('app routes', () => {
  const origin = 'app://drillbook';
  it('round-trips room and seat routes', () => {
    expect(windowRouteOf(`${origin}/index.html${hashFor({ kind: 'room', sessionId: 'a-1' })}`, origin)).toEqual({ kind: 'room', sessionId: 'a-1' });
    expect(windowRouteOf(`${origin}/index.html${hashFor({ kind: 'seat', sessionId: 'a-1', role: 'ic' })}`, origin)).toEqual({ kind: 'seat', sessionId: 'a-1', role: 'ic' });
  });

  it.each([
    'https://evil.example/index.html#/session/a/room',
    'app://drillbook.evil/index.html#/session/a/room',
    'app://drillbook/index.html#/session/a/console',
    'app://drillbook/index.html#/session/..%2F..%2Fx/room',
    'app://drillbook/index.html#/session/a/seat/IC;x',
    'app://drillbook/index.html#/session/a/room/extra',
    'app://drillbook/index.html',
  ])('names no app window for %s', (url) => {
    expect(windowRouteOf(url, origin)).toBeNull();
  });
});
