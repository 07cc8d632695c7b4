// @vitest-environment jsdom
// The "Participants" control in the desktop app: the same component as in browser mode, here over
// the desktop verbs. Only the desktop part of the preload is a stand-in, and its joining verbs run
// the real join switch, so the real LAN server on 127.0.0.1 over the page's own service; a
// participant joins over real HTTP.
import './setup-dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DESKTOP_API_KEY } from '../../core/protocol/desktop.ts';
import { renderDesktop, type FakeDesktop } from './fake-desktop.ts';
import { createHarness, createSession, goTo } from './harness.tsx';

const fakes: FakeDesktop[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.closeJoining();
  delete window[DESKTOP_API_KEY];
});

const click = async (name: string | RegExp) => {
  const button = await screen.findByRole('button', { name });
  await act(async () => { fireEvent.click(button); });
};

async function join(base: string, code: string, name: string) {
  const response = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
  return { status: response.status, body: (await response.json()) as { token?: string } };
}

const reachable = (base: string) => fetch(`${base}/api/token`).then(() => true, () => false);

describe('let participants join, in the desktop app', () => {
  it('is off until turned on; then a code, a URL and a QR code; lock, remove and stop reach the real server', async () => {
    const h = createHarness();
    const sessionId = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Ada', roles: ['ic'] }]);
    const fake = await renderDesktop(h, `#/session/${sessionId}/console`);
    fakes.push(fake);
    await click('Participants');

    // Off: the address choice, this computer first, and no code.
    const panel = await screen.findByRole('region', { name: "Participants' devices" });
    const select = await within(panel).findByRole('combobox', { name: /Participants connect to/ });
    expect((select as HTMLSelectElement).value).toBe('127.0.0.1');
    expect(within(panel).getByText(/Only browsers on this computer can join/)).toBeTruthy();
    expect(screen.queryByTestId('join-code')).toBeNull();
    expect(fake.calls.some((c) => c.verb === 'lobby.status')).toBe(true);
    expect(fake.calls.some((c) => c.verb === 'lobby.open')).toBe(false);

    // A port that is no port keeps the switch from being pressed.
    const port = within(panel).getByRole('textbox', { name: /Port/ });
    await act(async () => { fireEvent.change(port, { target: { value: '99999' } }); });
    expect((within(panel).getByRole('button', { name: 'Let participants join' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => { fireEvent.change(port, { target: { value: '' } }); });

    await click('Let participants join');
    const code = (await screen.findByTestId('join-code')).textContent ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const url = screen.getByTestId('join-url').textContent ?? '';
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?code=(\d{6})$/.exec(url);
    expect(match?.[2]).toBe(code);
    const base = `http://127.0.0.1:${match?.[1]}`;
    expect(fake.calls.filter((c) => c.verb === 'lobby.open')).toEqual([{ verb: 'lobby.open', params: { sessionId, address: '127.0.0.1' } }]);
    expect(screen.getByRole('img', { name: `QR code for ${url}` }).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);

    // A participant joins with that code; locking shows them and stops latecomers.
    const ada = await join(base, code, 'Ada');
    expect(ada.status).toBe(200);
    await click('Lock the lobby');
    await screen.findByText('Locked: nobody new can join');
    expect(within(screen.getByRole('list', { name: 'Joined' })).getByText(/Ada · Incident Commander/)).toBeTruthy();
    expect((await join(base, code, 'Late')).status).toBe(423);
    await click('Unlock the lobby');
    await waitFor(() => expect(screen.queryByText('Locked: nobody new can join')).toBeNull());

    // The room screen shows the code and the QR code while people may join.
    await goTo(`#/session/${sessionId}/room`);
    const card = await screen.findByRole('complementary', { name: 'Join from your device' });
    expect(within(card).getByText(code)).toBeTruthy();
    await goTo(`#/session/${sessionId}/console`);

    // Removing Ada kills her token.
    if (!screen.queryByRole('region', { name: "Participants' devices" })) await click('Participants');
    await click('Remove Ada');
    await screen.findByText('Nobody has joined yet.');
    const token = await fetch(`${base}/api/token`, { headers: { 'X-Drillbook-Token': ada.body.token ?? '' } });
    expect(token.status).toBe(401);

    // Off again: the port closes.
    expect(await reachable(base)).toBe(true);
    await click('Stop joining');
    await screen.findByRole('button', { name: 'Let participants join' });
    expect(screen.queryByTestId('join-code')).toBeNull();
    expect(await reachable(base)).toBe(false);
  });

  it('shows the join card in a room window of that session, and no control in a seat window', async () => {
    const h = createHarness();
    const sessionId = await createSession(h, 'shipped-recsys-null-results', []);
    const room = await renderDesktop(h, `#/session/${sessionId}/room`, (f) => {
      f.context = { kind: 'room', role: null, sessionId };
    });
    fakes.push(room);
    // The facilitator's window turned joining on (the same main process, so the same switch).
    const on = await room.joining.open(sessionId, '127.0.0.1');
    if (!on.ok || !on.value.lobby) throw new Error('joining did not start');
    const card = await screen.findByRole('complementary', { name: 'Join from your device' }, { timeout: 5000 });
    expect(within(card).getByText(on.value.lobby.code)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Participants' })).toBeNull();
    room.unmount();
    delete window[DESKTOP_API_KEY];

    const seat = await renderDesktop(h, `#/session/${sessionId}/seat/ic`, (f) => {
      f.context = { kind: 'seat', role: 'ic', sessionId };
    });
    fakes.push(seat);
    // A seat window is a screen locked to the seats: the lobby control is not even mounted.
    await screen.findByRole('heading', { name: 'Screen hidden' });
    await act(async () => { await Promise.resolve(); });
    expect(screen.queryByRole('button', { name: 'Participants' })).toBeNull();
    expect(screen.queryByRole('complementary', { name: 'Join from your device' })).toBeNull();
    expect(seat.calls.some((c) => c.verb === 'lobby.card' || c.verb === 'lobby.status')).toBe(false);
  });
});
