// Sessions: which scenario text, who facilitates, who sits at which role, and where the session
// stands. The status columns are a summary kept beside the event log for listings; the log is
// the truth (see electron/host for how they are kept in step).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../open.ts';
import { StoreError } from '../errors.ts';
import { translateWriteError } from '../sqlite-errors.ts';

export const SESSION_STATUSES = ['setup', 'running', 'paused', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type SessionKind = 'live' | 'simulation';
export type Seating = 'hot-seat' | 'own-devices';

export interface Seat {
  role: string;
  participant: string;
}

export interface StoredSession {
  id: string;
  /** Row id of the scenario text in `scenarios`. */
  scenario: number;
  kind: SessionKind;
  facilitator: string;
  status: SessionStatus;
  seats: Seat[];
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** The library entry it was started from (the application service's sessions). */
  entryId: string | null;
  roomScreen: boolean;
  seating: Seating;
}

export interface CreateSession {
  scenario: number;
  facilitator: string;
  seats?: Seat[];
  kind?: SessionKind;
  /** Default: 16 random URL-safe characters. */
  id?: string;
  createdAt?: number;
  entryId?: string | null;
  roomScreen?: boolean;
  seating?: Seating;
}

const rowSchema = z.object({
  id: z.string(),
  scenario: z.number().int(),
  kind: z.enum(['live', 'simulation']),
  facilitator: z.string(),
  status: z.enum(SESSION_STATUSES),
  created_at: z.number().int(),
  started_at: z.number().int().nullable(),
  ended_at: z.number().int().nullable(),
  entry_id: z.string().nullable(),
  room_screen: z.union([z.literal(0), z.literal(1)]),
  seating: z.enum(['hot-seat', 'own-devices']),
});
const seatSchema = z.object({ role: z.string(), participant: z.string() });

/** A random, URL-safe session id (96 bits). */
export function newSessionId(): string {
  return randomBytes(12).toString('base64url');
}

export function sessionQueries(db: Db, path: string) {
  const insert = db.prepare(
    "INSERT INTO sessions (id, scenario, kind, facilitator, status, created_at, entry_id, room_screen, seating) VALUES (?, ?, ?, ?, 'setup', ?, ?, ?, ?)",
  );
  const insertSeat = db.prepare('INSERT OR IGNORE INTO seats (session, role, participant, position) VALUES (?, ?, ?, ?)');
  const deleteSeats = db.prepare('DELETE FROM seats WHERE session = ?');
  const selectOne = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const selectAll = db.prepare('SELECT * FROM sessions ORDER BY created_at, id');
  const selectSeats = db.prepare('SELECT role, participant FROM seats WHERE session = ? ORDER BY position');
  const updateRoom = db.prepare('UPDATE sessions SET entry_id = ?, room_screen = ?, seating = ? WHERE id = ?');
  const updateFacilitator = db.prepare('UPDATE sessions SET facilitator = ? WHERE id = ?');
  const updateStatus = db.prepare(
    `UPDATE sessions SET status = ?,
       started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) ELSE started_at END,
       ended_at = CASE WHEN ? = 'ended' THEN coalesce(ended_at, ?) ELSE ended_at END
     WHERE id = ?`,
  );

  const seatsOf = (id: string): Seat[] => selectSeats.all(id).map((raw) => seatSchema.parse(raw));
  const fromRow = (raw: unknown): StoredSession => {
    const r = rowSchema.parse(raw);
    return {
      id: r.id,
      scenario: r.scenario,
      kind: r.kind,
      facilitator: r.facilitator,
      status: r.status,
      seats: seatsOf(r.id),
      createdAt: r.created_at,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      entryId: r.entry_id,
      roomScreen: r.room_screen === 1,
      seating: r.seating,
    };
  };
  const writeSeats = (id: string, seats: readonly Seat[]): void => {
    deleteSeats.run(id);
    seats.forEach((seat, i) => insertSeat.run(id, seat.role, seat.participant, i));
  };

  const get = (id: string): StoredSession => {
    const row = selectOne.get(id);
    if (row === undefined) throw new StoreError('not-found', `There is no session ${id} in ${path}. Run \`drillbook sessions ${path}\` to list them.`, { path });
    return fromRow(row);
  };

  const createTx = db.transaction((input: CreateSession, id: string) => {
    insert.run(id, input.scenario, input.kind ?? 'live', input.facilitator, input.createdAt ?? Date.now(), input.entryId ?? null, input.roomScreen ? 1 : 0, input.seating ?? 'hot-seat');
    writeSeats(id, input.seats ?? []);
  });
  const seatsTx = db.transaction(writeSeats);
  const headerTx = db.transaction((id: string, facilitator: string, seats: readonly Seat[]) => {
    if (updateFacilitator.run(facilitator, id).changes === 0) throw new StoreError('not-found', `There is no session ${id} in ${path}.`, { path });
    writeSeats(id, seats);
  });

  return {
    create(input: CreateSession): StoredSession {
      const id = input.id ?? newSessionId();
      try {
        createTx.immediate(input, id);
      } catch (error) {
        translateWriteError(error, { path, what: 'The new session', savedUpTo: 'the last saved change' });
      }
      return get(id);
    },
    get,
    find(id: string): StoredSession | undefined {
      const row = selectOne.get(id);
      return row === undefined ? undefined : fromRow(row);
    },
    list(): StoredSession[] {
      return selectAll.all().map(fromRow);
    },
    setSeats(id: string, seats: readonly Seat[]): void {
      try {
        seatsTx.immediate(id, seats);
      } catch (error) {
        translateWriteError(error, { path, what: `The seats of session ${id}`, savedUpTo: 'the last saved change' });
      }
    },
    /** Records how the room plays the session (the application service's session record). */
    setRoom(id: string, room: { entryId: string | null; roomScreen: boolean; seating: Seating }): void {
      let changes: number;
      try {
        changes = updateRoom.run(room.entryId, room.roomScreen ? 1 : 0, room.seating, id).changes;
      } catch (error) {
        translateWriteError(error, { path, what: `The settings of session ${id}`, savedUpTo: 'the last saved change' });
      }
      if (changes === 0) throw new StoreError('not-found', `There is no session ${id} in ${path}.`, { path });
    },
    /** Records who facilitates and who sits where (the session header). */
    setHeader(id: string, facilitator: string, seats: readonly Seat[]): void {
      try {
        headerTx.immediate(id, facilitator, seats);
      } catch (error) {
        translateWriteError(error, { path, what: `The seating of session ${id}`, savedUpTo: 'the last saved change' });
      }
    },
    /** Records where the session stands; the first `running` sets started_at, `ended` sets ended_at. */
    setStatus(id: string, status: SessionStatus, at: number = Date.now()): void {
      let changes: number;
      try {
        changes = updateStatus.run(status, status, at, status, at, id).changes;
      } catch (error) {
        translateWriteError(error, { path, what: `The status of session ${id}`, savedUpTo: 'the last saved change' });
      }
      if (changes === 0) throw new StoreError('not-found', `There is no session ${id} in ${path}.`, { path });
    },
  };
}

export type SessionQueries = ReturnType<typeof sessionQueries>;
