// Who may join which session: one lobby per session with a six-digit join code, the participants
// (devices) who joined with it, the seats each holds, and their tokens. A role is held by one device
// at a time (the room screen by any number). A token is 256 random bits; only its SHA-256 is kept, so
// looking one up does not compare secrets byte by byte. Removing a participant kills the token.
// With a `LobbyPersistence` (the data file's lobby tables, electron/store) every change is written
// before it takes effect and the lobbies are loaded back at start, so a restarted server keeps the
// codes and takes every device back with the token it already holds.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { JoinSurge, LobbyParticipant, LobbyState, SeatAudience, SeatRequest } from '../../core/protocol/lobby.ts';

export type { JoinSurge, LobbyState, SeatAudience };
/** One device in a lobby, holding one or more seats (core/protocol/lobby.ts). */
export type Participant = LobbyParticipant;

interface Lobby {
  sessionId: string;
  code: string;
  locked: boolean;
  /** Token hash -> participant. */
  members: Map<string, Participant>;
  /** Participant id -> the address it joined from. */
  addressOf: Map<string, string>;
  /** Wall ms of recent joins and refusals (the last minute's are kept). */
  joins: number[];
  refusals: number[];
  /** Requests for a seat another device holds, waiting for the facilitator, by request id. */
  requests: Map<string, SeatRequestRecord>;
}

interface SeatRequestRecord extends SeatRequest {
  address: string | undefined;
  /** null while pending; then refused, or the seat given (its token handed out once). */
  outcome: null | 'refused' | { token: string; participant: Participant };
}

export type SeatRequestOutcome = 'pending' | 'refused' | { token: string; participant: Participant };

/** More people than any room holds: past this a lobby is full (a runaway script, not a team). */
export const MAX_LOBBY_MEMBERS = 150;
/** Devices one network address may join to one lobby (a laptop with a few browsers or tabs). */
export const MAX_DEVICES_PER_ADDRESS = 6;
/** Joins in a minute past which the facilitator is shown a surge. */
export const SURGE_JOINS_PER_MINUTE = 20;
/** Seat requests waiting for the facilitator at once, per lobby; past this, more are refused. */
export const MAX_SEAT_REQUESTS = 20;
/** A seat request the facilitator has not answered is forgotten after this long. */
export const SEAT_REQUEST_TTL_MS = 10 * 60_000;

export interface LobbyLimits {
  members: number;
  devicesPerAddress: number;
  surgeJoinsPerMinute: number;
}

export const DEFAULT_LOBBY_LIMITS: LobbyLimits = { members: MAX_LOBBY_MEMBERS, devicesPerAddress: MAX_DEVICES_PER_ADDRESS, surgeJoinsPerMinute: SURGE_JOINS_PER_MINUTE };

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A member as persisted: the participant, its token's SHA-256, and the address it joined from. */
export interface PersistedMember extends Participant {
  tokenHash: string;
  address: string | null;
}

export interface PersistedLobby {
  sessionId: string;
  code: string;
  locked: boolean;
  members: PersistedMember[];
}

/**
 * Where lobbies outlive the process (electron/store's lobby queries have this shape). Each write
 * happens before the change is made in memory: when it throws, nothing changed.
 */
export interface LobbyPersistence {
  load(): PersistedLobby[];
  /** A lobby opened, or its lock changed. */
  saveLobby(lobby: { sessionId: string; code: string; locked: boolean }): void;
  /** A lobby closed: its members go with it. */
  deleteLobby(sessionId: string): void;
  saveMember(member: PersistedMember): void;
  removeMember(sessionId: string, participantId: string): void;
}

export class Lobbies {
  private readonly bySession = new Map<string, Lobby>();
  private readonly byCode = new Map<string, Lobby>();

  private readonly limits: LobbyLimits;

  constructor(private readonly wall: () => number = () => Date.now(), limits: Partial<LobbyLimits> = {}, private readonly persistence?: LobbyPersistence) {
    this.limits = { ...DEFAULT_LOBBY_LIMITS, ...limits };
    for (const stored of persistence?.load() ?? []) {
      const lobby: Lobby = { sessionId: stored.sessionId, code: stored.code, locked: stored.locked, members: new Map(), addressOf: new Map(), joins: [], refusals: [], requests: new Map() };
      for (const { tokenHash, address, ...participant } of stored.members) {
        lobby.members.set(tokenHash, { id: participant.id, sessionId: stored.sessionId, name: participant.name, audiences: [...participant.audiences], joinedAt: participant.joinedAt });
        if (address !== null) lobby.addressOf.set(participant.id, address);
      }
      this.bySession.set(lobby.sessionId, lobby);
      this.byCode.set(lobby.code, lobby);
    }
  }

