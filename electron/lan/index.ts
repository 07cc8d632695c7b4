// electron/lan: browser mode and participants on their own devices.
export { LanServer, DEFAULT_LIMITS, DEFAULT_STATIC_DIR, type LanLimits, type LanServerOptions } from './server.ts';
export { CLOSE, type LobbyInfo, type SocketScope } from './wire.ts';
export { listenChoices, type ListenChoice } from './addresses.ts';
export { ensureRendererBuilt, rendererBuildState } from './renderer-build.ts';
