import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { authorizeRequest, authorizeSubscribe } = await import('../../../electron/main/access.ts');
const { parseBridgeRequest } = await import('../../../core/protocol/bridge.ts');
import type { WindowContext } from '../../../core/protocol/desktop.ts';
import type { ParsedRequest } from '../../../core/protocol/bridge.ts';

const facilitator: WindowContext = { kind: 'facilitator', role: null, sessionId: null };
const room: WindowContext = { kind: 'room', role: null, sessionId: 's-1' };
const seat: WindowContext = { kind: 'seat', role: 'ic', sessionId: 's-1' };

function request(method: string, params: unknown): ParsedRequest {
  const parsed = parseBridgeRequest(method, params);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const dispatchAs = (actor: string, sessionId = 's-1', command: unknown = { type: 'chat.post', text: 'x' }) => request('live.dispatch', { sessionId, actor, command });

describe('authorizeRequest', () => {
  it('lets the facilitator window make any request', () => {
    for (const r of [request('sessions.list', {}), request('debrief.get', { sessionId: 's-1' }), dispatchAs('role:ic')]) {
      expect(authorizeRequest(facilitator, r).ok).toBe(true);
    }
  });

  it('lets a seat act only as its own role in its own session', () => {
    expect(authorizeRequest(seat, dispatchAs('role:ic')).ok).toBe(true);
    expect(authorizeRequest(seat, dispatchAs('role:comms')).ok).toBe(false);
    expect(authorizeRequest(seat, dispatchAs('facilitator')).ok).toBe(false);
    expect(authorizeRequest(seat, dispatchAs('role:ic', 's-2')).ok).toBe(false);
  });

  it.each(['sessions.list', 'debrief.get', 'report.export', 'library.list'])('keeps %s from seats and the room', (method) => {
    const r = request(method, method === 'report.export' ? { sessionId: 's-1', format: 'json' } : method.startsWith('debrief') ? { sessionId: 's-1' } : {});
    expect(authorizeRequest(seat, r)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(authorizeRequest(room, r)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps a seat to the participant commands, even as its own role: no grading, no delivering, no ending', () => {
    for (const command of [
      { type: 'answer.grade', prompt: 'p', credit: 1, reason: 'mine' },
      { type: 'inject.deliver', inject: 'i' },
      { type: 'session.end' },
      { type: 'note.add', text: 'n', tag: 'observation' },
    ]) {
      expect(authorizeRequest(seat, dispatchAs('role:ic', 's-1', command)), command.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(authorizeRequest(facilitator, dispatchAs('facilitator', 's-1', command)).ok).toBe(true);
    }
    for (const command of [{ type: 'chat.post', text: 'x' }, { type: 'action.take', action: 'a' }, { type: 'prompt.answer', prompt: 'p', answer: 'y' }]) {
      expect(authorizeRequest(seat, dispatchAs('role:ic', 's-1', command)).ok).toBe(true);
    }
  });

  it('keeps the room screen from acting at all', () => {
    expect(authorizeRequest(room, dispatchAs('role:ic')).ok).toBe(false);
  });
});

describe('authorizeSubscribe', () => {
  it('lets each window see only its own audience of its own session', () => {
    expect(authorizeSubscribe(room, { sessionId: 's-1', audience: 'room' }).ok).toBe(true);
    expect(authorizeSubscribe(room, { sessionId: 's-1', audience: 'facilitator' }).ok).toBe(false);
    expect(authorizeSubscribe(room, { sessionId: 's-1', audience: 'role:ic' }).ok).toBe(false);
    expect(authorizeSubscribe(room, { sessionId: 's-2', audience: 'room' }).ok).toBe(false);
    expect(authorizeSubscribe(seat, { sessionId: 's-1', audience: 'role:ic' }).ok).toBe(true);
    expect(authorizeSubscribe(seat, { sessionId: 's-1', audience: 'role:comms' }).ok).toBe(false);
    expect(authorizeSubscribe(seat, { sessionId: 's-1', audience: 'facilitator' }).ok).toBe(false);
    expect(authorizeSubscribe(seat, { sessionId: 's-1', audience: 'room' }).ok).toBe(false);
    expect(authorizeSubscribe(facilitator, { sessionId: 's-9', audience: 'role:comms' }).ok).toBe(true);
  });
});
