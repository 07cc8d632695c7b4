// A whole scripted exercise over the LAN server at speed 10: three participants and a room screen
// on the renderer's own WebSocket Bridge, the facilitator on a raw socket. Every byte each of them
// receives is kept: no canary from a private inject, an `expect` key or a facilitator note reaches a
// role or the room screen. One participant drops off while an inject is sent and comes back to it
// exactly once.
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoleView, RoomView } from '../../../core/engine/projections.ts';
import type { BridgeUpdate } from '../../../core/protocol/bridge.ts';
import { WsBridge, type SocketLike } from '../../../renderer/bridge/ws-bridge.ts';
import { bridgeFor, joinLobby, lanSession, must, RawClient, startLan, until, type Lan } from './helpers.ts';
import { ALPHA_CANARIES, SHARED_CANARIES } from './lan-scenario.ts';

let lan: Lan;
const bridges: WsBridge[] = [];
beforeEach(async () => {
  lan = await startLan();
});
afterEach(async () => {
  for (const b of bridges.splice(0)) b.close();
  await lan.close();
});

function watch<T>(bridge: WsBridge, sessionId: string, audience: string): { latest: () => T | null; updates: BridgeUpdate[] } {
  const updates: BridgeUpdate[] = [];
  bridge.subscribe({ sessionId, audience: audience as 'room' }, (u) => updates.push(u));
  return {
    updates,
    latest: () => {
      const last = updates.filter((u) => u.kind === 'projection').at(-1);
      return last && last.kind === 'projection' ? (last.projection as T) : null;
    },
  };
}

