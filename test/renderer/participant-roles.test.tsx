// @vitest-environment jsdom
// A participant's device holding two roles (issue 14 item 1): over the real LAN server and the
// renderer's own WebSocket Bridge, one device switches between its person's roles, and each role not
// on screen counts the injects it has not been seen with.
import './setup-dom.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { WsBridge } from '../../renderer/bridge/ws-bridge.ts';
import { ParticipantApp } from '../../renderer/lan/ParticipantApp.tsx';
import { createAppStore } from '../../renderer/store/store.ts';
import { bridgeFor, joinLobby, lanSession, must, startLan, type Lan } from '../electron/lan/helpers.ts';

let lan: Lan;
let bridge: WsBridge;
let sessionId: string;

const control = (command: Record<string, unknown>) => must(lan.host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command }));

beforeEach(async () => {
  lan = await startLan();
  sessionId = await lanSession(lan, [{ name: 'Dee', roles: ['alpha', 'bravo'] }]);
  await control({ type: 'session.start' });
  await control({ type: 'session.pause' });
});
afterEach(async () => {
  bridge.close();
  await lan.close();
});

describe('a device holding two roles', () => {
  it('switches between them, with unread counts per role', async () => {
    const code = (await must(lan.server.openLobby(sessionId))).code;
    const dee = await joinLobby(lan, code, 'Dee');
    bridge = bridgeFor(lan, dee.token);
    const seat = { token: dee.token, sessionId, audiences: dee.audiences as ('room' | `role:${string}`)[], name: 'Dee' };
    render(<ParticipantApp bridge={bridge} store={createAppStore(bridge)} seat={seat} onLeave={() => undefined} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Alpha lead' })).toBeTruthy();
    const alphaTab = await screen.findByTestId('role-tab-alpha');
    expect(alphaTab.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('unread-bravo')).toBeNull();
    // The headline to everyone: seen on alpha (on screen), unread on bravo.
    await control({ type: 'inject.deliver', inject: 'public' });
    expect(await screen.findByText('Public headline for everyone')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('unread-bravo').textContent).toBe('1'));
    expect(screen.queryByTestId('unread-alpha')).toBeNull();

    await control({ type: 'inject.deliver', inject: 'bravo-question' });
    await waitFor(() => expect(screen.getByTestId('unread-bravo').textContent).toBe('2'));

    await act(async () => { fireEvent.click(screen.getByTestId('role-tab-bravo')); });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bravo lead' })).toBeTruthy();
    expect(screen.getByText('Bravo question')).toBeTruthy();
    expect(screen.queryByTestId('unread-bravo')).toBeNull();

    await control({ type: 'inject.deliver', inject: 'secret-alpha' });
    await waitFor(() => expect(screen.getByTestId('unread-alpha').textContent).toBe('1'));
    await act(async () => { fireEvent.click(screen.getByTestId('role-tab-alpha')); });
    expect(await screen.findByRole('heading', { level: 1, name: 'Alpha lead' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('unread-alpha')).toBeNull());
    expect(screen.queryByTestId('unread-bravo')).toBeNull();
  });
});