  /** Lobbies open now. */
  get count(): number {
    return this.bySession.size;
  }

  /** Opens the session's lobby (or returns the open one) with a fresh code. */
  open(sessionId: string): LobbyState {
    const existing = this.bySession.get(sessionId);
    if (existing) return this.state(existing);
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (this.byCode.has(code));
    this.persistence?.saveLobby({ sessionId, code, locked: false });
    const lobby: Lobby = { sessionId, code, locked: false, members: new Map(), addressOf: new Map(), joins: [], refusals: [], requests: new Map() };
    this.bySession.set(sessionId, lobby);
    this.byCode.set(code, lobby);
    return this.state(lobby);
  }

  /** Closes the lobby: the code stops working and every participant's token dies. Returns them. */
  close(sessionId: string): Participant[] {
    const lobby = this.bySession.get(sessionId);
    if (!lobby) return [];
    this.persistence?.deleteLobby(sessionId);
    this.bySession.delete(sessionId);
    this.byCode.delete(lobby.code);
    return [...lobby.members.values()];
  }

  setLocked(sessionId: string, locked: boolean): LobbyState | null {
    const lobby = this.bySession.get(sessionId);
    if (!lobby) return null;
    if (lobby.locked !== locked) this.persistence?.saveLobby({ sessionId, code: lobby.code, locked });
    lobby.locked = locked;
    return this.state(lobby);
  }

  get(sessionId: string): LobbyState | null {
    const lobby = this.bySession.get(sessionId);
    return lobby ? this.state(lobby) : null;
  }

  /** Every open lobby. */
  list(): LobbyState[] {
    return [...this.bySession.values()].map((lobby) => this.state(lobby));
  }

  /** The open lobby of a code, or null (unknown code). */
  byJoinCode(code: string): LobbyState | null {
    const lobby = this.byCode.get(code);
    return lobby ? this.state(lobby) : null;
  }

  private devicesFrom(lobby: Lobby, address: string): number {
    let n = 0;
    for (const a of lobby.addressOf.values()) if (a === address) n++;
    return n;
  }

  /** The device holding a role seat of this lobby, if any ('room' is never held). */
  private holderOf(lobby: Lobby, audience: SeatAudience): Participant | undefined {
    if (audience === 'room') return undefined;
    for (const p of lobby.members.values()) if (p.audiences.includes(audience)) return p;
    return undefined;
  }

  /**
   * Adds a device holding `seats` to the lobby of `code` from `address` (the device's network
   * address); returns the token to reconnect with. A role another device holds is refused
   * ('held', naming the holder): the facilitator removes that device first.
   */
  join(code: string, name: string, seats: SeatAudience | readonly SeatAudience[], address?: string):
    | { token: string; participant: Participant }
    | { error: 'unknown-code' | 'locked' | 'full' | 'address-full' }
    | { error: 'held'; seat: SeatAudience; heldBy: string } {
    const lobby = this.byCode.get(code);
    if (!lobby) return { error: 'unknown-code' };
    if (lobby.locked) return { error: 'locked' };
    const audiences = [...new Set(typeof seats === 'string' ? [seats] : seats)];
    if (audiences.length === 0) throw new Error('A device joins with at least one seat.');
    for (const seat of audiences) {
      const holder = this.holderOf(lobby, seat);
      if (holder) return { error: 'held', seat, heldBy: holder.name };
    }
    const now = this.wall();
    const refuse = (error: 'full' | 'address-full') => {
      lobby.refusals.push(now);
      return { error };
    };
    if (lobby.members.size >= this.limits.members) return refuse('full');
    if (address !== undefined && this.devicesFrom(lobby, address) >= this.limits.devicesPerAddress) return refuse('address-full');
    return this.add(lobby, name, audiences, address);
  }

