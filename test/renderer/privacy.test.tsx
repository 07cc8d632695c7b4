// @vitest-environment jsdom
// A role seat and the room screen never render another role's inject, an `expect` key, facilitator
// notes or a score: canary strings are placed in all of them, the whole exercise is played, and
// neither the rendered page nor anything pushed to those audiences contains one.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp } from './harness.tsx';
import { CANARIES, CANARY_SCENARIO } from './canary-scenario.ts';

function assertClean(text: string, where: string) {
  for (const canary of CANARIES) expect(text.includes(canary), `${where} shows ${canary}`).toBe(false);
}

describe('role seats and the room screen show nothing private', () => {
  it('keeps alpha\'s inject, notes, expect keys and scores away from bravo and the room', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    const send = (actor: 'facilitator' | `role:${string}`, command: unknown) => h.bridge.request('live.dispatch', { sessionId, actor, command });

    renderApp(h, `#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await screen.findByRole('heading', { name: 'Bravo lead' });

    await send('facilitator', { type: 'session.start' });
    await h.advance(1000);
    await send('role:alpha', { type: 'prompt.answer', prompt: 'alpha-text', answer: 'CANARY_ALPHA_ANSWER' });
    await send('role:alpha', { type: 'action.take', action: 'alpha-only' });
    await send('facilitator', { type: 'note.add', text: 'CANARY_FACILITATOR_NOTE', tag: 'strength' });
    await send('facilitator', { type: 'answer.grade', prompt: 'alpha-text', credit: 1, reason: 'CANARY_FACILITATOR_NOTE' });

    // Bravo sees its own question and the public inject, and can answer.
    await screen.findByText('Which way?');
    expect(screen.getAllByText('Public headline for everyone').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('radio', { name: 'Left' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await screen.findByText('Your answer:', { exact: false });
    // Hostile markup in a body is shown as text, never as elements.
    expect(document.querySelector('script, img')).toBeNull();
    expect(document.body.textContent).toContain("<script>alert('x')</script>");
    assertClean(document.body.textContent ?? '', 'the bravo seat');
    expect(document.body.textContent).not.toMatch(/\d+(\.\d+)?\s*%|points/i);

    await goTo(`#/session/${sessionId}/room`);
    await screen.findByRole('timer', { name: 'Exercise time' });
    await waitFor(() => expect(document.body.textContent).toContain('Public headline for everyone'));
    // Both roles have answered: nothing is pending.
    expect(document.body.textContent).toContain('No decision pending.');
    assertClean(document.body.textContent ?? '', 'the room screen');
    expect(document.body.textContent).not.toMatch(/\d+(\.\d+)?\s*%|points/i);

    await send('facilitator', { type: 'session.end' });
    await h.advance(1000);
    assertClean(document.body.textContent ?? '', 'the room screen after the end');

    // Nothing pushed to bravo or the room carried a canary, an `expect` key or points.
    const pushed = h.bridge.updates.filter((u) => u.audience === 'room' || u.audience === 'role:bravo');
    expect(pushed.length).toBeGreaterThan(3);
    const wire = JSON.stringify(pushed);
    assertClean(wire, 'a pushed update');
    expect(wire).not.toMatch(/"expect"|"points"|"keywords"|"facilitatorNotes"|"score"/);
    // The facilitator, by contrast, does see them (the canaries are real).
    const facilitator = await h.bridge.request('live.replay', { sessionId, audience: 'facilitator', seq: 1000 });
    expect(JSON.stringify(facilitator)).toContain('CANARY_NOTES_ALPHA');
  });
});
