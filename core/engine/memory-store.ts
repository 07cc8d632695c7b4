// An in-memory EventStore with the same contract as the SQLite one: append-only, all or none,
// dense seq per session. Tests and the simulator use it; `failNext` lets a test make it throw.

import type { EventStore, SessionEvent } from './event.ts';

export class MemoryEventStore implements EventStore {
  private sessions = new Map<string, SessionEvent[]>();
  /** When set, the next append throws this error (once) and writes nothing. */
  failNext: Error | null = null;

  append(sessionId: string, events: readonly SessionEvent[]): void {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const log = this.sessions.get(sessionId) ?? [];
    let expected = log.length + 1;
    for (const event of events) {
      if (event.seq !== expected) throw new Error(`Event ${event.seq} of session ${sessionId} is out of sequence; expected ${expected}.`);
      expected++;
    }
    // Stored as copies, so a caller changing its objects afterwards cannot rewrite history.
    for (const event of events) log.push(structuredClone(event));
    this.sessions.set(sessionId, log);
  }

  load(sessionId: string): SessionEvent[] {
    return (this.sessions.get(sessionId) ?? []).map((e) => structuredClone(e));
  }
}
