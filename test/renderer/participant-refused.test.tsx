// @vitest-environment jsdom
// A participant's device says what the host refused (issue 14, the restart end to end): an action
// tapped while the connection was away is held by the device and sent when it is back; the session
// was paused meanwhile, so the host refuses it, and the device must say so rather than nothing
// (the seat has no other sign that the tap came to nothing). Over the real LAN server and the
// renderer's own WebSocket Bridge.
import './setup-dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { WebSocket } from 'ws';
import type { SocketLike, WsBridge } from '../../renderer/bridge/ws-bridge.ts';
import { ParticipantApp } from '../../renderer/lan/ParticipantApp.tsx';
import { createAppStore } from '../../renderer/store/store.ts';
import { bridgeFor, joinLobby, lanSession, must, startLan, type Lan } from '../electron/lan/helpers.ts';

let lan: Lan | undefined;
let bridge: WsBridge | undefined;

afterEach(async () => {
  bridge?.close();
  await lan?.close();
});

describe('a participant device and a refused command', () => {
  it('says that an action sent while away was refused, and does not show it as taken', async () => {
    lan = await startLan();
    const l = lan;
    const sessionId = await lanSession(l, [{ name: 'Ann', roles: ['alpha'] }]);
    const control = (command: Record<string, unknown>) => must(l.host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command }));
    await control({ type: 'session.start' });
    const code = (await must(l.server.openLobby(sessionId))).code;
    const ann = await joinLobby(l, code, 'Ann');

    // The device's sockets: while `online` is false they go to a port where nothing listens.
    let online = true;
    let current: WebSocket | null = null;
    bridge = bridgeFor(l, ann.token, [], {
      socket: (url) => {
        const socket = new WebSocket(online ? url : 'ws://127.0.0.1:9/ws');
        socket.on('error', () => {});
        current = socket;
        return socket as unknown as SocketLike;
      },
    });
    const seat = { token: ann.token, sessionId, audiences: ann.audiences as ('room' | `role:${string}`)[], name: 'Ann' };
    render(<ParticipantApp bridge={bridge} store={createAppStore(bridge)} seat={seat} onLeave={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('seat-status').textContent).toBe('Running'));

    // The connection goes away; the seat still shows the action (it cannot know the session's state).
    online = false;
    act(() => current!.terminate());
    await waitFor(() => expect(screen.getByTestId('seat-status').textContent).toBe('Not connected'));
    const action = screen.getByRole('button', { name: 'CANARY_ALPHA_ACTION_TITLE' });
    await act(async () => { fireEvent.click(action); });
    // Meanwhile the facilitator pauses; then the device is back and sends what it held.
    await control({ type: 'session.pause' });
    online = true;
    await waitFor(() => expect(screen.getByTestId('seat-status').textContent).toBe('Paused by the facilitator'), { timeout: 5000 });

    const toast = await screen.findByText('The session is paused, so you cannot take an action now. Wait until the facilitator resumes it.', {}, { timeout: 5000 });
    expect(toast.closest('[role="status"]')).not.toBeNull();
    // Not taken: the role's view, pushed by the host, has no tick on it.
    expect(screen.getByRole('button', { name: 'CANARY_ALPHA_ACTION_TITLE' }).textContent).not.toContain('✓');
  });
});
