// Who may ask what. A window's identity comes from the main process's own record of it, never from
// the request: a seat window acts and sees as its role only, the room screen only watches what is
// addressed to everyone, and only the facilitator's window reaches the rest of the API.
import { fail, ok, type BridgeResult, type ParsedRequest, type SubscribeParams } from '../../core/protocol/bridge.ts';
import type { WindowContext } from '../../core/protocol/desktop.ts';

const denied = (what: string): { ok: false; error: { code: string; message: string } } =>
  fail('forbidden', `This window may not ${what}. Use the facilitator's window for that.`);

export function authorizeRequest(who: WindowContext, request: ParsedRequest): BridgeResult<ParsedRequest> {
  if (who.kind === 'facilitator') return ok(request);
  if (who.kind === 'seat' && request.method === 'live.dispatch') {
    const { sessionId, actor } = request.params;
    if (sessionId === who.sessionId && actor === `role:${who.role}`) return ok(request);
    return denied('act for another role or session');
  }
  return denied(`make the request '${request.method}'`);
}

export function authorizeSubscribe(who: WindowContext, params: SubscribeParams): BridgeResult<SubscribeParams> {
  if (who.kind === 'facilitator') return ok(params);
  if (params.sessionId !== who.sessionId) return denied('follow another session');
  const own = who.kind === 'room' ? 'room' : `role:${who.role}`;
  if (params.audience !== own) return denied(`see what '${params.audience}' sees`);
  return ok(params);
}

/** The join code and QR code: for the facilitator, and for the room screen of that session. */
export function authorizeJoinCard(who: WindowContext, sessionId: string): BridgeResult<null> {
  if (who.kind === 'facilitator') return ok(null);
  if (who.kind === 'room' && who.sessionId === sessionId) return ok(null);
  return denied("show another session's join code");
}