  private add(lobby: Lobby, name: string, audiences: SeatAudience[], address: string | undefined): { token: string; participant: Participant } {
    const now = this.wall();
    const token = randomBytes(32).toString('base64url');
    const participant: Participant = { id: randomBytes(8).toString('hex'), sessionId: lobby.sessionId, name, audiences, joinedAt: now };
    const tokenHash = hash(token);
    this.persistence?.saveMember({ ...participant, tokenHash, address: address ?? null });
    lobby.members.set(tokenHash, participant);
    if (address !== undefined) lobby.addressOf.set(participant.id, address);
    lobby.joins.push(now);
    return { token, participant };
  }

  /**
   * Asks the facilitator for a role another device holds. Returns the request's id: 128 random
   * bits, which the asking device alone knows (besides the facilitator), to learn the answer with.
   */
  requestSeat(code: string, name: string, seat: SeatAudience, address?: string):
    | { requestId: string }
    | { error: 'unknown-code' | 'locked' | 'not-held' | 'too-many' } {
    const lobby = this.byCode.get(code);
    if (!lobby) return { error: 'unknown-code' };
    if (lobby.locked) return { error: 'locked' };
    const holder = this.holderOf(lobby, seat);
    if (!holder) return { error: 'not-held' };
    this.prune(lobby);
    if ([...lobby.requests.values()].filter((r) => r.outcome === null).length >= MAX_SEAT_REQUESTS) {
      lobby.refusals.push(this.wall());
      return { error: 'too-many' };
    }
    const id = randomBytes(16).toString('base64url');
    lobby.requests.set(id, { id, name, seat, heldBy: holder.name, requestedAt: this.wall(), address, outcome: null });
    return { requestId: id };
  }

  /**
   * The facilitator answers a seat request. Allowed: the device holding the seat leaves the lobby
   * (returned, so that its sockets close) and the asking device gets the seat.
   */
  decideSeat(sessionId: string, requestId: string, allow: boolean): { replaced: Participant | undefined } | { error: 'unknown' } {
    const lobby = this.bySession.get(sessionId);
    const request = lobby?.requests.get(requestId);
    if (!lobby || !request || request.outcome !== null) return { error: 'unknown' };
    if (!allow) {
      request.outcome = 'refused';
      return { replaced: undefined };
    }
    const holder = this.holderOf(lobby, request.seat);
    const replaced = holder ? this.remove(sessionId, holder.id) : undefined;
    request.outcome = this.add(lobby, request.name, [request.seat], request.address);
    return { replaced };
  }

  /** What became of a seat request; a given seat's token is handed out once. Undefined: unknown. */
  seatRequestOutcome(requestId: string): SeatRequestOutcome | undefined {
    for (const lobby of this.bySession.values()) {
      const request = lobby.requests.get(requestId);
      if (!request) continue;
      if (request.outcome === null) return 'pending';
      lobby.requests.delete(requestId);
      return request.outcome;
    }
    return undefined;
  }

  private prune(lobby: Lobby): void {
    const before = this.wall() - SEAT_REQUEST_TTL_MS;
    for (const [id, r] of lobby.requests) if (r.requestedAt < before) lobby.requests.delete(id);
  }

  private surge(lobby: Lobby): JoinSurge | null {
    const since = this.wall() - 60_000;
    lobby.joins = lobby.joins.filter((t) => t > since);
    lobby.refusals = lobby.refusals.filter((t) => t > since);
    if (lobby.joins.length < this.limits.surgeJoinsPerMinute && lobby.refusals.length === 0) return null;
    const counts = new Map<string, number>();
    for (const a of lobby.addressOf.values()) counts.set(a, (counts.get(a) ?? 0) + 1);
    let busiest: JoinSurge['busiestAddress'] = null;
    for (const [a, devices] of counts) if (!busiest || devices > busiest.devices) busiest = { address: a, devices };
    return { joined: lobby.joins.length, refused: lobby.refusals.length, busiestAddress: busiest };
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
        this.persistence?.removeMember(sessionId, participantId);
        lobby.members.delete(h);
        lobby.addressOf.delete(p.id);
        return p;
      }
    }
    return undefined;
  }

  private state(lobby: Lobby): LobbyState {
    this.prune(lobby);
    const requests = [...lobby.requests.values()].filter((r) => r.outcome === null)
      .map(({ id, name, seat, heldBy, requestedAt }) => ({ id, name, seat, heldBy, requestedAt }));
    return {
      sessionId: lobby.sessionId, code: lobby.code, locked: lobby.locked,
      participants: [...lobby.members.values()].map((p) => ({ ...p, audiences: [...p.audiences] })),
      surge: this.surge(lobby), requests,
    };
  }
}
