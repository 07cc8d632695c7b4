// Browser mode: the page was served by Drillbook's LAN server (it marks index.html), so the Bridge
// is a WebSocket to the same host. The facilitator's console carries its token in the URL once
// (kept for this tab, then taken out of the address bar); a participant keeps the token it got by
// joining, so closing the tab or a sleeping phone does not lose the seat.
import { z } from 'zod';
import { JoinedSchema, LobbyLookupSchema, SeatPendingSchema, type JoinSeat, type SeatAudience } from '../../core/protocol/lobby.ts';
import { WsBridge, type Refusal, type WsBridgeOptions } from '../bridge/ws-bridge.ts';

const FACILITATOR_KEY = 'drillbook.facilitator-token';
const PARTICIPANT_KEY = 'drillbook.participant';

/** What a device keeps of its seat: the join answer (its token and every seat it holds). */
export const StoredSeatSchema = JoinedSchema;
export type StoredSeat = z.infer<typeof StoredSeatSchema>;

/** The token in `?token=`, moved into this tab's session storage. */
export function takeFacilitatorToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(FACILITATOR_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  }
  return sessionStorage.getItem(FACILITATOR_KEY);
}

export function joinCodeFromUrl(): string {
  const code = new URLSearchParams(window.location.search).get('code') ?? '';
  return /^\d{6}$/.test(code) ? code : '';
}

export function storedSeat(): StoredSeat | null {
  try {
    const parsed = StoredSeatSchema.safeParse(JSON.parse(localStorage.getItem(PARTICIPANT_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function keepSeat(seat: StoredSeat | null): void {
  if (seat) localStorage.setItem(PARTICIPANT_KEY, JSON.stringify(seat));
  else localStorage.removeItem(PARTICIPANT_KEY);
}

function socketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`;
}

async function tokenStillGood(token: string): Promise<boolean> {
  const response = await fetch('/api/token', { headers: { 'X-Drillbook-Token': token } });
  // 429 means "wait", not "gone".
  return response.status !== 401;
}

/** Tells the host this device leaves: its token stops working. Best effort (the host may be gone). */
export async function leave(token: string): Promise<void> {
  await fetch('/api/leave', { method: 'POST', headers: { 'X-Drillbook-Token': token } }).catch(() => undefined);
}

export function connect(token: string, onRefused: (why: Refusal) => void, extra: Partial<WsBridgeOptions> = {}): WsBridge {
  return new WsBridge({ url: socketUrl(), token, checkToken: () => tokenStillGood(token), onRefused, ...extra });
}

export type Seat = JoinSeat;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ErrorBody = z.object({ error: z.string() });

async function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, message: 'The Drillbook host cannot be reached. Check that you are on the room network.' };
  }
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = ErrorBody.safeParse(json);
    return { ok: false, message: error.success ? error.data.error : `The host answered ${response.status}.` };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: 'The host sent an answer this page does not understand. Reload it.' };
}

export function lookUpLobby(code: string) {
  return post('/api/lobby', { code }, LobbyLookupSchema);
}

const JoinedOrPending = z.union([JoinedSchema, SeatPendingSchema]);

/** Asks the facilitator for a seat another device holds: pending (poll `seatAnswer`), or joined if it was freed. */
export function askForSeat(code: string, name: string, seat: SeatAudience) {
  return post('/api/join', { code, name, seat, ask: true }, JoinedOrPending);
}

/** The facilitator's answer to a seat request: still pending, or the seat (a refusal comes as an error). */
export function seatAnswer(requestId: string) {
  return post('/api/join/answer', { requestId }, JoinedOrPending);
}

export function join(code: string, name: string, seat: SeatAudience | null) {
  return post('/api/join', { code, name, ...(seat ? { seat } : {}) }, JoinedSchema);
}
