// @vitest-environment jsdom
// The debrief's improvement plan and hotwash against the real core (issue 14, item 14): a plan with
// one empty row is refused whole (before, the valid row was saved under an "issue is empty" error),
// and unsaved plan rows and hotwash text survive going to the console and back.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

async function endedSession() {
  const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
  const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
  await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
  await h.advance(60_000);
  await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } });
  return { h, sessionId };
}

async function savedDebrief(h: ReturnType<typeof createHarness>, sessionId: string) {
  const r = await h.bridge.request('debrief.get', { sessionId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('debrief plan and hotwash', () => {
  it('refuses a plan with an empty row whole, keeps the rows, and saves them once the row is filled', async () => {
    const { h, sessionId } = await endedSession();
    renderApp(h, `#/session/${sessionId}/debrief`);
    const plan = await screen.findByRole('region', { name: 'Improvement plan' });
    fireEvent.click(within(plan).getByRole('button', { name: 'Add an item' }));
    fireEvent.click(within(plan).getByRole('button', { name: 'Add an item' }));
    fireEvent.change(within(plan).getByRole('textbox', { name: 'Issue 1' }), { target: { value: 'Paging took 9 minutes' } });
    fireEvent.change(within(plan).getByRole('textbox', { name: 'Corrective action 1' }), { target: { value: 'Page from the alert' } });
    await act(async () => { fireEvent.click(within(plan).getByRole('button', { name: 'Save the plan' })); });
    expect(await screen.findByText(/Item 2: The issue is empty\..*Nothing was saved\./)).toBeTruthy();
    expect((await savedDebrief(h, sessionId)).improvement_plan).toEqual([]);
    // The rows are still there to fix.
    expect((within(plan).getByRole('textbox', { name: 'Issue 1' }) as HTMLTextAreaElement).value).toBe('Paging took 9 minutes');
    fireEvent.change(within(plan).getByRole('textbox', { name: 'Issue 2' }), { target: { value: 'No status page template' } });
    await act(async () => { fireEvent.click(within(plan).getByRole('button', { name: 'Save the plan' })); });
    await waitFor(async () => expect((await savedDebrief(h, sessionId)).improvement_plan.map((i) => i.issue)).toEqual(['Paging took 9 minutes', 'No status page template']));
    await waitFor(() => expect(within(plan).queryByText(/Unsaved changes/)).toBeNull());
    expect(within(plan).getByRole('button', { name: 'Save the plan' }).hasAttribute('disabled')).toBe(true);

    // Removing a row and saving removes it from the plan.
    fireEvent.click(within(plan).getByRole('button', { name: 'Remove item 1' }));
    await act(async () => { fireEvent.click(within(plan).getByRole('button', { name: 'Save the plan' })); });
    await waitFor(async () => expect((await savedDebrief(h, sessionId)).improvement_plan.map((i) => i.issue)).toEqual(['No status page template']));
  });

  it('keeps unsaved hotwash text and plan rows across a visit to the console, and an emptied answer clears it', async () => {
    const { h, sessionId } = await endedSession();
    renderApp(h, `#/session/${sessionId}/debrief`);
    const hotwash = await screen.findByRole('region', { name: 'Hotwash' });
    const box = () => within(screen.getByRole('region', { name: 'Hotwash' })).getByRole('textbox', { name: 'CANARY_HOTWASH_QUESTION' }) as HTMLTextAreaElement;
    fireEvent.change(box(), { target: { value: 'We paged late' } });
    const plan = screen.getByRole('region', { name: 'Improvement plan' });
    fireEvent.click(within(plan).getByRole('button', { name: 'Add an item' }));
    fireEvent.change(within(plan).getByRole('textbox', { name: 'Issue 1' }), { target: { value: 'Half-written issue' } });
    expect(hotwash.textContent).toContain('Unsaved answers');

    await goTo(`#/session/${sessionId}/console`);
    await screen.findByRole('region', { name: 'Notes' });
    expect(screen.queryByRole('region', { name: 'Hotwash' })).toBeNull();
    await goTo(`#/session/${sessionId}/debrief`);
    await screen.findByRole('region', { name: 'Hotwash' });
    expect(box().value).toBe('We paged late');
    expect(screen.getByRole('region', { name: 'Hotwash' }).textContent).toContain('Unsaved answers');
    expect((within(screen.getByRole('region', { name: 'Improvement plan' })).getByRole('textbox', { name: 'Issue 1' }) as HTMLTextAreaElement).value).toBe('Half-written issue');
    expect((await savedDebrief(h, sessionId)).hotwash[0]!.answer).toBeNull();

    await act(async () => { fireEvent.click(within(screen.getByRole('region', { name: 'Hotwash' })).getByRole('button', { name: 'Save answers' })); });
    await waitFor(async () => expect((await savedDebrief(h, sessionId)).hotwash[0]!.answer).toBe('We paged late'));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Hotwash' }).textContent).not.toContain('Unsaved answers'));
    expect(box().value).toBe('We paged late');

    fireEvent.change(box(), { target: { value: '' } });
    await act(async () => { fireEvent.click(within(screen.getByRole('region', { name: 'Hotwash' })).getByRole('button', { name: 'Save answers' })); });
    await waitFor(async () => expect((await savedDebrief(h, sessionId)).hotwash[0]!.answer).toBeNull());
  });
});
