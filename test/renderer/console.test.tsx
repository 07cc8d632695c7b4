// @vitest-environment jsdom
// The facilitator console against the real core: grading a text answer, an ad-hoc inject reaching
// only its roles, hostile participant text shown as text, live scores and runbook coverage,
// pending prompts, and the debrief's rating override.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

const HOSTILE = '<img src=x onerror="alert(1)"> **not bold** <script>x</script>';

async function runningSession() {
  const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
  const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
  await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
  await h.advance(1);
  return { h, sessionId };
}

describe('facilitator console', () => {
  it('grades a text answer, shows hostile text as text, and updates live scores and coverage', async () => {
    const { h, sessionId } = await runningSession();
    renderApp(h, `#/session/${sessionId}/console`);
    const pending = await screen.findByRole('region', { name: 'Pending prompts' });
    expect(pending.textContent).toContain('Alpha lead');
    expect(pending.textContent).toContain('Bravo lead');

    // Overdue: alpha's prompt has `within: 2m`.
    await h.advance(3 * 60_000);
    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'role:bravo', command: { type: 'chat.post', text: 'nudge' } }); });
    await waitFor(() => expect(pending.querySelector('.overdue')?.textContent).toContain('CANARY_ALPHA_ASK'));

    await act(async () => {
      await h.bridge.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'prompt.answer', prompt: 'alpha-text', answer: HOSTILE } });
      await h.bridge.request('live.dispatch', { sessionId, actor: 'role:bravo', command: { type: 'prompt.answer', prompt: 'bravo-choice', answer: 'left' } });
    });
    const answers = await screen.findByRole('region', { name: 'Grade text answers' });
    await waitFor(() => expect(answers.textContent).toContain(HOSTILE));
    expect(document.querySelector('img, script')).toBeNull();
    expect(screen.getByRole('list', { name: 'Decision feed' }).textContent).toContain(HOSTILE);
    // The feed names roles and actions by their titles, never by their ids (issue 14, item 18).
    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'role:alpha', command: { type: 'action.take', action: 'alpha-only' } }); });
    await waitFor(() => expect(screen.getByRole('list', { name: 'Decision feed' }).textContent).toContain('Alpha lead took action “CANARY_ALPHA_ACTION”'));
    const feed = screen.getByRole('list', { name: 'Decision feed' }).textContent ?? '';
    expect(feed).toContain('Bravo lead: nudge');
    expect(feed).toContain('Alpha lead answered “CANARY_ALPHA_ASK');
    expect(feed).not.toMatch(/\b(alpha|bravo)(:| answered| took)|alpha-only/);

    fireEvent.change(within(answers).getByRole('spinbutton', { name: 'Credit for alpha-text' }), { target: { value: '0.8' } });
    fireEvent.change(within(answers).getByRole('textbox', { name: 'Reason for the grade of alpha-text' }), { target: { value: 'Clear, no ETA' } });
    await act(async () => { fireEvent.click(within(answers).getByRole('button', { name: 'Grade' })); });
    const graded = h.bridge.dispatched().filter((d) => d.command.type === 'answer.grade');
    expect(graded).toEqual([{ actor: 'facilitator', command: { type: 'answer.grade', prompt: 'alpha-text', credit: 0.8, reason: 'Clear, no ETA' }, ok: true }]);
    await waitFor(() => expect(answers.textContent).toContain('graded 0.8'));

    // Live scores: bravo's best answer and alpha's graded answer count; the step was met on time.
    const scores = screen.getByRole('region', { name: 'Live scores' });
    // The overall band in force leads, then the percent (the same rules as the debrief).
    await waitFor(() => expect(scores.textContent).toMatch(/Overall\s*[PSMU]\s*\d+%/));
    expect(scores.textContent).not.toMatch(/Overall\s*[PSMU]?\s*0%/);
    const coverage = within(scores).getByRole('table', { name: 'Runbook coverage' });
    expect(coverage.textContent).toContain('CANARY_STEP_TEXT');
    expect(coverage.querySelector('.badge.ok')).not.toBeNull();
  });

  it('lists saved notes, newest first, and starts the next note from the default tag and no objective', async () => {
    const { h, sessionId } = await runningSession();
    renderApp(h, `#/session/${sessionId}/console`);
    const notes = await screen.findByRole('region', { name: 'Notes' });
    expect(notes.textContent).toContain('No notes yet');
    const text = within(notes).getByRole('textbox', { name: 'Note text' });
    fireEvent.click(within(notes).getByRole('button', { name: /Strength/ }));
    const objective = within(notes).getByRole('combobox', { name: 'Objective of the note' }) as HTMLSelectElement;
    fireEvent.change(objective, { target: { value: objective.options[1]?.value } });
    fireEvent.change(text, { target: { value: `First ${HOSTILE}` } });
    await act(async () => { fireEvent.click(within(notes).getByRole('button', { name: 'Save note' })); });
    const list = await within(notes).findByRole('list', { name: 'Notes taken' });
    await waitFor(() => expect(list.textContent).toContain(`First ${HOSTILE}`));
    expect(list.textContent).toContain('Strength');
    expect(document.querySelector('img, script')).toBeNull();
    // The tag and objective went back to their defaults: nothing carries over silently.
    expect(within(notes).getByRole('button', { name: /Observation/ }).getAttribute('aria-pressed')).toBe('true');
    expect(objective.value).toBe('');
    fireEvent.change(text, { target: { value: 'Second' } });
    await act(async () => { fireEvent.click(within(notes).getByRole('button', { name: 'Save note' })); });
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.note-text')?.textContent)).toEqual(['Second', `First ${HOSTILE}`]));
    const dispatched = h.bridge.dispatched().filter((d) => d.command.type === 'note.add').map((d) => d.command);
    expect(dispatched[1]).toEqual({ type: 'note.add', text: 'Second', tag: 'observation' });
  });

  it('edits and deletes a note from the list; the debrief and its report show the edit and leave the deleted note out', async () => {
    const { h, sessionId } = await runningSession();
    renderApp(h, `#/session/${sessionId}/console`);
    const notes = await screen.findByRole('region', { name: 'Notes' });
    const text = within(notes).getByRole('textbox', { name: 'Note text' });
    for (const words of ['Alpha paged late', 'WRONG-SESSION-NOTE']) {
      fireEvent.change(text, { target: { value: words } });
      await act(async () => { fireEvent.click(within(notes).getByRole('button', { name: 'Save note' })); });
    }
    const list = await within(notes).findByRole('list', { name: 'Notes taken' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const [wrong, first] = within(list).getAllByRole('listitem');

    // Edit the first note: new text, tag and objective.
    fireEvent.click(within(first!).getByRole('button', { name: /^Edit the note of/ }));
    const editor = within(first!).getByRole('textbox', { name: 'Edited note text' });
    expect((editor as HTMLTextAreaElement).value).toBe('Alpha paged late');
    fireEvent.change(editor, { target: { value: `Alpha paged on time ${HOSTILE}` } });
    fireEvent.change(within(first!).getByRole('combobox', { name: 'Tag of the edited note' }), { target: { value: 'strength' } });
    const objective = within(first!).getByRole('combobox', { name: 'Objective of the edited note' }) as HTMLSelectElement;
    fireEvent.change(objective, { target: { value: objective.options[1]!.value } });
    await act(async () => { fireEvent.click(within(first!).getByRole('button', { name: 'Save the edit' })); });
    await waitFor(() => expect(list.textContent).toContain(`Alpha paged on time ${HOSTILE}`));
    expect(list.textContent).not.toContain('Alpha paged late');
    expect(document.querySelector('img, script')).toBeNull();

    // Delete the other, after a confirmation.
    fireEvent.click(within(wrong!).getByRole('button', { name: /^Delete the note of/ }));
    await act(async () => { fireEvent.click(within(wrong!).getByRole('button', { name: 'Delete the note' })); });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(notes.textContent).toContain('1 note,');
    expect(notes.textContent).not.toContain('WRONG-SESSION-NOTE');

    const sent = h.bridge.dispatched().filter((d) => d.command.type.startsWith('note.'));
    expect(sent.map((d) => [d.command.type, d.ok])).toEqual([['note.add', true], ['note.add', true], ['note.edit', true], ['note.delete', true]]);
    expect(sent[2]!.command).toMatchObject({ tag: 'strength', objective: objective.options[1]!.value, text: `Alpha paged on time ${HOSTILE}` });

    const debrief = await h.bridge.request('debrief.get', { sessionId });
    if (!debrief.ok) throw new Error(debrief.error.message);
    expect(debrief.value.notes.map((n) => [n.text, n.tag])).toEqual([[`Alpha paged on time ${HOSTILE}`, 'strength']]);
    const report = await h.bridge.request('report.export', { sessionId, format: 'md', anonymize: false, includeNotes: true });
    if (!report.ok) throw new Error(report.error.message);
    const content = (report.value as { content: string }).content;
    expect(content).toContain('Alpha paged on time');
    expect(content).not.toContain('WRONG-SESSION-NOTE');
    expect(content).not.toContain('Alpha paged late');
  });

  it('sends an ad-hoc inject with a question to one role only', async () => {
    const { h, sessionId } = await runningSession();
    renderApp(h, `#/session/${sessionId}/console`);
    const composer = await screen.findByRole('form', { name: 'Ad-hoc inject' });
    fireEvent.click(within(composer).getByRole('checkbox', { name: 'Everyone' }));
    fireEvent.click(within(composer).getByRole('checkbox', { name: 'Bravo lead' }));
    fireEvent.change(within(composer).getByRole('combobox', { name: 'Channel' }), { target: { value: 'call' } });
    fireEvent.change(within(composer).getByRole('textbox', { name: 'Inject title' }), { target: { value: 'CEO on the line' } });
    fireEvent.change(within(composer).getByRole('textbox', { name: 'Inject body' }), { target: { value: 'She wants an *ETA*.' } });
    fireEvent.click(within(composer).getByRole('checkbox', { name: 'Ask a question (not scored)' }));
    fireEvent.change(within(composer).getByRole('combobox', { name: 'Prompt role' }), { target: { value: 'bravo' } });
    fireEvent.change(within(composer).getByRole('textbox', { name: 'Question' }), { target: { value: 'What ETA do you give?' } });
    await act(async () => { fireEvent.click(within(composer).getByRole('button', { name: 'Send inject' })); });
    await h.advance(1);
    const sent = h.bridge.dispatched().find((d) => d.command.type === 'adhoc.send')!;
    expect(sent.ok).toBe(true);
    expect(sent.command).toMatchObject({ to: ['bravo'], channel: 'call', title: 'CEO on the line', prompt: { role: 'bravo', ask: 'What ETA do you give?', type: 'text' } });

    await goTo(`#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await screen.findByRole('heading', { name: 'CEO on the line' });
    expect(screen.getByText('What ETA do you give?')).toBeTruthy();
    await goTo(`#/session/${sessionId}/seat/alpha`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await screen.findByRole('heading', { name: 'Alpha lead' });
    expect(screen.queryByText('CEO on the line')).toBeNull();
  });

  it('overrides a rating with a reason in the debrief', async () => {
    const { h, sessionId } = await runningSession();
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } });
    renderApp(h, `#/session/${sessionId}/debrief`);
    const objectives = await screen.findByRole('region', { name: 'Objectives' });
    expect(within(objectives).getByText('U')).toBeTruthy();
    fireEvent.change(within(objectives).getByRole('combobox', { name: 'Rating for CANARY_OBJECTIVE_TITLE' }), { target: { value: 'M' } });
    fireEvent.change(within(objectives).getByRole('textbox', { name: 'Reason for the rating of CANARY_OBJECTIVE_TITLE' }), { target: { value: 'Talked it through' } });
    await act(async () => { fireEvent.click(within(objectives).getByRole('button', { name: 'Override' })); });
    await waitFor(() => expect(objectives.textContent).toContain('computed U; overridden: Talked it through'));
    const rate = h.bridge.requests.find((r) => r.method === 'debrief.rate')!;
    expect(rate.params).toEqual({ sessionId, objective: 'obj', rating: 'M', reason: 'Talked it through' });
  });
});
