// The lobby: who may join a session's exercise from their own device, who did, and which seats
// they hold. One definition for every side: the LAN server builds these values
// (electron/lan/lobby.ts, join-api.ts), the desktop main process hands them on, and the browser
// parses them with the same schemas before showing them (renderer/lan/lobby-controls.ts,
// lan-mode.ts). core/protocol/desktop.ts takes the types only (the preload bundle has no zod).
import { z } from 'zod';
import { fail, IdSchema, ok, type BridgeResult } from './bridge.ts';
import { LIMITS, personName, roleAudience } from './fields.ts';

/** A seat on a device: the room screen (view only) or one role. */
export const SeatAudienceSchema = z.union([z.literal('room'), roleAudience()]);
export type SeatAudience = z.infer<typeof SeatAudienceSchema>;

export const JoinCodeSchema = z.string().regex(/^\d{6}$/, 'a six-digit code');
export const ParticipantIdSchema = z.string().regex(/^[0-9a-f]{1,64}$/, 'a participant id');
const PersonNameSchema = personName();

/**
 * One device in a lobby. A device holds every seat its person holds (a person with two roles
 * answers for both from one laptop); the room screen is a seat of its own.
 */
export const LobbyParticipantSchema = z.object({
  id: ParticipantIdSchema,
  sessionId: IdSchema,
  name: z.string().max(LIMITS.name),
  audiences: z.array(SeatAudienceSchema).min(1),
  joinedAt: z.number(),
});
export type LobbyParticipant = z.infer<typeof LobbyParticipantSchema>;

/** Joins in the last minute, shown to the facilitator when they look like more than a room arriving. */
export const JoinSurgeSchema = z.object({
  /** Devices that joined in the last minute. */
  joined: z.number().int().min(0),
  /** Joins refused in the last minute (lobby full, too many devices from one address). */
  refused: z.number().int().min(0),
  /** The address with the most devices in the lobby, and how many. */
  busiestAddress: z.object({ address: z.string(), devices: z.number().int() }).nullable(),
});
export type JoinSurge = z.infer<typeof JoinSurgeSchema>;

export const SeatRequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a seat request id');

/** A device asks for a role another device holds; the facilitator allows it (the holder leaves) or refuses. */
export const SeatRequestSchema = z.object({
  id: SeatRequestIdSchema,
  name: z.string().max(LIMITS.name),
  seat: SeatAudienceSchema,
  /** The name of the device holding the seat now. */
  heldBy: z.string().max(LIMITS.name),
  requestedAt: z.number(),
});
export type SeatRequest = z.infer<typeof SeatRequestSchema>;

/** A lobby as the registry keeps it (electron/lan/lobby.ts). */
export const LobbyStateSchema = z.object({
  sessionId: IdSchema,
  code: JoinCodeSchema,
  locked: z.boolean(),
  participants: z.array(LobbyParticipantSchema),
  /** Set while joins come faster than a room arrives, or were refused, in the last minute. */
  surge: JoinSurgeSchema.nullable(),
  /** Seat requests waiting for the facilitator. */
  requests: z.array(SeatRequestSchema),
});
export type LobbyState = z.infer<typeof LobbyStateSchema>;

/** A seat of the session and who holds it: the people planned at setup, the devices that joined. */
export const LobbySeatSchema = z.object({
  audience: SeatAudienceSchema,
  title: z.string(),
  /** The names given at setup for this role. */
  planned: z.array(z.string()),
  /** The devices holding it now. A role with none has nobody to answer its prompts. */
  holders: z.array(z.object({ participantId: ParticipantIdSchema, name: z.string() })),
});
export type LobbySeat = z.infer<typeof LobbySeatSchema>;

/** What the room screen shows while people may join: the code, the join URL and its QR code. */
export const JoinCardSchema = z.object({
  code: JoinCodeSchema,
  joinUrl: z.string().startsWith('http'),
  /** The join URL as a QR code, an SVG data URL (it goes into an <img>). */
  qr: z.string().startsWith('data:image/svg+xml;base64,'),
});
export type JoinCard = z.infer<typeof JoinCardSchema>;

