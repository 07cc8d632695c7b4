// The engine's public surface. Import from here, not from the files behind it.
export type { Actor, ClockCheckpoint, EventStore, SessionEvent } from './event.ts';
export * from './events.ts';
export * from './commands.ts';
export * from './state.ts';
export { initialState, reduce, applyEvent } from './reduce.ts';
export { decide, actorRole, type Decision } from './decide.ts';
export * from './clock.ts';
export * from './scheduler.ts';
export * from './projections.ts';
export { SessionRuntime, storeErrorMessage, type TimerHost, type RuntimeOptions, type DispatchResult, type Listener } from './runtime.ts';
export { VirtualTimers } from './virtual-time.ts';
export { MemoryEventStore } from './memory-store.ts';
export { recoverRuntime, type RecoverOptions } from './recovery.ts';
export { indexScenario, type ScenarioIndex } from './scenario-index.ts';
