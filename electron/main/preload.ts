// The preload of the facilitator, room and seat windows. It runs sandboxed with context isolation
// and hands the page one frozen object: the Bridge over IPC. The page never sees ipcRenderer nor an
// IPC event object; listeners get plain data only.
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeUpdate, ConnectionState } from '../../core/protocol/bridge.ts';
import { INVOKE, PUSH } from './channels.ts';
import { DESKTOP_API_KEY, type DesktopApi } from '../../core/protocol/desktop.ts';

/** The slice of ipcRenderer the API needs (a test passes a recording fake). */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createDesktopApi(ipc: PreloadIpc): DesktopApi {
  // The main process answers every invoke with a BridgeResult (see ipc.ts), so the cast below is
  // the one trusted edge: main is ours, the page is not.
  const call = <T>(channel: string, ...args: unknown[]): Promise<T> => ipc.invoke(channel, ...args) as Promise<T>;

  const listen = (channel: string, deliver: (...args: unknown[]) => void): (() => void) => {
    const handler = (_event: unknown, ...args: unknown[]): void => deliver(...args);
    ipc.on(channel, handler);
    return () => void ipc.removeListener(channel, handler);
  };

  let nextSubscription = 0;

  const api = {
    request: (method, params) => call(INVOKE.request, method, params),
    subscribe(params, listener) {
      nextSubscription += 1;
      const id = `s${nextSubscription}`;
      const stop = listen(PUSH.update, (subscriptionId, update) => {
        if (subscriptionId === id) listener(update as BridgeUpdate);
      });
      void call<{ ok: boolean; error?: { code: string; message: string } }>(INVOKE.subscribe, id, params).then((answer) => {
        if (!answer.ok && answer.error) {
          listener({ kind: 'error', sessionId: params.sessionId, audience: params.audience, error: answer.error });
        }
      });
      return () => {
        stop();
        void call(INVOKE.unsubscribe, id);
      };
    },
    onConnection(listener: (state: ConnectionState) => void) {
      // IPC to the own main process cannot drop; the state is constant.
      listener('connected');
      return () => undefined;
    },
    desktop: {
      windowContext: () => call(INVOKE.windowContext),
      recoveredSessions: () => call(INVOKE.recoveredSessions),
      importScenario: () => call(INVOKE.importScenario),
      exportReport: (params) => call(INVOKE.exportReport, params),
      exportGuide: (params) => call(INVOKE.exportGuide, params),
      openBundle: () => call(INVOKE.openBundle),
      openSeat: (params) => call(INVOKE.openSeat, params),
      openRoomScreen: (params) => call(INVOKE.openRoomScreen, params),
      openExternal: (url) => call(INVOKE.openExternal, url),
      onMenuCommand: (listener) =>
        listen(PUSH.menuCommand, (name) => {
          if (typeof name === 'string') listener(name);
        }),
      lobby: (method, params) => call(INVOKE.lobby, method, params),
    },
  } satisfies DesktopApi;
  return api;
}

/** Freezes the API and its nested object so the page cannot swap a method for another. */
export function freezeApi(api: DesktopApi): Readonly<DesktopApi> {
  Object.freeze(api.desktop);
  return Object.freeze(api);
}

// Only when loaded as a preload (contextBridge exists there; under the test's mock it is a spy).
if (typeof contextBridge?.exposeInMainWorld === 'function') {
  contextBridge.exposeInMainWorld(DESKTOP_API_KEY, freezeApi(createDesktopApi(ipcRenderer)));
}
