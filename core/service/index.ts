// The application service behind every Bridge transport.
export { AppService, type AppServiceOptions, type HostExporter, type HostPauseReason } from './app-service.ts';
export { SessionRegistry, DEFAULT_KEEP_AT_REST, type LiveSession } from './session-registry.ts';
export type { Handler, Handlers } from './handlers/types.ts';
export { ViewPusher, timerHostScheduler, type PushScheduler, type ViewSource } from './view-pusher.ts';
export { InProcessBridge } from './in-process-bridge.ts';
export { createMemoryStorage } from './memory-storage.ts';
export { contentHash } from './hash.ts';
export type { ServiceStorage, ScenarioStorage, SessionStorage, StoredScenario, StoredSessionRecord } from './storage.ts';
export type { ShippedScenario } from './library.ts';
