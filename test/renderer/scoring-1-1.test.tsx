// @vitest-environment jsdom
// Scoring 1.1 in the UI, against the real core: a team that fixes everything and tells no one. The
// console lists the text answers waiting for a grade, oldest first, with their avoided reasons, and
// grades the oldest with one key; its live scores show the same overall band and cap as the
// debrief. The Debrief view leads with the overall rating and its cap, counts the provisional
// answers, puts avoided reasons beside the answer and shows the EEG of the rating in force.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Command } from '../../core/engine/commands.ts';
import type { Actor } from '../../core/engine/event.ts';
import { CAPPED_SCENARIO } from '../fixtures/debrief/capped.ts';
import { createHarness, createSession, renderApp } from './harness.tsx';

const CAP = 'Overall M: capped by Communicate (U). 78% would be S; the overall rating is at most one band above the weakest objective.';
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The capped fixture's play, live: detect and recover well, a holding statement that blames the vendor, never published. */
async function toldNoOne() {
  const h = createHarness([{ fileName: 'fixed-told-no-one.yaml', text: CAPPED_SCENARIO }]);
  const sessionId = await createSession(h, 'shipped-fixed-told-no-one', [
    { name: 'Ines', roles: ['ic'] }, { name: 'Eli', roles: ['eng'] }, { name: 'Cato', roles: ['comms'] },
  ]);
  const send = async (actor: Exclude<Actor, 'system'>, command: Command) => {
    const r = await h.bridge.request('live.dispatch', { sessionId, actor, command });
    if (!r.ok) throw new Error(r.error.message);
  };
  await send('facilitator', { type: 'session.start' });
  const at = async (minute: number, actor: Exclude<Actor, 'system'>, command: Command) => {
    await h.advance(minute * 60_000 - h.timers.now());
    await act(async () => { await send(actor, command); });
  };
  await at(1, 'role:ic', { type: 'prompt.answer', prompt: 'severity', answer: 'sev2' });
  await at(3, 'role:eng', { type: 'prompt.answer', prompt: 'mitigation', answer: 'rollback' });
  await at(4, 'role:eng', { type: 'action.take', action: 'rollback' });
  await at(7, 'role:comms', { type: 'prompt.answer', prompt: 'holding', answer: 'RecoCloud broke our recommendations. We are investigating and this will never happen again. Next update on the status page.' });
  await at(11, 'role:ic', { type: 'prompt.answer', prompt: 'exec-update', answer: 'We rolled back the model; ETA for full recovery 20 minutes.' });
  return { h, sessionId, send };
}

const key = async (k: string) => { await act(async () => { fireEvent.keyDown(window, { key: k }); }); };

describe('scoring 1.1 in the console', () => {
  it('lists answers to grade oldest first with avoided reasons, grades the oldest with one key, and shows the debrief\'s overall band', async () => {
    const { h, sessionId } = await toldNoOne();
    renderApp(h, `#/session/${sessionId}/console`);
    const region = await screen.findByRole('region', { name: 'Grade text answers' });
    const queue = await within(region).findByRole('list', { name: 'Answers waiting for a grade, oldest first' });
    const items = () => within(queue).queryAllByRole('listitem').filter((li) => li.parentElement === queue);
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(squash(items()[0]?.textContent)).toContain('7:00 · Communications Lead: Draft the holding statement for the status page.');
    expect(squash(items()[1]?.textContent)).toContain('11:00 · Incident Commander: What do you tell the VP?');
    expect(items()[0]?.getAttribute('aria-current')).toBe('step');
    const avoided = within(items()[0]!).getByRole('list', { name: 'Said what to avoid' });
    expect(within(avoided).getAllByRole('listitem').map((li) => squash(li.textContent))).toEqual([
      'avoid Promises what no one can promise', 'avoid Names and blames a vendor in public',
    ]);
    expect(items()[0]?.textContent).toContain('provisional: keyword credit 0%');
    expect(items()[1]?.textContent).toContain('provisional: keyword credit 100%');

    // Live scores: the same band and cap as the debrief, before any grade.
    const scores = screen.getByRole('region', { name: 'Live scores' });
    const debrief = await h.bridge.request('debrief.get', { sessionId });
    if (!debrief.ok) throw new Error(debrief.error.message);
    expect(debrief.value.score).toMatchObject({ rating: 'M', capped_by: 'communicate' });
    const overallRow = within(scores).getByLabelText('Overall score');
    expect(within(overallRow).getByTitle('Overall rating (band in force)').textContent).toBe(debrief.value.score.rating);
    expect(overallRow.textContent).toContain('78%');
    expect(scores.textContent).toContain('capped by Communicate (U): 78% would be S');

    // 0: no credit for the oldest (the holding statement); then a: accept the next one's keyword credit.
    await key('0');
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0]?.textContent).toContain('What do you tell the VP?');
    await key('a');
    await waitFor(() => expect(within(region).queryByRole('list', { name: 'Answers waiting for a grade, oldest first' })).toBeNull());
    expect(region.textContent).toContain('No answer is waiting for a grade.');
    const grades = h.bridge.dispatched().filter((d) => d.command.type === 'answer.grade');
    expect(grades).toEqual([
      { actor: 'facilitator', command: { type: 'answer.grade', prompt: 'holding', credit: 0, reason: 'No credit' }, ok: true },
      { actor: 'facilitator', command: { type: 'answer.grade', prompt: 'exec-update', credit: 1, reason: 'Keyword credit confirmed' }, ok: true },
    ]);
    // A further key press with nothing waiting grades nothing.
    await key('1');
    expect(h.bridge.dispatched().filter((d) => d.command.type === 'answer.grade')).toHaveLength(2);
    const graded = within(region).getByRole('list', { name: 'Graded text answers' });
    expect(graded.textContent).toContain('graded 0');
    expect(graded.textContent).toContain('graded 1');
  });

  it('keeps what the answer said to avoid in the reason when the keyword credit is accepted', async () => {
    const { h, sessionId } = await toldNoOne();
    renderApp(h, `#/session/${sessionId}/console`);
    const region = await screen.findByRole('region', { name: 'Grade text answers' });
    await within(region).findByRole('list', { name: 'Answers waiting for a grade, oldest first' });
    await act(async () => { fireEvent.click(within(region).getByRole('button', { name: 'Accept the keyword credit of the oldest answer to grade' })); });
    await waitFor(() => expect(h.bridge.dispatched().filter((d) => d.command.type === 'answer.grade')).toHaveLength(1));
    expect(h.bridge.dispatched().find((d) => d.command.type === 'answer.grade')?.command).toEqual({
      type: 'answer.grade', prompt: 'holding', credit: 0,
      reason: 'Keyword credit confirmed; said what to avoid: Promises what no one can promise; Names and blames a vendor in public',
    });
  });
});

