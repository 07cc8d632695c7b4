// The envelope of a session event and the store contract. The engine (core/engine) defines the
// event types and their payloads; a store (in-memory here, SQLite in electron/store) keeps the
// envelopes append-only and never looks inside the payload.

/** Who caused an event: the facilitator, a role (`role:ic`), or the system (scheduler, host). */
export type Actor = 'facilitator' | 'system' | `role:${string}`;

export interface SessionEvent<T extends string = string, P = unknown> {
  /** 1-based, dense, per session. */
  seq: number;
  /** Exercise time in milliseconds. */
  at: number;
  /** Wall-clock time in epoch milliseconds (informational; never used for exercise time). */
  wall: number;
  actor: Actor;
  type: T;
  payload: P;
}

/**
 * Durable, append-only storage of one session's events. Synchronous on purpose: a command is
 * acknowledged only after `append` returns, and a SQLite transaction is synchronous.
 */
export interface EventStore {
  /**
   * Commits the events of one session, all or none, in order. Throws (a StoreError with a message
   * for the user) when they could not be committed; then nothing of them was written.
   */
  append(sessionId: string, events: readonly SessionEvent[]): void;
  /** Every event of the session, in seq order. */
  load(sessionId: string): SessionEvent[];
  /**
   * Optional: a cheap note of where the exercise clock stood, kept outside the log and overwritten
   * every few seconds while a session runs, so that recovery after a crash loses at most those
   * seconds instead of everything since the last event. Never part of the session's story.
   */
  saveClock?(sessionId: string, checkpoint: ClockCheckpoint): void;
  /** The session's last clock note, or null. */
  loadClock?(sessionId: string): ClockCheckpoint | null;
}

export interface ClockCheckpoint {
  /** Exercise time in ms. */
  at: number;
  /** The seq of the last event when the note was taken. */
  seq: number;
  /** Wall-clock epoch ms (informational). */
  wall: number;
}
