// electron/host: live sessions on real time over the SQLite store.
export { Host, type HostOptions, type NewSession } from './host.ts';
export { LiveSession, type LiveSessionOptions } from './live-session.ts';
export { RealTimers, type RealTimersOptions } from './real-timers.ts';
export { ClockWatch, type ClockJump, type ClockWatchOptions } from './clock-watch.ts';
export { scenarioOfSession } from './scenario-copy.ts';
export { rescoreSession } from './rescore.ts';
export { ViewPusher, type ViewSource } from './view-pusher.ts';
