// electron/host: the one live path (ServiceHost: the application service on the SQLite data file,
// on real time) and its parts.
export { ServiceHost, type ServiceHostOptions, newServiceId, readShippedPlays, readShippedScenarios } from './service-host.ts';
export { RealTimers, type RealTimersOptions } from './real-timers.ts';
export { ClockWatch, type ClockJump, type ClockWatchOptions } from './clock-watch.ts';
export { nodePushScheduler } from './push-scheduler.ts';
export { scenarioOfSession } from './scenario-copy.ts';
export { rescoreSession } from './rescore.ts';
