// Who may ask what, for every transport: the desktop app's IPC (electron/main/access.ts), the LAN
// server's sockets (electron/lan/connection.ts). An actor is who the transport knows is at the
// other end (a window the main process opened, a device token), never what the request claims.
// The facilitator reaches the whole API. A seat (a seat window, a participant's device, the room
// screen) sees only its own audiences of its own session, and acts only as one of its roles, with
// the participant commands (core/engine/commands.ts) and nothing else: no grading, no delivering
// an inject, no ending the session.
import { PARTICIPANT_COMMANDS } from '../engine/commands.ts';
import { fail, ok, type Audience, type BridgeResult, type ParsedRequest, type SubscribeParams } from './bridge.ts';
import type { ParsedLobbyRequest, SeatAudience } from './lobby.ts';

export type Actor =
  | { kind: 'facilitator' }
  /** A seat window, a participant's device or a room screen: every audience it holds. */
  | { kind: 'seat'; sessionId: string; audiences: readonly SeatAudience[] };

const PARTICIPANT_ONLY = new Set<string>(PARTICIPANT_COMMANDS);

const denied = (what: string): { ok: false; error: { code: string; message: string } } =>
  fail('forbidden', `This seat may not ${what}: it sees and answers for its own roles only. The facilitator does the rest.`);

const commandType = (command: unknown): string | null =>
  typeof command === 'object' && command !== null && 'type' in command && typeof command.type === 'string' ? command.type : null;

/** The request, when the actor may make it; `forbidden` otherwise. */
export function authorize(actor: Actor, request: ParsedRequest): BridgeResult<ParsedRequest> {
  if (actor.kind === 'facilitator') return ok(request);
  if (request.method !== 'live.dispatch') return denied(`make the request '${request.method}'`);
  const { sessionId, actor: as, command } = request.params;
  if (sessionId !== actor.sessionId) return denied('act in another session');
  if (as === 'facilitator' || !actor.audiences.includes(as)) return denied('act for another role');
  const type = commandType(command);
  if (type === null || !PARTICIPANT_ONLY.has(type)) return denied(`send '${type ?? 'that command'}'`);
  return ok(request);
}

/** The subscription, when the actor may watch that audience; `forbidden` otherwise. */
export function authorizeSubscribe(actor: Actor, params: SubscribeParams): BridgeResult<SubscribeParams> {
  if (actor.kind === 'facilitator') return ok(params);
  if (params.sessionId !== actor.sessionId) return denied('follow another session');
  if (!(actor.audiences as readonly Audience[]).includes(params.audience)) return denied(`see what '${params.audience}' sees`);
  return ok(params);
}

/** The lobby controls are the facilitator's; a room screen may show its own session's join card. */
export function authorizeLobby(actor: Actor, request: ParsedLobbyRequest): BridgeResult<ParsedLobbyRequest> {
  if (actor.kind === 'facilitator') return ok(request);
  if (request.method === 'lobby.card' && actor.audiences.includes('room') && request.params.sessionId === actor.sessionId) return ok(request);
  return denied(request.method === 'lobby.card' ? "show another session's join code" : 'control the lobby');
}
