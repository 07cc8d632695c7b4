// Who may ask what, in the desktop app. A window's identity comes from the main process's own record
// of it, never from the request; the rules themselves are core's one `authorize`
// (core/protocol/authorize.ts), the same as for a participant's device on the LAN: a seat window
// acts and sees as its role only, the room screen only watches what is addressed to everyone, and
// only the facilitator's window reaches the rest of the API.
import type { BridgeResult, ParsedRequest, SubscribeParams } from '../../core/protocol/bridge.ts';
import { authorize, authorizeSubscribe as authorizeSubscribeFor, type Actor } from '../../core/protocol/authorize.ts';
import type { WindowContext } from '../../core/protocol/desktop.ts';

/** The actor a window is: a room window holds the room's audience, a seat window its role's. */
export function actorOf(who: WindowContext): Actor {
  if (who.kind === 'facilitator') return { kind: 'facilitator' };
  // A window without a session (or a seat without a role) holds nothing: it is refused everything.
  const sessionId = who.sessionId ?? '';
  if (who.kind === 'room') return { kind: 'seat', sessionId, audiences: who.sessionId ? ['room'] : [] };
  return { kind: 'seat', sessionId, audiences: who.sessionId && who.role ? [`role:${who.role}`] : [] };
}

export function authorizeRequest(who: WindowContext, request: ParsedRequest): BridgeResult<ParsedRequest> {
  return authorize(actorOf(who), request);
}

export function authorizeSubscribe(who: WindowContext, params: SubscribeParams): BridgeResult<SubscribeParams> {
  return authorizeSubscribeFor(actorOf(who), params);
}
