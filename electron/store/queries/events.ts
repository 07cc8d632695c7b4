// The session event log: the SQLite implementation of the engine's EventStore. append() commits
// all of a batch or none of it before returning, so a caller that acknowledges after append()
// returns never acknowledges anything that is not on disk.
import { z } from 'zod';
import type { Actor, ClockCheckpoint, EventStore, SessionEvent } from '../../../core/engine/event.ts';
import type { Db } from '../open.ts';
import { StoreError } from '../errors.ts';
import { isSqliteError, sqliteCode, translateWriteError } from '../sqlite-errors.ts';

const actorSchema = z.custom<Actor>(
  (value) => typeof value === 'string' && (value === 'facilitator' || value === 'system' || /^role:.+/.test(value)),
  { message: "an actor is 'facilitator', 'system' or 'role:<id>'" },
);

const eventSchema = z.object({
  seq: z.number().int().min(1),
  at: z.number().finite().min(0),
  wall: z.number().finite(),
  actor: actorSchema,
  type: z.string().min(1),
  payload: z.unknown(),
});

const rowSchema = z.object({
  seq: z.number().int(),
  at_ms: z.number(),
  wall_ms: z.number(),
  actor: actorSchema,
  type: z.string(),
  payload: z.string(),
});

const clockRowSchema = z.object({ at_ms: z.number().finite().min(0), seq: z.number().int().min(0), wall_ms: z.number() });

export class SqliteEventStore implements EventStore {
  private readonly insert;
  private readonly selectAll;
  private readonly selectLastSeq;
  private readonly appendTx;
  private readonly upsertClock;
  private readonly selectClock;

  /**
   * `project`, if given, runs inside the same transaction as each append: summaries kept beside
   * the log (a session's status, its seats) then never disagree with it, and if it throws, the
   * events are not written either.
   */
  constructor(
    private readonly db: Db,
    private readonly path: string,
    private readonly project?: (sessionId: string, events: readonly SessionEvent[]) => void,
  ) {
    this.insert = db.prepare(
      'INSERT INTO events (session, seq, at_ms, wall_ms, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectAll = db.prepare('SELECT seq, at_ms, wall_ms, actor, type, payload FROM events WHERE session = ? ORDER BY seq');
    this.selectLastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM events WHERE session = ?').pluck();
    this.upsertClock = db.prepare(
      'INSERT INTO clock_checkpoints (session, at_ms, seq, wall_ms) VALUES (?, ?, ?, ?) ON CONFLICT (session) DO UPDATE SET at_ms = excluded.at_ms, seq = excluded.seq, wall_ms = excluded.wall_ms',
    );
    this.selectClock = db.prepare('SELECT at_ms, seq, wall_ms FROM clock_checkpoints WHERE session = ?');
    this.appendTx = db.transaction((sessionId: string, rows: readonly (string | number)[][], events: readonly SessionEvent[]) => {
      for (const row of rows) this.insert.run(sessionId, ...row);
      this.project?.(sessionId, events);
    });
  }

  append(sessionId: string, events: readonly SessionEvent[]): void {
    if (events.length === 0) return;
    const rows = events.map((event) => {
      const e = eventSchema.parse(event);
      const payload = JSON.stringify(e.payload);
      if (payload === undefined) throw new TypeError(`event ${e.seq} (${e.type}): its payload is not JSON`);
      return [e.seq, e.at, e.wall, e.actor, e.type, payload];
    });
    try {
      this.appendTx.immediate(sessionId, rows, events);
    } catch (error) {
      this.fail(error, sessionId, events);
    }
  }

  load(sessionId: string): SessionEvent[] {
    return this.selectAll.all(sessionId).map((raw) => {
      const row = rowSchema.parse(raw);
      return {
        seq: row.seq,
        at: row.at_ms,
        wall: row.wall_ms,
        actor: row.actor,
        type: row.type,
        payload: JSON.parse(row.payload) as unknown,
      };
    });
  }

  /** Overwrites the session's clock note (see EventStore.saveClock); throws a StoreError when it cannot. */
  saveClock(sessionId: string, checkpoint: ClockCheckpoint): void {
    try {
      this.upsertClock.run(sessionId, checkpoint.at, checkpoint.seq, checkpoint.wall);
    } catch (error) {
      translateWriteError(error, { path: this.path, what: `The clock note of session ${sessionId}`, savedUpTo: 'the last saved event' });
    }
  }

  loadClock(sessionId: string): ClockCheckpoint | null {
    const row = clockRowSchema.safeParse(this.selectClock.get(sessionId));
    return row.success ? { at: row.data.at_ms, seq: row.data.seq, wall: row.data.wall_ms } : null;
  }

  /** The seq of the session's last committed event; 0 when it has none. */
  lastSeq(sessionId: string): number {
    return Number(this.selectLastSeq.get(sessionId));
  }

  private fail(thrown: unknown, sessionId: string, events: readonly SessionEvent[]): never {
    // A summary write inside the transaction may already have wrapped the SQLite error; the
    // message should speak of the events, so start again from the SQLite error itself.
    const error = thrown instanceof StoreError && isSqliteError(thrown.cause) ? thrown.cause : thrown;
    const first = events[0];
    const what = events.length === 1 && first ? `Event ${first.seq} (${first.type}) of session ${sessionId}` : `Events ${first?.seq}-${events.at(-1)?.seq} of session ${sessionId}`;
    let last: number | undefined;
    try {
      last = this.lastSeq(sessionId);
    } catch {
      last = undefined;
    }
    const savedUpTo = last === undefined ? 'the last saved event' : last === 0 ? 'the start of the session' : `event ${last} of session ${sessionId}`;
    const code = sqliteCode(error);
    const message = error instanceof Error ? error.message : '';
    if (code === 'SQLITE_CONSTRAINT_TRIGGER' && message.includes('seq out of order')) {
      throw new StoreError(
        'sequence',
        `${what} was not saved: the session's log ends at event ${last ?? '?'}, so the next event must be ${(last ?? 0) + 1}. Another window may be running this session.`,
        { path: this.path, cause: error },
      );
    }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new StoreError('sequence', `${what} was not saved: an event with that number is already recorded.`, { path: this.path, cause: error });
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new StoreError('not-found', `${what} was not saved: there is no session ${sessionId} in ${this.path}.`, { path: this.path, cause: error });
    }
    translateWriteError(error, { path: this.path, what, savedUpTo });
  }
}
