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

/** Every key anywhere in a value, as dotted paths with array indexes dropped. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keyPaths(v, prefix, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.add(path);
      keyPaths(v, path, out);
    }
  }
  return out;
}

describe('the room screen\'s timing and pending fields (issue 14 item 10)', () => {
  it('show the clock, a PAUSED and an ENDED banner, the next scheduled inject and who owes a decision, and nothing private', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    const send = (actor: 'facilitator' | `role:${string}`, command: unknown) => h.bridge.request('live.dispatch', { sessionId, actor, command });

    renderApp(h, `#/session/${sessionId}/room`);
    await screen.findByRole('timer', { name: 'Exercise time' });
    await send('facilitator', { type: 'session.start' });
    await h.advance(60_000);
    await send('facilitator', { type: 'session.pause' });

    // Both roles owe a decision; only their titles show, with how long they have waited.
    await waitFor(() => expect(screen.getAllByTestId('pending-badge').map((b) => b.textContent)).toEqual(['Alpha lead 1:00', 'Bravo lead 1:00']));
    // The next inject on a fixed schedule is `later-public` at 8:00; alpha's consequence (due at
    // 3:00, set off by the delivery of alpha's own inject) is not counted down.
    expect(screen.getByTestId('next-inject').textContent).toBe('Next inject in 7:00');
    expect(document.querySelector('.room-banner.paused')?.textContent).toContain('PAUSED');
    expect(document.querySelector('.room-banner')?.textContent).toContain('The facilitator paused the exercise.');
    assertClean(document.body.textContent ?? '', 'the paused room screen');

    await send('facilitator', { type: 'session.resume' });
    await send('role:alpha', { type: 'prompt.answer', prompt: 'alpha-text', answer: 'CANARY_ALPHA_ANSWER' });
    await h.advance(1000);
    await waitFor(() => expect(screen.getAllByTestId('pending-badge').map((b) => b.textContent?.replace(/ \d+:\d\d$/, ''))).toEqual(['Bravo lead']));
    expect(document.querySelector('.room-banner')).toBeNull();
    await h.advance(150_000);
    await send('facilitator', { type: 'session.end' });
    await h.advance(1000);
    await waitFor(() => expect(document.querySelector('.room-banner.ended')?.textContent).toContain('ENDED'));
    expect(screen.queryByTestId('next-inject')).toBeNull();
    // A role's feedback form reaches the room as a count only (issue 18 item 1).
    expect((await send('role:alpha', { type: 'feedback.submit', strengths: ['FEEDBACK_SECRET_ALPHA'], improvements: [], missed: '', actions: [], design: 2, conduct: null, answers: [] })).ok).toBe(true);
    await waitFor(() => expect(screen.getByTestId('feedback-count').textContent).toContain('1 of 2 roles have given feedback.'));
    expect(document.body.textContent).not.toContain('FEEDBACK_SECRET_ALPHA');
    assertClean(document.body.textContent ?? '', 'the ended room screen');

    // What reached the room: exactly the allowed fields, no more (a new field must be added here on purpose).
    const room = h.bridge.updates.filter((u) => u.audience === 'room');
    const paths = new Set<string>();
    for (const u of room) if (u.kind === 'projection') keyPaths(u.projection, '', paths);
    expect(paths.has('nextInjectAt')).toBe(true);
    const allowed = new Set([
      'audience', 'scenario', 'scenario.id', 'scenario.title', 'scenario.summary',
      'clock', 'clock.status', 'clock.exerciseMs', 'clock.speed', 'clock.durationMs', 'clock.pausedFor', 'storyTime',
      'injects', ...['id', 'channel', 'from', 'title', 'body', 'storyTime', 'table', 'chart', 'deliveredAt', 'adhoc'].map((k) => `injects.${k}`),
      'pending', 'pending.role', 'pending.title', 'pending.count', 'pending.since', 'nextInjectAt',
      'feedback', 'feedback.given', 'feedback.of',
    ]);
    expect([...paths].filter((p) => !allowed.has(p))).toEqual([]);
    assertClean(JSON.stringify(room), 'a room update');
    expect(JSON.stringify(room)).not.toContain('FEEDBACK_SECRET_ALPHA');

    // A role's prompt carries its window as a time, never the `expect` it comes from.
    const bravo = await h.bridge.request('live.replay', { sessionId, audience: 'role:bravo', seq: 1000 });
    const alpha = await h.bridge.request('live.replay', { sessionId, audience: 'role:alpha', seq: 1000 });
    expect(JSON.stringify(bravo)).not.toMatch(/"expect"|"within"|"keywords"|"best"|"acceptable"/);
    expect(JSON.stringify(alpha)).not.toMatch(/"expect"|"within"|"keywords"|"best"|"acceptable"/);
    expect(JSON.stringify(alpha)).toContain('"answerBy":120000');
    // A role sees its own feedback form again, never another's.
    expect(JSON.stringify(alpha)).toContain('FEEDBACK_SECRET_ALPHA');
    expect(JSON.stringify(bravo)).not.toContain('FEEDBACK_SECRET_ALPHA');
  });
});