/** Whether other devices can reach the join URL, and the addresses that they could. */
export const LobbyReachSchema = z.object({
  /** The server listens on this computer only (127.0.0.1): the join URL and QR code work nowhere else. */
  localOnly: z.boolean(),
  /** This computer's network addresses (the room's Wi-Fi, a travel router) to listen on instead. */
  networkAddresses: z.array(z.string()),
});
export type LobbyReach = z.infer<typeof LobbyReachSchema>;

/** What the facilitator's lobby controls get back. */
export const LobbyInfoSchema = LobbyStateSchema.extend(JoinCardSchema.shape).extend({
  /** Wall ms when wrong codes from all addresses last reached the server-wide ceiling, or null. */
  wrongCodeCeilingAt: z.number().nullable(),
  seats: z.array(LobbySeatSchema),
  reach: LobbyReachSchema,
});
export type LobbyInfo = z.infer<typeof LobbyInfoSchema>;

/** Where the LAN server listens, and the session's lobby. */
export const JoiningStatusSchema = z.object({
  /** null: joining is off and no port is open (the desktop app until the facilitator turns it on). */
  listening: z.object({ address: z.string(), port: z.number().int() }).nullable(),
  /**
   * Whether the facilitator picks the address when letting people join (the desktop app); false
   * when it was fixed as the server started (`drillbook serve --host`).
   */
  choosesAddress: z.boolean(),
  /** This session's lobby; null when it is not open. */
  lobby: LobbyInfoSchema.nullable(),
});
export type JoiningStatus = z.infer<typeof JoiningStatusSchema>;

/** An address the LAN server can listen on. */
export const ListenAddressSchema = z.object({
  address: z.string(),
  /** The interface's name, or "This computer only". */
  label: z.string(),
  /** Only this machine can reach it. */
  local: z.boolean(),
});
export type ListenAddress = z.infer<typeof ListenAddressSchema>;

// ---- the facilitator's lobby controls: one set of methods for the desktop app (one IPC channel)
// and browser mode (the console's socket), served by one lobby service (electron/lan/lobby-service.ts) ----

const SessionOnly = z.object({ sessionId: IdSchema }).strict();

export const LOBBY_REQUESTS = {
  /** The addresses the LAN server can listen on, this computer only (127.0.0.1) first. */
  'lobby.addresses': z.object({}).strict(),
  'lobby.status': SessionOnly,
  /** Lets people join the session: starts listening (if not yet; no port: a default) and opens its lobby. */
  'lobby.open': z.object({
    sessionId: IdSchema,
    // The service checks the address against this machine's own list; this is the shape only.
    address: z.union([z.ipv4(), z.ipv6()]).optional(),
    port: z.number().int().min(0).max(65535).optional(),
  }).strict(),
  'lobby.lock': z.object({ sessionId: IdSchema, locked: z.boolean() }).strict(),
  /** Their sockets close and their token dies. */
  'lobby.remove': z.object({ sessionId: IdSchema, participantId: ParticipantIdSchema }).strict(),
  /** Answers a seat request: allowed, the device holding the seat leaves and the asking one takes it. */
  'lobby.decide': z.object({ sessionId: IdSchema, requestId: SeatRequestIdSchema, allow: z.boolean() }).strict(),
  /** The code stops working and everyone who joined with it is disconnected; the last one closes a port the service opened. */
  'lobby.close': SessionOnly,
  /** What the room screen shows while people may join (open and unlocked); null otherwise. */
  'lobby.card': SessionOnly,
} as const;
export type LobbyMethod = keyof typeof LOBBY_REQUESTS;
export const LOBBY_METHODS = Object.keys(LOBBY_REQUESTS) as [LobbyMethod, ...LobbyMethod[]];
export type LobbyParams<M extends LobbyMethod> = z.input<(typeof LOBBY_REQUESTS)[M]>;