describe('a scripted exercise over the LAN', () => {
  it('keeps every private thing off the participants and the room screen, and a reconnect misses nothing', async () => {
    const sessionId = await lanSession(lan);
    const { code } = await must(lan.server.openLobby(sessionId));
    const [ann, bob, cy, projector] = await Promise.all([
      joinLobby(lan, code, 'Ann'), joinLobby(lan, code, 'Bob'), joinLobby(lan, code, 'Cy'), joinLobby(lan, code, 'Projector', 'room'),
    ]);
    expect([ann.audiences, bob.audiences, cy.audiences]).toEqual([['role:alpha'], ['role:bravo'], ['role:charlie']]);

    const bytes = { alpha: [] as string[], bravo: [] as string[], charlie: [] as string[], room: [] as string[] };
    const alphaBridge = bridgeFor(lan, ann.token, bytes.alpha);
    const bravoBridge = bridgeFor(lan, bob.token, bytes.bravo);
    const roomBridge = bridgeFor(lan, projector.token, bytes.room);
    // Charlie's device can be taken off the network: while offline it dials a closed port.
    let offline = false;
    let charlieSocket: WebSocket | null = null;
    const charlieBridge = new WsBridge({
      url: lan.ws, token: cy.token, retryMs: [30],
      socket: (url) => {
        const socket = new WebSocket(offline ? 'ws://127.0.0.1:9/ws' : url);
        socket.on('error', () => {});
        socket.on('message', (data) => bytes.charlie.push(data.toString()));
        charlieSocket = socket;
        return socket as unknown as SocketLike;
      },
    });
    bridges.push(alphaBridge, bravoBridge, roomBridge, charlieBridge);
    const alpha = watch<RoleView>(alphaBridge, sessionId, 'role:alpha');
    const bravo = watch<RoleView>(bravoBridge, sessionId, 'role:bravo');
    const charlie = watch<RoleView>(charlieBridge, sessionId, 'role:charlie');
    const room = watch<RoomView>(roomBridge, sessionId, 'room');

    const facilitator = RawClient.token(lan, lan.server.facilitatorToken);
    await facilitator.opened;
    const command = async (cmd: unknown) => {
      const r = await facilitator.request('live.dispatch', { sessionId, actor: 'facilitator', command: cmd });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    };
    await facilitator.subscribe(sessionId, 'facilitator');
    await command({ type: 'session.speed', speed: 10 });
    await command({ type: 'session.start' });

    const injectIds = (view: { injects: { id: string }[] } | null) => (view?.injects ?? []).map((i) => i.id);
    await until(() => injectIds(alpha.latest()).includes('secret-alpha') && injectIds(bravo.latest()).includes('bravo-question'), 10_000, 'the first injects');
    expect((await alphaBridge.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'prompt.answer', prompt: 'alpha-text', answer: 'CANARY_ALPHA_ANSWER' } })).ok).toBe(true);

    // Charlie drops off before its ticket (20 s of exercise time = 2 s here) and stays away past it.
    offline = true;
    charlieSocket!.terminate();
    await until(() => charlieBridge.connection !== 'connected', 5000, 'charlie to notice the drop');
    const before = injectIds(charlie.latest());
    expect(before).not.toContain('charlie-later');

    expect((await bravoBridge.request('live.dispatch', { sessionId, actor: 'role:bravo', command: { type: 'prompt.answer', prompt: 'bravo-choice', answer: 'left' } })).ok).toBe(true);
    await until(() => injectIds(alpha.latest()).includes('branch-left') && injectIds(bravo.latest()).includes('branch-left'), 10_000, 'the branch');
    await command({ type: 'note.add', text: 'CANARY_FACILITATOR_NOTE about alpha', tag: 'observation', role: 'alpha' });
    await command({ type: 'answer.grade', prompt: 'alpha-text', credit: 0.5, reason: 'CANARY_ALPHA_GRADE' });
    await command({ type: 'chat.post', text: 'Facilitator says hi' });
    await facilitator.waitFor((f) => {
      const u = f.update as { projection?: { injects?: { id: string; status: string }[] } } | undefined;
      return f.op === 'update' && u?.projection?.injects?.some((i) => i.id === 'charlie-later' && i.status === 'delivered') === true;
    }, 15_000);

    offline = false;
    await until(() => charlieBridge.connection === 'connected' && injectIds(charlie.latest()).includes('charlie-later'), 10_000, 'charlie to come back to its ticket');
    const afterIds = injectIds(charlie.latest());
    expect(afterIds).toEqual(['public', 'charlie-later']);
    expect(new Set(afterIds).size).toBe(afterIds.length);
    expect((await charlieBridge.request('live.dispatch', { sessionId, actor: 'role:charlie', command: { type: 'prompt.answer', prompt: 'charlie-ok', answer: 'yes' } })).ok).toBe(true);

    await command({ type: 'session.end' });
    await until(() => alpha.latest()?.clock.status === 'ended' && room.latest()?.clock.status === 'ended' && charlie.latest()?.clock.status === 'ended', 10_000, 'the end');
    const report = await facilitator.request('report.export', { sessionId, format: 'html' });
    expect(report.ok).toBe(true);

    // Each role saw its own, and the room only what was for everyone.
    expect(injectIds(alpha.latest())).toEqual(['public', 'secret-alpha', 'branch-left']);
    expect(injectIds(bravo.latest())).toEqual(['public', 'bravo-question', 'branch-left']);
    expect(injectIds(room.latest())).toEqual(['public']);
    expect(room.latest()?.audience).toBe('room');

    // The canaries were in play: the facilitator received them.
    const facilitatorBytes = facilitator.received.join('\n');
    for (const canary of ['CANARY_NOTES_ALPHA', 'CANARY_FACILITATOR_NOTE', 'CANARYKEYWORD', 'CANARY_ALPHA_ANSWER', 'CANARY_ALPHA_GRADE']) {
      expect(facilitatorBytes, canary).toContain(canary);
    }
    for (const [who, received] of Object.entries(bytes)) {
      const all = received.join('\n');
      expect(all.length, who).toBeGreaterThan(1000);
      const forbidden = who === 'alpha' ? SHARED_CANARIES : [...SHARED_CANARIES, ...ALPHA_CANARIES];
      for (const canary of forbidden) expect(all.includes(canary), `${who} received ${canary}`).toBe(false);
    }
    expect(bytes.alpha.join('\n')).toContain('CANARY_ALPHA_ANSWER');
    facilitator.close();
  }, 60_000);
});
