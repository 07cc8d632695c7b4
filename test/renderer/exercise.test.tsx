// @vitest-environment jsdom
// A whole exercise through the UI, against the real core: the library, setup, the console, a
// role's seat, the room screen, the end, the debrief and an export.
import { downloadedFiles } from './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, goTo, renderApp, unlockSharedScreen } from './harness.tsx';

const TITLE = 'Empty shelves: the recommendation API returns nothing for 1 in 5 users';

describe('a whole exercise from the library to an export', () => {
  it('picks a shipped scenario, seats people, runs it, answers from a seat, ends it and exports the debrief', async () => {
    const h = createHarness();
    renderApp(h, '#/library');

    // Library and preview.
    const entry = await within(await screen.findByRole('listbox', { name: 'Scenarios' })).findByRole('option', { name: new RegExp(TITLE.slice(0, 20)) });
    fireEvent.click(entry);
    await goTo('#/library/shipped-recsys-null-results');
    await screen.findByRole('heading', { name: TITLE });
    expect(screen.getByRole('heading', { name: 'Runbook' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Timeline of \d+ scheduled injects/ })).toBeTruthy();

    // Setup: a facilitator, Ada as IC, Bo as engineer and comms, vendor left empty.
    fireEvent.click(screen.getByRole('button', { name: 'Start a session…' }));
    await goTo('#/setup/shipped-recsys-null-results');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'Fran' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Participant 1 name' }), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Participant 2 name' }), { target: { value: 'Bo' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Participant 2 plays Communications lead' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/session\/[^/]+\/console$/));
    const sessionId = window.location.hash.split('/')[2]!;
    await goTo(window.location.hash);

    // Console: start, time passes, injects go out.
    const start = await screen.findByRole('button', { name: /^Start/ });
    fireEvent.click(start);
    await waitFor(() => expect(screen.getAllByText('Running', { exact: false }).length).toBeGreaterThan(0));
    await h.advance(2 * 60_000 + 1);
    const timeline = screen.getByRole('listbox', { name: 'Injects' });
    await waitFor(() => expect(within(timeline).getAllByText('delivered').length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('region', { name: 'Pending prompts' }).textContent).toContain('What severity do you declare?');

    // The IC answers from the seat (behind the hot-seat cover).
    await goTo(`#/session/${sessionId}/seat/ic`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    fireEvent.click(await screen.findByRole('radio', { name: /^SEV2$/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    await screen.findByText('Your answer:', { exact: false });

    // The room screen shows the clock and the pending strip, not the IC's answer.
    await goTo(`#/session/${sessionId}/room`);
    await screen.findByRole('timer', { name: 'Exercise time' });
    expect(screen.getByRole('contentinfo', { name: 'Decisions pending' })).toBeTruthy();

    // The facilitator takes the shared screen back from the seats.
    await unlockSharedScreen();
    // Back at the console: a note, then the end.
    await goTo(`#/session/${sessionId}/console`);
    const feed = await screen.findByRole('list', { name: 'Decision feed' });
    expect(feed.textContent).toContain('SEV2');
    fireEvent.change(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'IC declared quickly' } });
    fireEvent.click(screen.getByRole('button', { name: /Strength/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Notes taken' }).textContent).toContain('IC declared quickly'));
    fireEvent.click(screen.getByRole('button', { name: /^End the session/ }));
    await waitFor(() => expect(screen.getByText('Ended', { exact: false })).toBeTruthy());

    // Debrief: scores, the plan, and every text export.
    await goTo(`#/session/${sessionId}/debrief`);
    await screen.findByRole('heading', { name: `Debrief: ${TITLE}` });
    expect(screen.getByRole('region', { name: 'Runbook coverage' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add an item' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Issue 1' }), { target: { value: 'Breaker ignores empty 200s' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    await waitFor(() => expect(h.bridge.requests.some((r) => r.method === 'debrief.savePlan' && r.result.ok)).toBe(true));

    for (const label of ['HTML report', 'Markdown', 'Decisions CSV', 'JSON']) {
      await act(async () => { fireEvent.click(screen.getByRole('button', { name: label })); });
    }
    await waitFor(() => expect(h.bridge.requests.filter((r) => r.method === 'report.export')).toHaveLength(4));
    const exports = h.bridge.requests.filter((r) => r.method === 'report.export');
    for (const e of exports) expect(e.result.ok).toBe(true);
    expect(downloadedFiles.filter((f) => f.startsWith('recsys-null-results-'))).toHaveLength(4);
    const md = exports.find((e) => (e.params as { format: string }).format === 'md')!;
    const content = (md.result as { ok: true; value: { content: string } }).value.content;
    expect(content).toContain(TITLE);
    expect(content).toContain('Breaker ignores empty 200s');
    expect(content).toContain('IC declared quickly');
  });
});
