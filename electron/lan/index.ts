// electron/lan: browser mode and participants on their own devices.
export { LanServer, DEFAULT_LIMITS, DEFAULT_STATIC_DIR, type LanLimits, type LanServerOptions } from './server.ts';
export { CLOSE, type SocketScope } from '../../core/protocol/wire.ts';
export type { LobbyInfo } from '../../core/protocol/lobby.ts';
export { listenChoices, type ListenChoice } from './addresses.ts';
export { LobbyService, DEFAULT_JOIN_PORT, type LobbyServiceOptions } from './lobby-service.ts';
export { ensureRendererBuilt, rendererBuildState } from './renderer-build.ts';
