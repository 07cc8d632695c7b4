// @vitest-environment jsdom
// The same "Participants" control in browser mode: over the console's own WebSocket to the real LAN
// server on 127.0.0.1 (the facilitator's lobby API), with no address choice (the server already
// runs), and the room screen's join card from the same status.
import './setup-dom.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { WsBridge } from '../../renderer/bridge/ws-bridge.ts';
import { LobbyDock } from '../../renderer/lan/LobbyDock.tsx';
import { lobbyControls } from '../../renderer/lan/lobby-controls.ts';
import { bridgeFor, joinLobby, lanSession, postJson, startLan, type Lan } from '../electron/lan/helpers.ts';
import { goTo } from './harness.tsx';

let lan: Lan;
let bridge: WsBridge;
let sessionId: string;
beforeEach(async () => {
  lan = await startLan();
  sessionId = await lanSession(lan);
  bridge = bridgeFor(lan, lan.server.facilitatorToken);
});
afterEach(async () => {
  bridge.close();
  await lan.close();
});

const click = async (name: string | RegExp) => {
  const button = await screen.findByRole('button', { name });
  await act(async () => { fireEvent.click(button); });
};

describe('the Participants control in browser mode', () => {
  it('opens the lobby over the socket, lists who joined, locks, removes and closes it', async () => {
    window.location.hash = `#/session/${sessionId}/console`;
    render(<LobbyDock controls={lobbyControls((method, params) => bridge.lobby(method, params))} />);
    await click('Participants');
    const panel = await screen.findByRole('region', { name: "Participants' devices" });
    expect(within(panel).queryByRole('combobox')).toBeNull();
    await click('Let participants join');
    const code = (await screen.findByTestId('join-code')).textContent ?? '';
    expect(lan.server.lobbies.get(sessionId)?.code).toBe(code);
    expect(screen.getByTestId('join-url').textContent).toBe(`http://127.0.0.1:${lan.server.port}/?code=${code}`);
    // Served on 127.0.0.1: the panel says no other device can reach it (issue 14 item 4).
    expect(screen.getByTestId('join-unreachable').textContent).toMatch(/Only this computer can open this address/);
    // Every role is listed; none has a device yet (issue 14 item 1).
    for (const role of ['alpha', 'bravo', 'charlie']) expect(screen.getByTestId(`seat-role:${role}`).textContent).toMatch(/No device/);
    // The large join card for the projector takes the focus and closes from the keyboard too.
    await click('Show on the room screen');
    const large = screen.getByRole('dialog', { name: 'Join the exercise' });
    expect(document.activeElement).toBe(within(large).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(large, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    await joinLobby(lan, code, 'Bob');
    await click('Lock the lobby');
    await screen.findByText('Locked: nobody new can join');
    expect(screen.getByTestId('seat-role:bravo').textContent).toMatch(/Bravo lead \(Bob\)Bob$/);
    expect(screen.getByTestId('seat-role:alpha').textContent).toMatch(/No device/);
    expect(screen.getByRole('list', { name: 'Joined' }).textContent).toMatch(/Bob · Bravo lead/);
    expect(lan.server.lobbies.get(sessionId)?.locked).toBe(true);
    // Eve asks for Bob's seat; the facilitator gives it to her (issue 14 item 2).
    await click('Unlock the lobby');
    expect((await postJson(lan, '/api/join', { code, name: 'Eve', seat: 'role:bravo', ask: true })).status).toBe(202);
    await click('Lock the lobby');
    expect((await screen.findByRole('list', { name: 'Seat requests' })).textContent).toMatch(/Eve asks for Bravo lead, held by Bob's device/);
    await click('Give Bravo lead to Eve');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Seat requests' })).toBeNull());
    expect(screen.getByTestId('seat-role:bravo').textContent).toMatch(/Eve$/);
    await click('Remove Eve');
    await screen.findByText('Nobody has joined yet.');
    expect(lan.server.lobbies.get(sessionId)?.participants).toEqual([]);

    await click('Unlock the lobby');
    await goTo(`#/session/${sessionId}/room`);
    const card = await screen.findByRole('complementary', { name: 'Join from your device' });
    expect(within(card).getByText(code)).toBeTruthy();
    await goTo(`#/session/${sessionId}/console`);

    if (!screen.queryByRole('region', { name: "Participants' devices" })) await click('Participants');
    await click('Stop joining');
    await screen.findByRole('button', { name: 'Let participants join' });
    await waitFor(() => expect(lan.server.lobbies.get(sessionId)).toBeNull());
    // Browser mode only closes the lobby: the server (this console's own) keeps running.
    expect(bridge.connection).toBe('connected');
  });
});
