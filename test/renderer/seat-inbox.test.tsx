// @vitest-environment jsdom
// The role seat's inbox is windowed over measured (here: estimated, jsdom lays nothing out) card
// heights. An inject arriving while the player reads lower down must not move what they read: the
// list scrolls by the new card's height, offers the new card with a button, and tells a screen
// reader politely. The room screen announces arrivals the same way.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, renderApp } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

function rowOf(list: HTMLElement, text: string): HTMLElement {
  const row = within(list).getByText(text).closest<HTMLElement>('[role="listitem"]');
  if (!row) throw new Error(`no row holds ${text}`);
  return row;
}

/** Where a row is relative to the top of the scrolled view, in pixels. */
const onScreen = (list: HTMLElement, row: HTMLElement) => parseFloat(row.style.top) - list.scrollTop;

describe('the role seat inbox', () => {
  it('keeps the card being read in place when an inject arrives, and offers the new one', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Bea', roles: ['bravo'] }]);
    const send = (command: unknown) => act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command }); });
    await send({ type: 'session.start' });
    await h.advance(1000);

    renderApp(h, `#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const list = await screen.findByRole('list', { name: 'Injects, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getAllByRole('listitem').map((r) => r.getAttribute('aria-setsize'))).toEqual(['2', '2']);

    // The player scrolls down to the older card.
    const read = rowOf(list, 'Public headline for everyone');
    list.scrollTop = parseFloat(read.style.top) + 20;
    fireEvent.scroll(list);
    const before = onScreen(list, read);
    expect(screen.queryByRole('button', { name: /new inject/ })).toBeNull();

    await send({ type: 'adhoc.send', to: ['bravo'], channel: 'email', from: 'Legal', title: 'Late breaking memo', body: 'Read me.' });
    await within(list).findByText('Late breaking memo');
    expect(within(list).getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe('3');
    expect(onScreen(list, rowOf(list, 'Public headline for everyone'))).toBe(before);
    const status = screen.getAllByRole('status').find((s) => s.textContent?.startsWith('New inject'));
    expect(status?.textContent).toBe('New inject. Email from Legal: Late breaking memo');

    fireEvent.click(screen.getByRole('button', { name: '↑ 1 new inject' }));
    expect(list.scrollTop).toBe(0);
    expect(screen.queryByRole('button', { name: /new inject/ })).toBeNull();
  });

  it('filters by channel with toggle buttons, each channel its own list', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Bea', roles: ['bravo'] }]);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    await h.advance(1000);
    renderApp(h, `#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const channels = await screen.findByRole('group', { name: 'Show channel' });
    fireEvent.click(within(channels).getByRole('button', { name: 'News (1)' }));
    expect(within(channels).getByRole('button', { name: 'News (1)' }).getAttribute('aria-pressed')).toBe('true');
    const list = screen.getByRole('list', { name: 'Injects, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list.textContent).toContain('Public headline for everyone');
  });
});

describe('the room screen', () => {
  it('announces an inject for everyone politely, and not the ones already there', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', []);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    await h.advance(1000);
    renderApp(h, `#/session/${sessionId}/room`);
    await screen.findByRole('heading', { level: 2, name: 'Public headline for everyone' });
    const live = () => screen.getAllByRole('status').find((s) => s.getAttribute('aria-atomic') === 'true')!;
    expect(live().getAttribute('aria-live')).toBe('polite');
    expect(live().textContent).toBe('');
    await act(async () => {
      await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'adhoc.send', to: 'all', channel: 'news', title: 'Press is calling', body: 'Again.' } });
    });
    await waitFor(() => expect(live().textContent).toBe('New inject. News: Press is calling'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Room screen: Canary drill');
  });

  it('names who wrote each chat line by the role title, or Facilitator, never a role id (issue 14, item 18)', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    const as = (actor: 'facilitator' | `role:${string}`, command: unknown) => act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor, command }); });
    await as('facilitator', { type: 'session.start' });
    await h.advance(1000);
    await as('role:alpha', { type: 'chat.post', text: 'hello from alpha' });
    await as('facilitator', { type: 'chat.post', text: 'hello from the facilitator' });

    renderApp(h, `#/session/${sessionId}/seat/bravo`);
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    const chat = await screen.findByRole('region', { name: 'Room chat' });
    await waitFor(() => expect(chat.textContent).toContain('hello from the facilitator'));
    const lines = within(chat).getAllByRole('listitem').map((li) => (li.textContent ?? '').replace(/^\S+ /, ''));
    expect(lines).toEqual(['Alpha lead: hello from alpha', 'Facilitator: hello from the facilitator']);
  });
});
