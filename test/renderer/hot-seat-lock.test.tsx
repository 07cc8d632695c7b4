// @vitest-environment jsdom
// The shared laptop (hot seat, issue 14 item 9): once it shows the seats it is locked to them. No
// navigation (Console, Debrief) renders on a seat or its cover, a hash typed or pushed to the
// console shows the seats instead, the facilitator's Participants control is gone, a reload keeps
// the lock, and only the facilitator's PIN unlocks it. The real core behind the UI.
import './setup-dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp } from './harness.tsx';
import { CANARIES, CANARY_SCENARIO } from './canary-scenario.ts';

afterEach(() => sessionStorage.clear());

const click = async (name: string | RegExp) => {
  const button = await screen.findByRole('button', { name });
  await act(async () => { fireEvent.click(button); });
};

describe('a shared screen locked to the seats', () => {
  it('hides the facilitator\'s navigation until the facilitator unlocks it with the PIN', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    await h.advance(1000);
    renderApp(h, `#/session/${sessionId}/console`);
    await screen.findByRole('toolbar', { name: 'Clock controls' });

    // The facilitator hands the screen over: Seats.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Seats' }));
    await act(async () => { window.dispatchEvent(new HashChangeEvent('hashchange')); });
    await screen.findByRole('heading', { name: 'Whose turn is it?' });
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Console|Debrief/ })).toBeNull();
    expect(screen.getByText('Shared screen: seats only')).toBeTruthy();

    // The facilitator sets the PIN.
    fireEvent.change(screen.getByLabelText('New unlock PIN'), { target: { value: '2468' } });
    await click('Set the PIN');
    await screen.findByText(/until the facilitator unlocks it with the PIN/);

    // A participant takes the seat: cover, then the seat; no navigation on either.
    await click(/^Bravo lead/);
    await screen.findByRole('heading', { name: 'Screen hidden' });
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await click('Show my screen');
    await screen.findByRole('heading', { name: 'Bravo lead' });
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();

    // The console's or the debrief's address shows the seats instead, and nothing private.
    for (const view of ['console', 'debrief']) {
      await goTo(`#/session/${sessionId}/${view}`);
      await screen.findByRole('heading', { name: 'Whose turn is it?' });
      await waitFor(() => expect(window.location.hash).toBe(`#/session/${sessionId}/seat`));
      expect(screen.queryByRole('toolbar', { name: 'Clock controls' })).toBeNull();
      for (const canary of CANARIES) expect(document.body.textContent).not.toContain(canary);
    }

    // A reload keeps the lock.
    cleanup();
    renderApp(h, `#/session/${sessionId}/console`);
    await screen.findByRole('heading', { name: 'Whose turn is it?' });
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();

    // A wrong PIN keeps it locked; the facilitator's PIN opens the console.
    await click('Facilitator: unlock');
    const dialog = screen.getByRole('dialog', { name: "Unlock the facilitator's views?" });
    fireEvent.change(within(dialog).getByLabelText('Unlock PIN'), { target: { value: '1111' } });
    await click('Unlock and open the console');
    expect(within(dialog).getByRole('alert').textContent).toContain('not the PIN');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Unlock PIN'), { target: { value: '2468' } });
    await click('Unlock and open the console');
    expect(window.location.hash).toBe(`#/session/${sessionId}/console`);
    await act(async () => { window.dispatchEvent(new HashChangeEvent('hashchange')); });
    await screen.findByRole('toolbar', { name: 'Clock controls' });
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });
});
