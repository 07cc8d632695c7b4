// Who may join which session: one lobby per session with a six-digit join code, the participants
// who joined with it, and their tokens. A token is 256 random bits; only its SHA-256 is kept, so
// looking one up does not compare secrets byte by byte. Removing a participant kills the token.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export type SeatAudience = 'room' | `role:${string}`;

export interface Participant {
  id: string;
  sessionId: string;
  name: string;
  audience: SeatAudience;
  joinedAt: number;
}

export interface LobbyState {
  sessionId: string;
  code: string;
  locked: boolean;
  participants: Participant[];
}

interface Lobby {
  sessionId: string;
  code: string;
  locked: boolean;
  /** Token hash -> participant. */
  members: Map<string, Participant>;
}

/** More people than any room holds: past this a lobby is full (a runaway script, not a team). */
export const MAX_LOBBY_MEMBERS = 300;

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

export class Lobbies {
  private readonly bySession = new Map<string, Lobby>();
  private readonly byCode = new Map<string, Lobby>();

  constructor(private readonly wall: () => number = () => Date.now()) {}

  /** Opens the session's lobby (or returns the open one) with a fresh code. */
  open(sessionId: string): LobbyState {
    const existing = this.bySession.get(sessionId);
    if (existing) return this.state(existing);
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.byCode.has(code));
    const lobby: Lobby = { sessionId, code, locked: false, members: new Map() };
    this.bySession.set(sessionId, lobby);
    this.byCode.set(code, lobby);
    return this.state(lobby);
  }

  /** Closes the lobby: the code stops working and every participant's token dies. Returns them. */
  close(sessionId: string): Participant[] {
    const lobby = this.bySession.get(sessionId);
    if (!lobby) return [];
    this.bySession.delete(sessionId);
    this.byCode.delete(lobby.code);
    return [...lobby.members.values()];
  }

  setLocked(sessionId: string, locked: boolean): LobbyState | null {
    const lobby = this.bySession.get(sessionId);
    if (!lobby) return null;
    lobby.locked = locked;
    return this.state(lobby);
  }

  get(sessionId: string): LobbyState | null {
    const lobby = this.bySession.get(sessionId);
    return lobby ? this.state(lobby) : null;
  }

  /** The open lobby of a code, or null (unknown code). */
  byJoinCode(code: string): LobbyState | null {
    const lobby = this.byCode.get(code);
    return lobby ? this.state(lobby) : null;
  }

  /** Adds a participant to the lobby of `code`; returns the token to reconnect with. */
  join(code: string, name: string, audience: SeatAudience): { token: string; participant: Participant } | { error: 'unknown-code' | 'locked' | 'full' } {
    const lobby = this.byCode.get(code);
    if (!lobby) return { error: 'unknown-code' };
    if (lobby.locked) return { error: 'locked' };
    if (lobby.members.size >= MAX_LOBBY_MEMBERS) return { error: 'full' };
    const token = randomBytes(32).toString('base64url');
    const participant: Participant = { id: randomBytes(8).toString('hex'), sessionId: lobby.sessionId, name, audience, joinedAt: this.wall() };
    lobby.members.set(hash(token), participant);
    return { token, participant };
  }

  /** The participant holding this token, or undefined (unknown, removed, lobby closed). */
  byToken(token: string): Participant | undefined {
    const h = hash(token);
    for (const lobby of this.bySession.values()) {
      const found = lobby.members.get(h);
      if (found) return found;
    }
    return undefined;
  }

  /** Removes a participant: their token dies. Returns them, or undefined when unknown. */
  remove(sessionId: string, participantId: string): Participant | undefined {
    const lobby = this.bySession.get(sessionId);
    if (!lobby) return undefined;
    for (const [h, p] of lobby.members) {
      if (p.id === participantId) {
        lobby.members.delete(h);
        return p;
      }
    }
    return undefined;
  }

  private state(lobby: Lobby): LobbyState {
    return { sessionId: lobby.sessionId, code: lobby.code, locked: lobby.locked, participants: [...lobby.members.values()].map((p) => ({ ...p })) };
  }
}