/** The answers, parsed by the page with these schemas whichever transport brought them. */
export const LOBBY_ANSWERS = {
  'lobby.addresses': z.array(ListenAddressSchema),
  'lobby.status': JoiningStatusSchema,
  'lobby.open': JoiningStatusSchema,
  'lobby.lock': JoiningStatusSchema,
  'lobby.remove': JoiningStatusSchema,
  'lobby.decide': JoiningStatusSchema,
  'lobby.close': JoiningStatusSchema,
  'lobby.card': JoinCardSchema.nullable(),
} as const satisfies Record<LobbyMethod, z.ZodType>;
export type LobbyValues = { [M in LobbyMethod]: z.infer<(typeof LOBBY_ANSWERS)[M]> };

export type ParsedLobbyRequest = { [M in LobbyMethod]: { method: M; params: z.infer<(typeof LOBBY_REQUESTS)[M]> } }[LobbyMethod];

/** Checks a lobby request from an untrusted side. */
export function parseLobbyRequest(method: unknown, params: unknown): BridgeResult<ParsedLobbyRequest> {
  if (typeof method !== 'string' || !Object.hasOwn(LOBBY_REQUESTS, method)) return fail('unknown-method', 'Drillbook has no such lobby control.');
  const parsed = LOBBY_REQUESTS[method as LobbyMethod].safeParse(params ?? {});
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
    return fail('invalid-request', `The lobby control '${method}' is malformed: ${why}.`);
  }
  return ok({ method, params: parsed.data } as ParsedLobbyRequest);
}

/** The lobby controls as a transport offers them (the desktop preload, the browser's WsBridge). */
export type LobbyCall = <M extends LobbyMethod>(method: M, params: LobbyParams<M>) => Promise<BridgeResult<unknown>>;

// ---- the participants' join API (HTTP, electron/lan/join-api.ts; renderer/lan/lan-mode.ts) ----

/** POST /api/lobby: look at a lobby with its code. */
export const LobbyLookupRequestSchema = z.object({ code: JoinCodeSchema }).strict();
/**
 * POST /api/join: no seat means "give me my seat" (every role the person was given at setup).
 * `ask`: the seat is held by another device; ask the facilitator for it (answered 202 with a request id).
 */
export const JoinRequestSchema = z.object({ code: JoinCodeSchema, name: PersonNameSchema, seat: SeatAudienceSchema.optional(), ask: z.literal(true).optional() }).strict();
/** POST /api/join/answer: what the facilitator decided about a seat request. */
export const SeatAnswerRequestSchema = z.object({ requestId: SeatRequestIdSchema }).strict();
/** The answer while waiting (202); a given seat comes as `Joined`, a refusal as 403 with an error. */
export const SeatPendingSchema = z.object({ requestId: SeatRequestIdSchema, pending: z.literal(true) });

/** A seat as the join page lists it. */
export const JoinSeatSchema = z.object({
  audience: SeatAudienceSchema,
  title: z.string(),
  /** Who sits there: the names given at setup and those who joined. */
  people: z.array(z.string()),
  /** The devices holding it now, by name: a role held by a device cannot be taken from here. */
  heldBy: z.array(z.string()),
});
export type JoinSeat = z.infer<typeof JoinSeatSchema>;

export const LobbyLookupSchema = z.object({ sessionTitle: z.string(), seats: z.array(JoinSeatSchema) });
export type LobbyLookup = z.infer<typeof LobbyLookupSchema>;

/** A device's seat once joined: its token and every seat it holds. */
export const JoinedSchema = z.object({
  token: z.string().min(20).max(200),
  sessionId: IdSchema,
  audiences: z.array(SeatAudienceSchema).min(1),
  name: z.string().max(LIMITS.name),
});
export type Joined = z.infer<typeof JoinedSchema>;
