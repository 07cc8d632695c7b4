// The participants' HTTP API: look at a lobby with its code (which seats there are), join it, and
// check a token. Wrong codes and tokens are counted per address and answered 429 with
// Retry-After once too many came in; a six-digit code cannot be tried through.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppService } from '../../core/service/app-service.ts';
import type { SessionDetail } from '../../core/protocol/bridge.ts';
import {
  JoinRequestSchema, LobbyLookupRequestSchema, SeatAnswerRequestSchema,
  type Joined, type JoinSeat, type LobbyLookup, type LobbySeat, type LobbyState, type SeatAudience,
} from '../../core/protocol/lobby.ts';
import type { Lobbies } from './lobby.ts';
import type { WrongCodes } from './rate-limit.ts';

const MAX_BODY = 4096;

const LOCKED = 'The facilitator has locked the lobby: nobody new can join. Ask them to unlock it.';

export type Seat = JoinSeat;

export interface JoinApiContext {
  service: AppService;
  lobbies: Lobbies;
  /** Wrong codes and tokens, per address and for the whole server. */
  failures: WrongCodes;
  /** Whether this is the facilitator's token, presented from this machine. */
  isFacilitator(token: string, req: IncomingMessage): boolean;
  /** A participant leaves: its token dies and its sockets close. False when the token is unknown. */
  leave(token: string): boolean;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, status: 415, message: 'Send JSON (Content-Type: application/json).' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return { ok: false, status: 413, message: 'The request is too large.' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'The request is not valid JSON.' };
  }
}

/** The session's seats (every role, then the room screen) and who holds each: the lobby panel's list. */
export function lobbySeats(detail: SessionDetail, lobby: LobbyState): LobbySeat[] {
  const holders = (audience: SeatAudience) =>
    lobby.participants.filter((p) => p.audiences.includes(audience)).map((p) => ({ participantId: p.id, name: p.name }));
  const roles: LobbySeat[] = detail.roles.map((r) => {
    const audience = `role:${r.id}` as const;
    return { audience, title: r.title, planned: detail.participants.filter((p) => p.roles.includes(r.id)).map((p) => p.name), holders: holders(audience) };
  });
  return [...roles, { audience: 'room', title: 'Room screen (view only)', planned: [], holders: holders('room') }];
}

/** The seats as the join page lists them: who sits there, and which devices hold them now. */
export function seatsOf(detail: SessionDetail, lobby: LobbyState): Seat[] {
  return lobbySeats(detail, lobby).map((seat) => {
    const heldBy = seat.holders.map((h) => h.name);
    return { audience: seat.audience, title: seat.title, people: [...new Set([...seat.planned, ...heldBy])], heldBy };
  });
}

/**
 * The seats a participant is given when they did not pick one: every role they were given at
 * setup (a person with two roles holds both), else the emptiest role nobody holds yet; none when
 * every role has a device.
 */
export function assignSeats(detail: SessionDetail, seats: Seat[], name: string): SeatAudience[] {
  const wanted = name.trim().toLowerCase();
  const planned = detail.participants.find((p) => p.name.trim().toLowerCase() === wanted);
  if (planned && planned.roles.length > 0) return planned.roles.map((role) => `role:${role}` as const);
  const free = seats.filter((s) => s.audience !== 'room' && s.heldBy.length === 0).sort((a, b) => a.people.length - b.people.length);
  return free[0] ? [free[0].audience] : [];
}

