// A stand-in for ONLY the `desktop` part of the preload object (the electron module cannot run
// here). Each verb does what the main process does for it (electron/main/register-ipc.ts), over
// the same real bridge the rest of the page uses; the test decides what the file dialogs pick.
import { expect } from 'vitest';
import { ok, type Bridge, type BridgeResult, type SessionDetail } from '../../core/protocol/bridge.ts';
import { DESKTOP_API_KEY, type DesktopApi, type DesktopVerbs, type WindowContext } from '../../core/protocol/desktop.ts';
import type { AppService } from '../../core/service/app-service.ts';
import { selectBridge } from '../../renderer/bridge/select.ts';
import type { LobbyService } from '../../electron/lan/lobby-service.ts';
import { fakeJoiningVerbs } from './fake-joining.ts';
import { renderApp, type Harness } from './harness.tsx';

export interface FakeDesktop extends DesktopVerbs {
  /** Who this window is, as the main process registered it. */
  context: WindowContext;
  /** Every verb the page called, with its argument. */
  readonly calls: { verb: string; params?: unknown }[];
  /** What the open dialog picks next for Import Scenario; null: the facilitator closes it. */
  pickScenario: { fileName: string; text: string } | null;
  /** Where the save dialog saves; null: the facilitator closes it. */
  saveFolder: string | null;
  /** The main process's answer to Open Session Bundle. */
  bundleAnswer: BridgeResult<SessionDetail | null>;
  /** The app menu chooses an item. */
  menu(name: string): void;
  menuListeners(): number;
  /** Stops the LAN server the joining verbs may have started (see fake-joining.ts). */
  closeJoining(): Promise<void>;
  /** The main process's lobby service itself (what the facilitator's window turns on). */
  joining: LobbyService;
}

export function createFakeDesktop(bridge: Bridge, service: AppService): FakeDesktop {
  const listeners = new Set<(name: string) => void>();
  const { joining, ...joiningVerbs } = fakeJoiningVerbs(service, () => fake.context, (verb, params) => void fake.calls.push({ verb, params }));
  const fake: FakeDesktop = {
    ...joiningVerbs,
    closeJoining: () => joining.close(),
    joining,
    context: { kind: 'facilitator', role: null, sessionId: null },
    calls: [],
    pickScenario: null,
    saveFolder: '/home/fran/Documents',
    bundleAnswer: ok(null),
    menu(name) {
      for (const listener of listeners) listener(name);
    },
    menuListeners: () => listeners.size,
    async windowContext() {
      fake.calls.push({ verb: 'windowContext' });
      return ok(fake.context);
    },
    async recoveredSessions() {
      fake.calls.push({ verb: 'recoveredSessions' });
      return ok([]);
    },
    async importScenario() {
      fake.calls.push({ verb: 'importScenario' });
      return fake.pickScenario === null ? ok(null) : bridge.request('library.import', fake.pickScenario);
    },
    async exportReport(params) {
      fake.calls.push({ verb: 'exportReport', params });
      const report = await bridge.request('report.export', params);
      if (!report.ok) return report;
      return fake.saveFolder === null ? ok(null) : ok({ path: `${fake.saveFolder}/${report.value.fileName}` });
    },
    async exportGuide(params) {
      fake.calls.push({ verb: 'exportGuide', params });
      const guide = await bridge.request('library.guide', params);
      if (!guide.ok) return guide;
      return fake.saveFolder === null ? ok(null) : ok({ path: `${fake.saveFolder}/${guide.value.fileName}` });
    },
    async openBundle() {
      fake.calls.push({ verb: 'openBundle' });
      return fake.bundleAnswer;
    },
    async openSeat(params) {
      fake.calls.push({ verb: 'openSeat', params });
      return ok(null);
    },
    async openRoomScreen(params) {
      fake.calls.push({ verb: 'openRoomScreen', params });
      return ok(null);
    },
    async openExternal(url) {
      fake.calls.push({ verb: 'openExternal', params: url });
      return ok(null);
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return fake;
}

/** The object the preload would expose: the real bridge's methods and the fake desktop verbs. */
export function exposedApi(bridge: Bridge, desktop: DesktopVerbs): DesktopApi {
  return {
    request: (method, params) => bridge.request(method, params),
    subscribe: (params, listener) => bridge.subscribe(params, listener),
    onConnection: (listener) => bridge.onConnection(listener),
    desktop,
  };
}

/**
 * Renders the app as a desktop window does: the fake desktop beside the real bridge is exposed
 * under the preload's global name, and selectBridge picks both up. The caller deletes the global.
 */
export async function renderDesktop(h: Harness, hash: string, setUp: (fake: FakeDesktop) => void = () => undefined): Promise<FakeDesktop & { unmount(): void }> {
  const fake = createFakeDesktop(h.bridge, h.service);
  setUp(fake);
  window[DESKTOP_API_KEY] = exposedApi(h.bridge, fake);
  const selected = await selectBridge();
  expect(selected.desktop).toBe(fake);
  const { unmount } = renderApp(h, hash, { bridge: selected.bridge, desktop: selected.desktop });
  return Object.assign(fake, { unmount });
}
