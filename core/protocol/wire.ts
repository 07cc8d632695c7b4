// The LAN wire protocol: the frames a browser and the LAN server exchange over the socket, as zod
// schemas both ends import. The server parses every client frame (electron/lan/connection.ts);
// the browser parses every server frame (renderer/bridge/ws-bridge.ts). A request's params are
// checked again by the service (parseBridgeRequest), the same schemas as on every transport.
// Adding a frame: its schema here, its handler in connection.ts, its sender in ws-bridge.ts.
import { z } from 'zod';
import { LIMITS } from './fields.ts';
import { AudienceSchema, IdSchema, type BridgeResult, type BridgeUpdate } from './bridge.ts';
import { LOBBY_METHODS, ParticipantIdSchema, SeatAudienceSchema } from './lobby.ts';

const FrameId = z.number().int().min(0).max(2 ** 31);


export const ClientFrameSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('request'), id: FrameId, method: z.string().min(1).max(64), params: z.unknown() }).strict(),
  z.object({ op: z.literal('subscribe'), id: FrameId, params: z.unknown() }).strict(),
  z.object({ op: z.literal('unsubscribe'), id: FrameId }).strict(),
  // The lobby controls (core/protocol/lobby.ts); their params are checked by the lobby service.
  z.object({ op: z.literal('lobby'), id: FrameId, method: z.enum(LOBBY_METHODS), params: z.unknown() }).strict(),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

/** Who is at the other end of a socket, as the server decided from its token (never as it claims). */
export const SocketScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facilitator') }),
  z.object({
    kind: z.literal('participant'),
    participantId: ParticipantIdSchema,
    sessionId: IdSchema,
    /** Every seat the device holds: it sees and acts as each, and as nothing else. */
    audiences: z.array(SeatAudienceSchema).min(1),
    name: z.string().max(LIMITS.name),
  }),
]);
export type SocketScope = z.infer<typeof SocketScopeSchema>;

const BridgeErrorSchema = z.looseObject({ code: z.string(), message: z.string() });
const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);
const UpdateSchema = z.discriminatedUnion('kind', [
  // The projection is the service's own value, typed by the view that reads it.
  z.object({ kind: z.literal('projection'), sessionId: z.string(), audience: AudienceSchema, projection: z.unknown() }),
  z.object({ kind: z.literal('error'), sessionId: z.string(), audience: AudienceSchema, error: BridgeErrorSchema }),
]);

export const ServerFrameSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('hello'), scope: SocketScopeSchema }),
  z.object({ op: z.literal('result'), id: z.number().int(), result: ResultSchema }),
  z.object({ op: z.literal('update'), id: z.number().int(), update: UpdateSchema }),
]);
/** The frames as the server builds them (the parsed ones carry the same data, less precisely typed). */
export type ServerFrame =
  | { op: 'hello'; scope: SocketScope }
  | { op: 'result'; id: number; result: BridgeResult<unknown> }
  | { op: 'update'; id: number; update: BridgeUpdate };

/** Parses one frame from the server; null when it is not one (the browser ignores it). */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = ServerFrameSchema.safeParse(value);
  return parsed.success ? (parsed.data as ServerFrame) : null;
}

/** Close codes a browser acts on (4000-4999 are the application's). */
export const CLOSE = {
  /** The facilitator removed this participant: do not reconnect. */
  removed: 4001,
  /** The lobby was closed: join again with a new code. */
  lobbyClosed: 4002,
  /** The token is unknown (never valid or no longer). */
  badToken: 4003,
  /** Too many messages, for too long. */
  flood: 4008,
  /** The server is stopping. */
  shutdown: 1001,
} as const;

/** Why the host will not take a device back. */
export type Refusal = 'removed' | 'lobby-closed' | 'bad-token';

/** The close codes after which a browser stops reconnecting, and why. */
export const REFUSAL_OF_CLOSE: Readonly<Record<number, Refusal>> = {
  [CLOSE.removed]: 'removed',
  [CLOSE.lobbyClosed]: 'lobby-closed',
  [CLOSE.badToken]: 'bad-token',
};
