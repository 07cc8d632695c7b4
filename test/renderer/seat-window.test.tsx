// @vitest-environment jsdom
// A prompt's window on the role's seat (issue 14 item 17): each prompt with a `within` counts down
// from its inject's delivery, says when its time has passed, and, once answered in time, warns that
// a change after the window counts at the time of the change (the last answer counts, with its time).
// The real core behind the UI; the session is paused before each reading so the time is exact.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

describe('a prompt\'s window on the seat', () => {
  it('counts down to within, says when it has passed, and warns that a late change counts late', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    const send = (actor: string, command: unknown) => act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: actor as 'facilitator', command }); });
    await send('facilitator', { type: 'session.start' });

    renderApp(h, `#/session/${sessionId}/seat/alpha`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const decisions = await screen.findByRole('region', { name: 'Your decisions' });
    await h.advance(30_000);
    await send('facilitator', { type: 'session.pause' });
    // Delivered at 0:00 with `within: 2m`: 1:30 left at 0:30.
    await waitFor(() => expect(within(decisions).getByTestId('prompt-window').textContent).toBe('1:30 left to answer in time'));

    await send('facilitator', { type: 'session.resume' });
    fireEvent.change(within(decisions).getByRole('textbox'), { target: { value: 'first answer' } });
    fireEvent.click(within(decisions).getByRole('button', { name: 'Submit answer' }));
    await within(decisions).findByRole('button', { name: 'Change answer' });
    await send('facilitator', { type: 'session.pause' });
    await waitFor(() => expect(within(decisions).getByTestId('prompt-window').textContent).toBe('1:30 left to change it in time'));

    await send('facilitator', { type: 'session.resume' });
    await h.advance(100_000);
    await send('facilitator', { type: 'session.pause' });
    await waitFor(() => expect(within(decisions).getByTestId('prompt-window').textContent).toMatch(/^Answered in time\. Its time is up: if you change your answer now, the new time counts and it will be late\.$/));
  });

  it('says that an unanswered prompt is past its time, and shows no window for a prompt without one', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    const send = (command: unknown) => act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command }); });
    await send({ type: 'session.start' });
    await h.advance(125_000);
    await send({ type: 'session.pause' });

    renderApp(h, `#/session/${sessionId}/seat/alpha`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const decisions = await screen.findByRole('region', { name: 'Your decisions' });
    expect(within(decisions).getByTestId('prompt-window').textContent).toBe('Past its time by 0:05: answer now, it still counts');

    await goTo(`#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const bravo = await screen.findByRole('region', { name: 'Your decisions' });
    await within(bravo).findByText('Which way?');
    expect(within(bravo).queryByTestId('prompt-window')).toBeNull();
  });
});
