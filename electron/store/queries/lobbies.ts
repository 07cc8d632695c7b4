// The LAN lobbies (who may join which session, with which code) and the facilitator's console key,
// so that a restarted server takes every device back. Tokens are kept as their SHA-256 only: the
// file, its backups and anyone reading them never hold a token a device could be impersonated
// with. The shapes match what electron/lan/lobby.ts asks of a `LobbyPersistence` (the store may
// not import the LAN server; the server takes this module as it is).
import { z } from 'zod';
import type { Db } from '../open.ts';
import { damagedError, translateWriteError } from '../sqlite-errors.ts';

export type StoredAudience = 'room' | `role:${string}`;

export interface StoredLobbyMember {
  /** SHA-256 of the device token, hex. */
  tokenHash: string;
  id: string;
  sessionId: string;
  name: string;
  /** Every seat the device holds ('room', or one or more roles). */
  audiences: StoredAudience[];
  joinedAt: number;
  /** The network address it joined from, when known (the per-address device limit). */
  address: string | null;
}

export interface StoredLobby {
  sessionId: string;
  code: string;
  locked: boolean;
  members: StoredLobbyMember[];
}

const AUDIENCE = /^(room|role:[a-z0-9][a-z0-9-]{0,63})$/;

const lobbyRow = z.object({
  session: z.string().min(1),
  code: z.string().regex(/^\d{6}$/),
  locked: z.union([z.literal(0), z.literal(1)]),
});

const memberRow = z.object({
  token_hash: z.string().regex(/^[0-9a-f]{64}$/),
  id: z.string().min(1),
  session: z.string().min(1),
  name: z.string(),
  audiences: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'the seats are not a JSON list' });
      return z.NEVER;
    }
  }).pipe(z.array(z.string().regex(AUDIENCE).transform((a) => a as StoredAudience)).min(1)),
  address: z.string().nullable(),
  joined_at: z.number(),
});

/** The facilitator console key's row name in lan_keys. */
const FACILITATOR_KEY = 'facilitator';

export function lobbyQueries(db: Db, path: string) {
  const selectLobbies = db.prepare('SELECT session, code, locked FROM lobbies ORDER BY session');
  // In the order they joined, as the registry lists them (two devices can join in the same millisecond).
  const selectMembers = db.prepare('SELECT token_hash, id, session, name, audiences, address, joined_at FROM lobby_members ORDER BY rowid');
  const upsertLobby = db.prepare('INSERT INTO lobbies (session, code, locked) VALUES (?, ?, ?) ON CONFLICT (session) DO UPDATE SET code = excluded.code, locked = excluded.locked');
  const deleteLobby = db.prepare('DELETE FROM lobbies WHERE session = ?');
  const deleteMembersOf = db.prepare('DELETE FROM lobby_members WHERE session = ?');
  const insertMember = db.prepare('INSERT INTO lobby_members (token_hash, id, session, name, audiences, address, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const deleteMember = db.prepare('DELETE FROM lobby_members WHERE session = ? AND id = ?');
  const selectEnded = db.prepare("SELECT l.session FROM lobbies l JOIN sessions s ON s.id = l.session WHERE s.status = 'ended' ORDER BY l.session").pluck();
  const selectKey = db.prepare('SELECT key FROM lan_keys WHERE name = ?').pluck();
  const upsertKey = db.prepare('INSERT INTO lan_keys (name, key) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET key = excluded.key');

  const write = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      return translateWriteError(error, { path, what, savedUpTo: 'the last saved change' });
    }
  };

  return {
    /** Every open lobby with its members. A row that does not parse means a damaged file. */
    load(): StoredLobby[] {
      const lobbies = new Map<string, StoredLobby>();
      for (const raw of selectLobbies.all()) {
        const row = lobbyRow.safeParse(raw);
        if (!row.success) throw damagedError(path, `a lobby row does not read back: ${row.error.issues[0]?.message ?? 'invalid'}`);
        lobbies.set(row.data.session, { sessionId: row.data.session, code: row.data.code, locked: row.data.locked === 1, members: [] });
      }
      for (const raw of selectMembers.all()) {
        const row = memberRow.safeParse(raw);
        if (!row.success) throw damagedError(path, `a lobby member row does not read back: ${row.error.issues[0]?.message ?? 'invalid'}`);
        const m = row.data;
        lobbies.get(m.session)?.members.push({ tokenHash: m.token_hash, id: m.id, sessionId: m.session, name: m.name, audiences: m.audiences, joinedAt: m.joined_at, address: m.address });
      }
      return [...lobbies.values()];
    },
    /** Opens the lobby, or updates its code and lock. */
    saveLobby(lobby: { sessionId: string; code: string; locked: boolean }): void {
      write(`The lobby of session ${lobby.sessionId}`, () => upsertLobby.run(lobby.sessionId, lobby.code, lobby.locked ? 1 : 0));
    },
    /** Closes the lobby: its code and every member's token are gone. */
    deleteLobby(sessionId: string): void {
      write(`Closing the lobby of session ${sessionId}`, () => db.transaction(() => {
        deleteMembersOf.run(sessionId);
        deleteLobby.run(sessionId);
      }).immediate());
    },
    saveMember(member: StoredLobbyMember): void {
      const bad = member.audiences.find((a) => !AUDIENCE.test(a));
      if (member.audiences.length === 0 || bad !== undefined) throw new TypeError(`lobby member ${member.id}: ${bad ?? 'no seat'} is not a seat`);
      write(`${member.name}'s place in the lobby of session ${member.sessionId}`, () =>
        insertMember.run(member.tokenHash, member.id, member.sessionId, member.name, JSON.stringify(member.audiences), member.address, member.joinedAt));
    },
    /** Removes a member: their token no longer works after a restart either. */
    removeMember(sessionId: string, participantId: string): void {
      write(`Removing participant ${participantId} from the lobby of session ${sessionId}`, () => deleteMember.run(sessionId, participantId));
    },
    /**
     * Closes the lobbies of sessions that have ended (a server started again should not keep a
     * finished exercise's code and tokens working for good). Returns their session ids.
     */
    closeEnded(): string[] {
      return write('Closing the lobbies of ended sessions', () => db.transaction(() => {
        const ended = selectEnded.all() as string[];
        for (const sessionId of ended) {
          deleteMembersOf.run(sessionId);
          deleteLobby.run(sessionId);
        }
        return ended;
      }).immediate());
    },
    /** The facilitator console's key, or null before the first serve. */
    facilitatorKey(): string | null {
      const key = selectKey.get(FACILITATOR_KEY);
      return typeof key === 'string' ? key : null;
    },
    saveFacilitatorKey(key: string): void {
      write('The facilitator console key', () => upsertKey.run(FACILITATOR_KEY, key));
    },
  };
}

export type LobbyQueries = ReturnType<typeof lobbyQueries>;