function address(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Answers 429 when this address got too many codes or tokens wrong lately, or (for a request that
 * carries a code) when the whole server did; true when it answered.
 */
export function refuseIfThrottled(req: IncomingMessage, res: ServerResponse, failures: WrongCodes, carriesCode: boolean): boolean {
  const own = failures.addressRetryAfterSeconds(address(req));
  const everyone = carriesCode ? failures.ceilingRetryAfterSeconds() : 0;
  const wait = Math.max(own, everyone);
  if (wait <= 0) return false;
  const why = own > 0 ? 'Too many wrong codes from this device.' : 'Too many wrong codes were tried on this network just now; the facilitator has been told.';
  sendJson(res, 429, { error: `${why} Wait ${wait} s and try again.` }, { 'Retry-After': String(wait) });
  return true;
}

async function lobbyFor(ctx: JoinApiContext, req: IncomingMessage, res: ServerResponse, code: string): Promise<{ lobby: LobbyState; detail: SessionDetail } | null> {
  const lobby = ctx.lobbies.byJoinCode(code);
  if (!lobby) {
    ctx.failures.fail(address(req));
    sendJson(res, 404, { error: 'No exercise has that join code. Check the six digits on the room screen.' });
    return null;
  }
  const detail = await ctx.service.request('sessions.open', { sessionId: lobby.sessionId });
  if (!detail.ok) {
    sendJson(res, 410, { error: 'This exercise is no longer available. Ask the facilitator for a new code.' });
    return null;
  }
  return { lobby, detail: detail.value as SessionDetail };
}

export async function handleJoinApi(ctx: JoinApiContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (path === '/api/token') {
    // A good token is answered even from an address that got many wrong (see the socket upgrade
    // in server.ts): a device checking its seat after a restart is not a guess.
    const token = req.headers['x-drillbook-token'];
    if (typeof token === 'string' && ctx.isFacilitator(token, req)) {
      sendJson(res, 200, { facilitator: true });
      return;
    }
    const participant = typeof token === 'string' ? ctx.lobbies.byToken(token) : undefined;
    if (!participant) {
      if (refuseIfThrottled(req, res, ctx.failures, false)) return;
      ctx.failures.fail(address(req));
      sendJson(res, 401, { error: 'This device is no longer part of the exercise. Join again with the code on the room screen.' });
      return;
    }
    sendJson(res, 200, { sessionId: participant.sessionId, audiences: participant.audiences, name: participant.name });
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
    return;
  }
  if (path === '/api/leave') {
    // Like the token check: a device that holds a good token may leave from any address.
    const token = req.headers['x-drillbook-token'];
    if (typeof token === 'string' && ctx.leave(token)) {
      sendJson(res, 200, { left: true });
      return;
    }
    if (refuseIfThrottled(req, res, ctx.failures, false)) return;
    ctx.failures.fail(address(req));
    sendJson(res, 401, { error: 'This device is not part of the exercise.' });
    return;
  }
  if (refuseIfThrottled(req, res, ctx.failures, true)) return;
  const body = await readJson(req);
  if (!body.ok) {
    sendJson(res, body.status, { error: body.message });
    return;
  }
  if (path === '/api/lobby') {
    const parsed = LobbyLookupRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      ctx.failures.fail(address(req));
      sendJson(res, 400, { error: 'Enter the six-digit code shown on the room screen.' });
      return;
    }
    const found = await lobbyFor(ctx, req, res, parsed.data.code);
    if (!found) return;
    // A locked lobby says so at the code, before anyone fills in the form (and shows no roster).
    if (found.lobby.locked) {
      sendJson(res, 423, { error: LOCKED });
      return;
    }
    const answer: LobbyLookup = { sessionTitle: found.detail.scenarioTitle, seats: seatsOf(found.detail, found.lobby) };
    sendJson(res, 200, answer);
    return;
  }
  if (path === '/api/join') {
    const parsed = JoinRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      ctx.failures.fail(address(req));
      sendJson(res, 400, { error: 'Enter the six-digit code and your name.' });
      return;
    }
    const found = await lobbyFor(ctx, req, res, parsed.data.code);
    if (!found) return;
    const seats = seatsOf(found.detail, found.lobby);
    const wanted = parsed.data.seat ? [parsed.data.seat] : assignSeats(found.detail, seats, parsed.data.name);
    if (wanted.length === 0) {
      sendJson(res, 409, { error: 'Every role already has a device. Pick a seat to ask the facilitator for it, or the room screen to watch.' });
      return;
    }
    for (const seat of wanted) {
      if (!seats.some((s) => s.audience === seat)) {
        sendJson(res, 400, { error: 'There is no such seat in this exercise. Pick one from the list.' });
        return;
      }
    }
    const joined = ctx.lobbies.join(parsed.data.code, parsed.data.name, wanted, address(req));
    if ('error' in joined) {
      if (joined.error === 'address-full') {
        sendJson(res, 429, { error: 'Too many devices have joined from this network address. Ask the facilitator.' }, { 'Retry-After': '60' });
        return;
      }
      if (joined.error === 'held') {
        if (parsed.data.ask && parsed.data.seat) {
          const asked = ctx.lobbies.requestSeat(parsed.data.code, parsed.data.name, parsed.data.seat, address(req));
          if ('requestId' in asked) {
            sendJson(res, 202, { requestId: asked.requestId, pending: true });
            return;
          }
          if (asked.error === 'too-many') {
            sendJson(res, 429, { error: 'Too many devices are waiting for a seat. Ask the facilitator.' }, { 'Retry-After': '60' });
            return;
          }
        }
        const title = seats.find((s) => s.audience === joined.seat)?.title ?? joined.seat;
        sendJson(res, 409, {
          error: `${title} is already held by ${joined.heldBy}'s device. Pick another seat, or ask the facilitator to give you this one.`,
          seat: joined.seat,
          heldBy: joined.heldBy,
        });
        return;
      }
      sendJson(res, 423, { error: joined.error === 'full' ? 'This exercise has as many participants as it can take. Ask the facilitator.' : LOCKED });
      return;
    }
    const answer: Joined = { token: joined.token, sessionId: joined.participant.sessionId, audiences: joined.participant.audiences, name: joined.participant.name };
    sendJson(res, 200, answer);
    return;
  }
  if (path === '/api/join/answer') {
    const parsed = SeatAnswerRequestSchema.safeParse(body.value);
    const outcome = parsed.success ? ctx.lobbies.seatRequestOutcome(parsed.data.requestId) : undefined;
    if (!parsed.success || outcome === undefined) {
      ctx.failures.fail(address(req));
      sendJson(res, 404, { error: 'That request is unknown or expired. Join again with the code on the room screen.' });
      return;
    }
    if (outcome === 'pending') {
      sendJson(res, 202, { requestId: parsed.data.requestId, pending: true });
      return;
    }
    if (outcome === 'refused') {
      sendJson(res, 403, { error: 'The facilitator kept that seat with the device that holds it. Pick another seat.' });
      return;
    }
    const answer: Joined = { token: outcome.token, sessionId: outcome.participant.sessionId, audiences: outcome.participant.audiences, name: outcome.participant.name };
    sendJson(res, 200, answer);
    return;
  }
  sendJson(res, 404, { error: 'Not found.' });
}
