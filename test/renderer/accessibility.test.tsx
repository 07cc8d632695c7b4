// @vitest-environment jsdom
// axe over every view, against the real core behind the in-process bridge, in the states a player
// or facilitator meets: before the start, while running, after the end. Serious and critical
// findings fail, and a few structural ones (below); color-contrast needs a real renderer (it is
// checked on the Chromium screenshots instead). Also: the inject timeline's listbox names its
// selected option (aria-activedescendant) as the arrow keys move it.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { createHarness, createSession, goTo, renderApp, unlockSharedScreen } from './harness.tsx';
import { VirtualList } from '../../renderer/components/VirtualList.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

// Heading order and the page's main heading are only "moderate" to axe, but a projector or screen
// reader user relies on them, so they fail too.
const ALSO_FAIL = new Set(['heading-order', 'page-has-heading-one', 'empty-heading', 'empty-table-header', 'landmark-unique']);

async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALSO_FAIL.has(v.id))
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const found: string[] = [];
async function expectClean(where: string) {
  for (const v of await seriousViolations()) found.push(`${where}: ${v}`);
}

describe('accessibility of every view (axe, serious and critical)', () => {
  it('has no serious violation in the library, setup, console and its help, seats, room, debrief, history, comparison and register', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    renderApp(h, '#/library/shipped-canary-drill');
    await screen.findByRole('heading', { name: 'Canary drill' });
    await expectClean('library');

    await goTo('#/setup/shipped-canary-drill');
    await screen.findByRole('heading', { name: 'New session: Canary drill' });
    await expectClean('setup');

    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    await goTo(`#/session/${sessionId}/room`);
    await screen.findByText('Everyone sees this summary.');
    await expectClean('room screen before the start');

    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }); });
    await h.advance(1000);
    await screen.findAllByText('Public headline for everyone');
    await expectClean('room screen while running');

    await goTo(`#/session/${sessionId}/console`);
    await screen.findByRole('toolbar', { name: 'Clock controls' });
    await expectClean('console');
    fireEvent.click(await screen.findByRole('button', { name: /keyboard shortcuts/ }));
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await expectClean('console shortcut help');
    fireEvent.keyDown(help, { key: 'Escape' });

    await goTo(`#/session/${sessionId}/seat`);
    await screen.findByRole('button', { name: 'Alpha lead (Al)' });
    await expectClean('seat picker');
    await goTo(`#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await screen.findByText('Which way?');
    await expectClean('bravo seat');

    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } }); });
    // After the end the seat shows the feedback form; once a form is in, the debrief summarises it.
    await screen.findByRole('form', { name: 'Feedback form' });
    await expectClean('bravo seat with the feedback form');
    await act(async () => {
      await h.bridge.request('live.dispatch', { sessionId, actor: 'role:bravo', command: { type: 'feedback.submit', strengths: ['Calm'], improvements: ['Faster paging'], missed: '', actions: [{ action: 'Drill again', priority: 'high', owner: 'Ops' }], design: 4, conduct: 5, answers: [] } });
    });
    // The facilitator takes the shared screen back from the seats.
    await unlockSharedScreen();
    await goTo(`#/session/${sessionId}/debrief`);
    await screen.findByRole('region', { name: 'Improvement plan' });
    await screen.findByRole('table', { name: 'Suggested corrective actions' });
    await expectClean('debrief');

    await goTo('#/history');
    await screen.findByRole('table', { name: 'Past sessions' });
    await expectClean('history');

    const second = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }]);
    for (const type of ['session.start', 'session.end']) await h.bridge.request('live.dispatch', { sessionId: second, actor: 'facilitator', command: { type } });
    await goTo(`#/compare/${sessionId},${second}`);
    await screen.findByRole('heading', { name: /Compare runs/ });
    await expectClean('compare');

    await h.bridge.request('debrief.savePlan', { sessionId, items: [{ id: 'new', issue: 'Slow paging', corrective_action: 'Second rotation', owner: 'SRE', due: '2020-01-01', objective: null }] });
    await goTo('#/register');
    await screen.findByRole('table', { name: 'Corrective actions' });
    await expectClean('register');
    expect(found).toEqual([]);
  });

  it('the inject timeline names its selected option with aria-activedescendant, following the arrow keys', async () => {
    const h = createHarness();
    await h.advance(0);
    const sessionId = await createSession(h, 'shipped-recsys-null-results', []);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    await h.advance(1);
    renderApp(h, `#/session/${sessionId}/console`);
    const list = await screen.findByRole('listbox', { name: 'Injects' });
    /** The option the listbox names, which must be in the listbox and be the selected one. */
    const active = () => {
      const id = list.getAttribute('aria-activedescendant');
      if (!id) throw new Error('the listbox names no active option');
      const option = document.getElementById(id);
      if (!option || !list.contains(option)) throw new Error(`aria-activedescendant names ${id}, which is not an option of the listbox`);
      expect(option.getAttribute('role')).toBe('option');
      expect(option.getAttribute('aria-selected')).toBe('true');
      return option;
    };
    await waitFor(() => expect(active().textContent).toContain('recs-gateway: empty responses'));
    const first = active().id;
    await act(async () => { fireEvent.keyDown(list, { key: 'ArrowDown' }); });
    expect(active().textContent).toContain('Contact spike');
    expect(active().id).not.toBe(first);
    await act(async () => { fireEvent.keyDown(list, { key: 'ArrowUp' }); });
    expect(active().id).toBe(first);
    await act(async () => { fireEvent.keyDown(list, { key: 'ArrowUp' }); });
    expect(active().textContent).toContain('[P2] recs.response.empty_ratio');
    // To the end of the list: the named option stays mounted while the window scrolls.
    const size = Number(within(list).getAllByRole('option')[0]!.getAttribute('aria-setsize'));
    for (let i = 0; i < size + 2; i++) await act(async () => { fireEvent.keyDown(list, { key: 'ArrowDown' }); });
    expect(active().getAttribute('aria-posinset')).toBe(String(size));
    expect(within(list).getAllByRole('option').filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });

  it('a windowed listbox names its active option only while that row is mounted, and windows onto it at once', () => {
    const items = Array.from({ length: 200 }, (_, i) => `item ${i}`);
    const row = (item: string, i: number) => <div role="option" id={`opt-${i}`} aria-selected={i === 150}>{item}</div>;
    const { rerender } = render(<VirtualList items={items} rowHeight={20} label="Long" role="listbox" rowRole="presentation" getKey={(i) => i} renderRow={row} />);
    const list = screen.getByRole('listbox', { name: 'Long' });
    expect(list.hasAttribute('aria-activedescendant')).toBe(false);
    rerender(<VirtualList items={items} rowHeight={20} label="Long" role="listbox" rowRole="presentation" getKey={(i) => i} renderRow={row} scrollToIndex={150} activeDescendant={{ index: 150, id: 'opt-150' }} />);
    expect(list.getAttribute('aria-activedescendant')).toBe('opt-150');
    expect(document.getElementById('opt-150')?.textContent).toBe('item 150');
    // Named while out of the window (no scroll to it), the option is absent, and so is the reference.
    rerender(<VirtualList items={items} rowHeight={20} label="Long" role="listbox" rowRole="presentation" getKey={(i) => i} renderRow={row} scrollToIndex={150} activeDescendant={{ index: 3, id: 'opt-3' }} />);
    expect(document.getElementById('opt-3')).toBeNull();
    expect(list.hasAttribute('aria-activedescendant')).toBe(false);
  });
});
