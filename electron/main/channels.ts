// The IPC channel names, shared by the preload and the main process so that neither can drift:
// a test checks that main registers exactly the invoke channels the preload calls. No imports here:
// the preload bundle stays a few kilobytes.

/** Renderer -> main requests (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE = {
  /** A Bridge request: (method, params) -> BridgeResult. */
  request: 'drillbook:request',
  /** Start a subscription: (subscriptionId, params) -> BridgeResult<null>. */
  subscribe: 'drillbook:subscribe',
  /** End a subscription: (subscriptionId) -> BridgeResult<null>. */
  unsubscribe: 'drillbook:unsubscribe',
  /** Which window this is (kind, role, session), as the main process registered it. */
  windowContext: 'drillbook:window-context',
  /** Sessions left running when the app last stopped, offered for recovery at start. */
  recoveredSessions: 'drillbook:recovered-sessions',
  /** Pick a scenario file with the open dialog and import it into the library. */
  importScenario: 'drillbook:import-scenario',
  /** Export a report with the save dialog; PDF is printed in a hidden, script-less window. */
  exportReport: 'drillbook:export-report',
  /** Save a scenario's situation manual or facilitator guide with the save dialog; PDF as for reports. */
  exportGuide: 'drillbook:export-guide',
  /** Pick a session bundle (a .drillbook SQLite file) with the open dialog and open it. */
  openBundle: 'drillbook:open-bundle',
  /** Open (or focus) the seat window of one role. */
  openSeat: 'drillbook:open-seat',
  /** Open (or focus) the room screen, fullscreen on a second display when there is one. */
  openRoomScreen: 'drillbook:open-room-screen',
  /** Open an https link from the allowlist in the system browser. */
  openExternal: 'drillbook:open-external',
  /** The lobby controls (core/protocol/lobby.ts LOBBY_REQUESTS): (method, params) -> BridgeResult. */
  lobby: 'drillbook:lobby',
} as const;

/** Main -> renderer pushes (webContents.send / ipcRenderer.on). */
export const PUSH = {
  /** (subscriptionId, BridgeUpdate) */
  update: 'drillbook:update',
  /** (commandName): an app-menu item was chosen; the renderer's command registry performs it. */
  menuCommand: 'drillbook:menu-command',
} as const;

export type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];
export type PushChannel = (typeof PUSH)[keyof typeof PUSH];

export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(INVOKE);
