// @vitest-environment jsdom
// A participant's seat when the facilitator's computer goes away and comes back (issue 14 item 5):
// while the window is not connected its clock stands and says so (never "Running" on its own);
// once back, a session the restarted host recovered shows "Paused: the facilitator's computer
// restarted", and answering opens again when the facilitator resumes. The real service behind it,
// restarted over the same storage.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, screen, fireEvent, waitFor, cleanup } from '@testing-library/react';
import { createHarness, createSession, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

const shipped = [{ fileName: 'canary.yaml', text: CANARY_SCENARIO }];

describe('the seat across a restart of the host', () => {
  it('stops its clock and says "Not connected" while away, then shows the restart pause and carries on after Resume', async () => {
    const h = createHarness(shipped);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Bea', roles: ['bravo'] }]);
    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }); });
    await h.advance(3000);
    renderApp(h, `#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const status = await screen.findByTestId('seat-status');
    expect(status.textContent).toBe('Running');
    const timer = screen.getByRole('timer');
    await waitFor(() => expect(timer.textContent).toBe('0:03'));

    // The connection drops: the clock stands where it was, and the line says why.
    act(() => h.bridge.setConnection('lost'));
    expect(status.textContent).toBe('Not connected');
    const shown = timer.textContent;
    await act(async () => { await new Promise((r) => setTimeout(r, 1200)); });
    expect(timer.textContent).toBe(shown);
    expect(screen.queryByText('Running')).toBeNull();
    cleanup();

    // The host restarts over the same data: the running session comes back paused, "recovered".
    const restarted = createHarness(shipped, h.storage);
    renderApp(restarted, `#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await waitFor(() => expect(screen.getByTestId('seat-status').textContent).toBe('Paused: the facilitator\'s computer restarted'));
    expect(screen.getByText(/^Paused: the facilitator's computer restarted\. Your answers so far are saved/)).toBeTruthy();

    await act(async () => { await restarted.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.resume' } }); });
    await waitFor(() => expect(screen.getByTestId('seat-status').textContent).toBe('Running'));
    expect(screen.queryByText(/facilitator's computer restarted/)).toBeNull();
  });
});
