// @vitest-environment jsdom
// The participant feedback form on a role's seat (issue 18 item 1), with the real core behind the
// UI: it appears once the session has ended, sends one feedback.submit, shows the role its own
// form again to correct, the room screen counts the forms, and the facilitator's debrief shows the
// anonymous summary.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Debrief } from '../../core/scoring/debrief-types.ts';
import { createHarness, createSession, goTo, renderApp, shippedScenarios, unlockSharedScreen } from './harness.tsx';

const ENTRY = 'shipped-llm-model-deprecation';

async function endedSession() {
  const h = createHarness(shippedScenarios().filter((s) => s.fileName === 'llm-model-deprecation.yaml'));
  const sessionId = await createSession(h, ENTRY, [{ name: 'Lee', roles: ['lead'] }, { name: 'Eve', roles: ['eng'] }, { name: 'Dee', roles: ['ds'] }]);
  const send = (actor: string, command: unknown) => h.bridge.request('live.dispatch', { sessionId, actor: actor as 'facilitator', command });
  return { h, sessionId, send };
}

async function debriefOf(h: ReturnType<typeof createHarness>, sessionId: string): Promise<Debrief> {
  const r = await h.bridge.request('debrief.get', { sessionId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the feedback form on the seat', () => {
  it('is not there while the exercise runs', async () => {
    const { h, sessionId, send } = await endedSession();
    await send('facilitator', { type: 'session.start' });
    renderApp(h, `#/session/${sessionId}/seat/lead`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await screen.findByRole('heading', { name: 'Decisions' });
    expect(screen.queryByRole('form', { name: 'Feedback form' })).toBeNull();
    const refused = await send('role:lead', { type: 'feedback.submit', strengths: ['x'], improvements: [], missed: '', actions: [], design: null, conduct: null, answers: [] });
    expect(refused.ok).toBe(false);
    cleanup();
  });

  it('appears at the end, sends the form, shows it again to correct, and the latest counts', async () => {
    const { h, sessionId, send } = await endedSession();
    await send('facilitator', { type: 'session.start' });
    await send('facilitator', { type: 'session.end' });
    renderApp(h, `#/session/${sessionId}/seat/lead`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const form = await screen.findByRole('form', { name: 'Feedback form' });
    const f = within(form);
    fireEvent.change(f.getByRole('textbox', { name: 'Strength 1' }), { target: { value: 'Clear roles' } });
    fireEvent.change(f.getByRole('textbox', { name: 'Strength 2' }), { target: { value: '<b>bold</b> claim' } });
    fireEvent.change(f.getByRole('textbox', { name: 'Area for improvement 1' }), { target: { value: 'Legal was slow' } });
    fireEvent.change(f.getByRole('textbox', { name: 'What the evaluators may have missed' }), { target: { value: 'The vendor call' } });
    fireEvent.change(f.getByRole('textbox', { name: 'Action 1' }), { target: { value: 'Pre-approve a contract template' } });
    fireEvent.change(f.getByRole('combobox', { name: 'Priority of action 1' }), { target: { value: 'high' } });
    fireEvent.change(f.getByRole('textbox', { name: 'Who should own action 1' }), { target: { value: 'Legal' } });
    fireEvent.click(within(f.getByRole('radiogroup', { name: /design/ })).getByRole('radio', { name: '4' }));
    fireEvent.click(within(f.getByRole('radiogroup', { name: /conduct/ })).getByRole('radio', { name: '5' }));
    fireEvent.click(within(f.getByRole('radiogroup', { name: /compressed month/ })).getByRole('radio', { name: '2' }));
    fireEvent.change(f.getByRole('textbox', { name: /What would you want legal/ }), { target: { value: 'A playbook' } });
    fireEvent.click(f.getByRole('button', { name: 'Send my feedback' }));
    await f.findByText('Thank you: your feedback was sent.');

    let summary = (await debriefOf(h, sessionId)).feedback!;
    expect(summary.respondents).toBe(1);
    expect(summary.scales.map((s) => [s.id, s.median])).toEqual([['design', 4], ['conduct', 5], ['compression', 2]]);
    expect(summary.texts.find((t) => t.id === 'strengths')?.answers.map((a) => a.text)).toEqual(['<b>bold</b> claim', 'Clear roles']);
    expect(summary.texts.find((t) => t.id === 'contract')?.answers).toEqual([{ text: 'A playbook', count: 1 }]);
    expect(summary.actions).toEqual([{ action: 'Pre-approve a contract template', priority: 'high', owner: 'Legal' }]);

    // Hidden and shown again (a fresh mount): the role's own form comes back from its view.
    fireEvent.click(screen.getByRole('button', { name: 'Hide my screen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const again = within(await screen.findByRole('form', { name: 'Feedback form' }));
    expect((again.getByRole('textbox', { name: 'Strength 1' }) as HTMLInputElement).value).toBe('Clear roles');
    expect((within(again.getByRole('radiogroup', { name: /design/ })).getByRole('radio', { name: '4' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(again.getByRole('radiogroup', { name: /design/ })).getByRole('radio', { name: '2' }));
    fireEvent.click(again.getByRole('button', { name: 'Send my feedback again' }));
    await again.findByText('Thank you: your feedback was sent.');
    summary = (await debriefOf(h, sessionId)).feedback!;
    expect(summary.respondents).toBe(1);
    expect(summary.scales[0]).toMatchObject({ id: 'design', count: 1, median: 2 });
    cleanup();
  });

  it('another role’s seat starts empty; the room counts the forms; the debrief shows the summary without names', async () => {
    const { h, sessionId, send } = await endedSession();
    await send('facilitator', { type: 'session.start' });
    await send('facilitator', { type: 'session.end' });
    const ok = await send('role:lead', { type: 'feedback.submit', strengths: ['Lead-only strength'], improvements: [], missed: '', actions: [], design: 3, conduct: null, answers: [] });
    expect(ok.ok).toBe(true);

    renderApp(h, `#/session/${sessionId}/seat/eng`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const form = await screen.findByRole('form', { name: 'Feedback form' });
    expect((within(form).getByRole('textbox', { name: 'Strength 1' }) as HTMLInputElement).value).toBe('');
    expect(document.body.textContent).not.toContain('Lead-only strength');
    cleanup();

    await unlockSharedScreen();
    renderApp(h, `#/session/${sessionId}/room`);
    expect((await screen.findByTestId('feedback-count')).textContent).toContain('1 of 3 roles have given feedback.');
    await act(async () => { await send('role:ds', { type: 'feedback.submit', strengths: [], improvements: ['Pace'], missed: '', actions: [], design: null, conduct: 4, answers: [] }); });
    await waitFor(() => expect(screen.getByTestId('feedback-count').textContent).toContain('2 of 3 roles have given feedback.'));
    expect(document.body.textContent).not.toMatch(/Lead-only strength|Pace/);

    await goTo(`#/session/${sessionId}/debrief`);
    const panel = await screen.findByRole('region', { name: 'Participant feedback' });
    await within(panel).findByText(/2 of 3 roles gave feedback/);
    expect(within(panel).getByRole('list', { name: 'Top strengths' }).textContent).toContain('Lead-only strength');
    expect(within(panel).getByRole('list', { name: 'Top areas for improvement' }).textContent).toContain('Pace');
    for (const who of ['Lee', 'Dee', 'Migration lead', 'Applied scientist']) expect(panel.textContent).not.toContain(who);
    cleanup();
  });
});
