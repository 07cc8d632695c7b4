// The frames a browser sends over the LAN socket, checked with zod before anything else looks at
// them. A request's params are checked again by the service (parseBridgeRequest), the same schemas
// as on every transport. The answers (server -> browser) are typed here for the server's side;
// renderer/bridge/ws-bridge.ts reads the same shapes.
import { z } from 'zod';
import type { BridgeResult, BridgeUpdate } from '../../core/protocol/bridge.ts';
import { storedId } from '../../core/protocol/fields.ts';
import type { LobbyState, SeatAudience } from './lobby.ts';

const FrameId = z.number().int().min(0).max(2 ** 31);
const SessionId = storedId();

export const LOBBY_ACTIONS = ['open', 'close', 'lock', 'unlock', 'status', 'remove'] as const;

export const ClientFrameSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('request'), id: FrameId, method: z.string().min(1).max(64), params: z.unknown() }).strict(),
  z.object({ op: z.literal('subscribe'), id: FrameId, params: z.unknown() }).strict(),
  z.object({ op: z.literal('unsubscribe'), id: FrameId }).strict(),
  z.object({
    op: z.literal('lobby'), id: FrameId, action: z.enum(LOBBY_ACTIONS), sessionId: SessionId,
    participantId: z.string().regex(/^[0-9a-f]{1,64}$/).optional(),
  }).strict(),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

/** Who is at the other end of a socket. */
export type SocketScope =
  | { kind: 'facilitator' }
  | { kind: 'participant'; participantId: string; sessionId: string; audience: SeatAudience; name: string };

/** What the facilitator's lobby controls get back: the lobby and where to join it. */
export interface LobbyInfo extends LobbyState {
  joinUrl: string;
  /** The join URL as a QR code, an SVG data URL for the room screen. */
  qr: string;
  /** Wall ms when wrong codes from all addresses last reached the server-wide ceiling, or null. */
  wrongCodeCeilingAt: number | null;
}

export type ServerFrame =
  | { op: 'hello'; scope: SocketScope }
  | { op: 'result'; id: number; result: BridgeResult<unknown> }
  | { op: 'update'; id: number; update: BridgeUpdate };

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