describe('scoring 1.1 in the Debrief view', () => {
  it('leads with the overall rating and its cap, counts provisional answers, shows avoided reasons and the EEG', async () => {
    const { h, sessionId, send } = await toldNoOne();
    await act(async () => { await send('facilitator', { type: 'session.end' }); });
    renderApp(h, `#/session/${sessionId}/debrief`);
    const overall = await screen.findByRole('group', { name: 'Overall rating' });
    expect(overall.querySelector('.rating-badge')?.textContent).toBe('M');
    expect(squash(overall.querySelector('.clock')?.textContent)).toBe('M 78%');
    expect(squash(overall.querySelector('.dim')?.textContent)).toBe('Overall M: Performed with major challenges · 70.0 of 90.0 points');
    const about = screen.getByRole('region', { name: 'About the overall rating' });
    expect(squash(about.querySelector('p.cap')?.textContent)).toBe(CAP);
    expect(about.querySelector('p.cap em')?.textContent).toBe('Communicate');
    expect(within(about).getByRole('status').textContent).toBe('2 text answers are provisional: scored by keywords, not yet graded by the facilitator.');

    const decisions = screen.getByRole('region', { name: 'Decisions' });
    const holding = within(decisions).getByText(/Draft the holding statement/).closest('tr')!;
    expect(within(holding).getByText('provisional')).toBeTruthy();
    expect(within(within(holding).getByRole('list', { name: 'Said what to avoid' })).getAllByRole('listitem').map((li) => squash(li.textContent))).toEqual([
      'avoid Promises what no one can promise', 'avoid Names and blames a vendor in public',
    ]);
    const severity = within(decisions).getByText('What severity do you declare?').closest('tr')!;
    expect(within(severity).queryByRole('list', { name: 'Said what to avoid' })).toBeNull();

    const objectives = screen.getByRole('region', { name: 'Objectives' });
    expect(squash(objectives.textContent)).toContain('Evaluation guide (U): Nobody outside the team heard about the incident.');

    // Raising Communicate lifts the cap: the overall rating follows the objective in force.
    fireEvent.change(within(objectives).getByRole('combobox', { name: 'Rating for Communicate' }), { target: { value: 'S' } });
    fireEvent.change(within(objectives).getByRole('textbox', { name: 'Reason for the rating of Communicate' }), { target: { value: 'Told the VP in person' } });
    await act(async () => { fireEvent.click(within(objectives).getAllByRole('button', { name: 'Override' })[2]!); });
    await waitFor(() => expect(screen.getByRole('group', { name: 'Overall rating' }).querySelector('.rating-badge')?.textContent).toBe('S'));
    expect(screen.queryByText(/capped by/)).toBeNull();
    expect(squash(objectives.textContent)).toContain('Evaluation guide (S): A holding statement went out, late or without a next-update time.');
  });
});
