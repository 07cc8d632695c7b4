// The one authorization every transport uses (core/protocol/authorize.ts): the facilitator reaches
// everything; a seat acts only as one of its roles, with the participant commands, in its own
// session, and watches only its own audiences; the lobby controls are the facilitator's, but for a
// room screen's own join card.
import { describe, expect, it } from 'vitest';
import { authorize, authorizeLobby, authorizeSubscribe, type Actor } from '../../../core/protocol/authorize.ts';
import { parseBridgeRequest, type ParsedRequest } from '../../../core/protocol/bridge.ts';
import { parseLobbyRequest, type ParsedLobbyRequest } from '../../../core/protocol/lobby.ts';
import { PARTICIPANT_COMMANDS } from '../../../core/engine/commands.ts';

const facilitator: Actor = { kind: 'facilitator' };
const twoRoles: Actor = { kind: 'seat', sessionId: 's-1', audiences: ['role:comms', 'role:vendor'] };
const room: Actor = { kind: 'seat', sessionId: 's-1', audiences: ['room'] };

function request(method: string, params: unknown): ParsedRequest {
  const parsed = parseBridgeRequest(method, params);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
const dispatch = (actor: string, command: unknown, sessionId = 's-1') => request('live.dispatch', { sessionId, actor, command });
function lobby(method: string, params: unknown): ParsedLobbyRequest {
  const parsed = parseLobbyRequest(method, params);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const FACILITATOR_ONLY = [
  { type: 'answer.grade', prompt: 'p', credit: 1, reason: 'r' },
  { type: 'inject.deliver', inject: 'i' },
  { type: 'session.end' },
  { type: 'session.pause' },
  { type: 'note.add', text: 'n', tag: 'observation' },
  { type: 'adhoc.send', to: 'all', channel: 'chat', title: 't', body: 'b' },
];

describe('authorize', () => {
  it('lets a seat act as each of its roles with the participant commands, and as nothing else', () => {
    for (const actor of ['role:comms', 'role:vendor']) {
      expect(authorize(twoRoles, dispatch(actor, { type: 'chat.post', text: 'x' })).ok).toBe(true);
    }
    // feedback.submit: the feedback form after the end (issue 18), as the seat's own role like the rest.
    expect(PARTICIPANT_COMMANDS).toEqual(['prompt.answer', 'action.take', 'chat.post', 'feedback.submit']);
    expect(authorize(twoRoles, dispatch('role:ic', { type: 'chat.post', text: 'x' })).ok).toBe(false);
    expect(authorize(twoRoles, dispatch('facilitator', { type: 'chat.post', text: 'x' })).ok).toBe(false);
    expect(authorize(twoRoles, dispatch('role:comms', { type: 'chat.post', text: 'x' }, 's-2')).ok).toBe(false);
    expect(authorize(room, dispatch('role:comms', { type: 'chat.post', text: 'x' })).ok).toBe(false);
  });

  it.each(FACILITATOR_ONLY)('keeps $type from a seat, even as its own role', (command) => {
    expect(authorize(twoRoles, dispatch('role:comms', command))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(authorize(facilitator, dispatch('facilitator', command)).ok).toBe(true);
  });

  it('keeps every other request from a seat', () => {
    for (const r of [request('sessions.list', {}), request('debrief.get', { sessionId: 's-1' })]) {
      expect(authorize(twoRoles, r).ok).toBe(false);
      expect(authorize(facilitator, r).ok).toBe(true);
    }
  });
});

describe('authorizeSubscribe', () => {
  it('lets a seat watch each of its audiences of its session, and no other', () => {
    expect(authorizeSubscribe(twoRoles, { sessionId: 's-1', audience: 'role:comms' }).ok).toBe(true);
    expect(authorizeSubscribe(twoRoles, { sessionId: 's-1', audience: 'role:vendor' }).ok).toBe(true);
    for (const audience of ['role:ic', 'room', 'facilitator'] as const) expect(authorizeSubscribe(twoRoles, { sessionId: 's-1', audience }).ok).toBe(false);
    expect(authorizeSubscribe(twoRoles, { sessionId: 's-2', audience: 'role:comms' }).ok).toBe(false);
  });
});

describe('authorizeLobby', () => {
  it('is the facilitator\'s, but for a room screen\'s own join card', () => {
    expect(authorizeLobby(facilitator, lobby('lobby.open', { sessionId: 's-1' })).ok).toBe(true);
    expect(authorizeLobby(room, lobby('lobby.card', { sessionId: 's-1' })).ok).toBe(true);
    expect(authorizeLobby(room, lobby('lobby.card', { sessionId: 's-2' })).ok).toBe(false);
    expect(authorizeLobby(twoRoles, lobby('lobby.card', { sessionId: 's-1' })).ok).toBe(false);
    for (const actor of [room, twoRoles]) {
      expect(authorizeLobby(actor, lobby('lobby.status', { sessionId: 's-1' })).ok).toBe(false);
      expect(authorizeLobby(actor, lobby('lobby.decide', { sessionId: 's-1', requestId: 'A'.repeat(22), allow: true })).ok).toBe(false);
    }
  });
});
