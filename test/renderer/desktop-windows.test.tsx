// @vitest-environment jsdom
// Seat windows on demand: in the desktop app's facilitator window, the seat picker offers each role
// a window of its own through the desktop API; a seat window and a browser offer none.
import './setup-dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { DESKTOP_API_KEY } from '../../core/protocol/desktop.ts';
import { renderDesktop } from './fake-desktop.ts';
import { createHarness, createSession, renderApp } from './harness.tsx';

afterEach(() => {
  delete window[DESKTOP_API_KEY];
});

describe('seat windows from the seat picker', () => {
  it('opens a role’s own window through the desktop in the facilitator’s window', async () => {
    const h = createHarness();
    const sessionId = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Ada', roles: ['ic'] }]);
    const fake = await renderDesktop(h, `#/session/${sessionId}/seat`);
    await screen.findByRole('heading', { name: 'Whose turn is it?' });
    const own = await screen.findByRole('button', { name: /^Incident Commander: own window$/ });
    await act(async () => { fireEvent.click(own); });
    expect(fake.calls.filter((c) => c.verb === 'openSeat')).toEqual([{ verb: 'openSeat', params: { sessionId, role: 'ic' } }]);
    // The hot-seat buttons still switch this screen, never open windows.
    expect(window.location.hash).toBe(`#/session/${sessionId}/seat`);
  });

  it('offers no own windows in a seat window or in a browser', async () => {
    const h = createHarness();
    const sessionId = await createSession(h, 'shipped-recsys-null-results', []);
    const fake = await renderDesktop(h, `#/session/${sessionId}/seat`, (f) => {
      f.context = { kind: 'seat', role: 'ic', sessionId };
    });
    await screen.findByRole('heading', { name: 'Whose turn is it?' });
    await act(async () => { await Promise.resolve(); });
    expect(fake.calls.some((c) => c.verb === 'windowContext')).toBe(true);
    expect(screen.queryByRole('button', { name: /own window/ })).toBeNull();
    fake.unmount();
    delete window[DESKTOP_API_KEY];

    renderApp(h, `#/session/${sessionId}/seat`);
    await screen.findByRole('heading', { name: 'Whose turn is it?' });
    expect(screen.queryByRole('button', { name: /own window/ })).toBeNull();
  });
});
