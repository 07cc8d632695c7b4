// @vitest-environment jsdom
// The Debrief view explains every decision's score against the real core (issue 14, item 16): the
// expected answer, correctness and timeliness with where each came from, the facilitator's grade
// and reason, and "correctness × timeliness × points = score" rather than a bare "22.2 / 37.0".
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createHarness, createSession, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

const HOSTILE = '<img src=x onerror="alert(1)"> **not bold**';

describe('debrief decisions', () => {
  it('shows the expected answer, the correctness and timeliness split, and the grade with its reason', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    const send = async (actor: string, command: unknown) => {
      const r = await h.bridge.request('live.dispatch', { sessionId, actor: actor as 'facilitator', command });
      if (!r.ok) throw new Error(r.error.message);
    };
    await send('facilitator', { type: 'session.start' });
    await h.advance(60_000);
    await send('role:bravo', { type: 'prompt.answer', prompt: 'bravo-choice', answer: 'right' });
    // alpha-text has `within: 2m`: answered at 3:00, a minute late, timeliness 1 - 0.5 × 60/120 = 0.75.
    await h.advance(120_000);
    await send('role:alpha', { type: 'prompt.answer', prompt: 'alpha-text', answer: 'We roll back now' });
    await send('facilitator', { type: 'answer.grade', prompt: 'alpha-text', credit: 0.8, reason: `Clear, no ETA ${HOSTILE}` });
    await send('facilitator', { type: 'session.end' });

    renderApp(h, `#/session/${sessionId}/debrief`);
    const region = await screen.findByRole('region', { name: 'Decisions' });
    const table = within(region).getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Role', 'Question', 'Expected', 'Answer', 'Response', 'Correct', 'Timely', 'Points']);
    const row = (ask: string) => {
      const tr = within(table).getByText(ask).closest('tr')!;
      return Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [headers[i]!, td.textContent ?? '']));
    };

    // Role titles come with the session's details, loaded beside the debrief: wait for them.
    await within(table).findAllByText('Alpha lead');
    const alpha = row('CANARY_ALPHA_ASK');
    expect(alpha.Role).toBe('Alpha lead');
    expect(alpha.Expected).toBe('Keywords: CANARYKEYWORD');
    expect(alpha.Correct).toContain('80%');
    expect(alpha.Correct).toContain('graded 0.8 by the facilitator');
    expect(alpha.Correct).toContain(`Reason: Clear, no ETA ${HOSTILE}`);
    expect(alpha.Timely).toContain('75%');
    expect(alpha.Timely).toContain('past the 2 min window');
    expect(alpha.Points).toContain('0.8 × 0.75 × 37 = 22.2');
    expect(document.querySelector('img')).toBeNull();

    const bravo = row('Which way?');
    expect(bravo.Expected).toBe('Best: Left. Acceptable: Right');
    expect(bravo.Answer).toContain('Right');
    expect(bravo.Correct).toContain('30%');
    expect(bravo.Correct).toContain('an acceptable answer');
    expect(bravo.Timely).toContain('100%');
    expect(bravo.Timely).toContain('no time limit');
    expect(bravo.Points).toContain('0.3 × 1.0 × 41 = 12.3');
  });
});
