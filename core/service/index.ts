// The application service behind every Bridge transport.
export { AppService, type AppServiceOptions, type HostExporter, type HostPauseReason } from './app-service.ts';
export { ViewPusher, timerHostScheduler, type PushScheduler, type ViewSource } from './view-pusher.ts';
export { InProcessBridge } from './in-process-bridge.ts';
export { createMemoryStorage } from './memory-storage.ts';
export { contentHash } from './hash.ts';
export type { ServiceStorage, ScenarioStorage, SessionStorage, StoredScenario, StoredSessionRecord } from './storage.ts';
export type { ShippedScenario } from './library.ts';
