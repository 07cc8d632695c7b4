// @vitest-environment jsdom
// Buttons and keyboard shortcuts run the same registry commands: the engine commands they send
// through the bridge are identical.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, renderApp, type Harness } from './harness.tsx';
import { consoleCommands } from '../../renderer/views/console/console-commands.ts';

async function openConsole(h: Harness) {
  const sessionId = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Ada', roles: ['ic'] }]);
  await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
  renderApp(h, `#/session/${sessionId}/console`);
  await screen.findByRole('listbox', { name: 'Injects' });
  return sessionId;
}

async function key(k: string, init: { shiftKey?: boolean; altKey?: boolean } = {}) {
  await act(async () => { fireEvent.keyDown(window, { key: k, ...init }); });
}

async function click(name: RegExp) {
  await act(async () => { fireEvent.click(screen.getByRole('button', { name })); });
}

/** The last command sent, once `count` commands have gone out. */
async function nth(h: Harness, count: number) {
  await waitFor(() => expect(h.bridge.dispatched().length).toBe(count));
  return h.bridge.dispatched()[count - 1]!;
}

describe('console shortcuts and buttons', () => {
  it('send the same commands for the clock', async () => {
    const h = createHarness();
    await openConsole(h);
    const base = h.bridge.dispatched().length;
    await key('p');
    const byKeyPause = await nth(h, base + 1);
    await click(/^Resume/);
    const byButtonResume = await nth(h, base + 2);
    await click(/^Pause/);
    const byButtonPause = await nth(h, base + 3);
    await key('r');
    const byKeyResume = await nth(h, base + 4);
    expect(byKeyPause.command).toEqual({ type: 'session.pause' });
    expect(byButtonPause).toEqual(byKeyPause);
    expect(byButtonResume).toEqual(byKeyResume);
    expect(byKeyResume.ok).toBe(true);

    await key(']');
    const fasterByKey = await nth(h, base + 5);
    await click(/^Faster/);
    const fasterByButton = await nth(h, base + 6);
    expect(fasterByKey.command).toEqual({ type: 'session.speed', speed: 2 });
    expect(fasterByButton.command).toEqual({ type: 'session.speed', speed: 4 });
    await click(/^Slower/);
    await key('[');
    expect((await nth(h, base + 8)).command).toEqual({ type: 'session.speed', speed: 1 });
  });

  it('send the same commands for the selected inject, and ignore plain keys typed into a field', async () => {
    const h = createHarness();
    await openConsole(h);
    const row = within(screen.getByRole('listbox', { name: 'Injects' })).getByText(/Contact spike/);
    await act(async () => { fireEvent.click(row); });
    const base = h.bridge.dispatched().length;
    await key('h');
    const holdByKey = await nth(h, base + 1);
    await click(/^Release/);
    const releaseByButton = await nth(h, base + 2);
    await click(/^Hold/);
    const holdByButton = await nth(h, base + 3);
    await key('H', { shiftKey: true });
    const releaseByKey = await nth(h, base + 4);
    expect(holdByKey.command).toEqual({ type: 'inject.hold', inject: 'support-spike' });
    expect(holdByButton).toEqual(holdByKey);
    expect(releaseByKey).toEqual(releaseByButton);
    expect(releaseByKey.ok).toBe(true);

    await key('d');
    expect((await nth(h, base + 5)).command).toEqual({ type: 'inject.deliver', inject: 'support-spike' });
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Injects' })).getByText(/Contact spike/).closest('[role=option]')?.textContent).toContain('delivered'));

    // `p` typed into the note box is text, not "pause".
    const note = screen.getByRole('textbox', { name: 'Note text' });
    note.focus();
    await act(async () => { fireEvent.keyDown(note, { key: 'p' }); });
    // Alt+2 works while typing: it tags the note.
    await act(async () => { fireEvent.keyDown(note, { key: '2', altKey: true }); });
    expect(screen.getByRole('button', { name: /Strength/ }).getAttribute('aria-pressed')).toBe('true');
    expect(h.bridge.dispatched()).toHaveLength(base + 5);
  });

  it('moves the selection with the arrow keys in the MSEL, and j / k anywhere', async () => {
    const h = createHarness();
    await h.advance(0);
    const sessionId = await createSession(h, 'shipped-recsys-null-results', []);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    await h.advance(1);
    renderApp(h, `#/session/${sessionId}/console`);
    const list = await screen.findByRole('listbox', { name: 'Injects' });
    const selected = () => within(list).getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')?.textContent ?? '';
    // The first inject not yet sent is selected at first.
    await waitFor(() => expect(selected()).toContain('recs-gateway: empty responses'));
    await act(async () => { fireEvent.keyDown(list, { key: 'ArrowDown' }); });
    expect(selected()).toContain('Contact spike');
    await act(async () => { fireEvent.keyDown(list, { key: 'ArrowUp' }); });
    await act(async () => { fireEvent.keyDown(list, { key: 'ArrowUp' }); });
    expect(selected()).toContain('[P2] recs.response.empty_ratio');
    await key('j');
    await key('j');
    expect(selected()).toContain('Contact spike');
    await key('k');
    expect(selected()).toContain('recs-gateway: empty responses');
  });

  it('`?` lists every shortcut of the registry', async () => {
    const h = createHarness();
    await openConsole(h);
    await key('?', { shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const command of consoleCommands) {
      if (command.shortcut) expect(dialog.textContent).toContain(command.label);
    }
    await act(async () => { fireEvent.keyDown(dialog, { key: 'Escape' }); });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
