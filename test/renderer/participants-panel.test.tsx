// @vitest-environment jsdom
// The console's Participants panel (issue 14 item 12): it opens in the console's side column, under
// the clock controls and never over them (the e2e suite measures it in Chromium), and it does not
// stay open when the facilitator moves to another session.
import './setup-dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { DESKTOP_API_KEY } from '../../core/protocol/desktop.ts';
import { renderDesktop, type FakeDesktop } from './fake-desktop.ts';
import { createHarness, createSession, goTo } from './harness.tsx';

const fakes: FakeDesktop[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.closeJoining();
  delete window[DESKTOP_API_KEY];
});

const click = async (name: string | RegExp) => {
  const button = await screen.findByRole('button', { name });
  await act(async () => { fireEvent.click(button); });
};

describe('the console\'s Participants panel', () => {
  it('opens in the side column, not over the clock controls, and closes when another session opens', async () => {
    const h = createHarness();
    const first = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Ada', roles: ['ic'] }]);
    const second = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Bo', roles: ['ic'] }]);
    const fake = await renderDesktop(h, `#/session/${first}/console`);
    fakes.push(fake);
    await screen.findByRole('toolbar', { name: 'Clock controls' });
    await click('Participants');
    const panel = await screen.findByRole('region', { name: "Participants' devices" });
    // In the console's side column, above the notes; not in the floating dock over the clock bar.
    const column = screen.getByRole('region', { name: 'Notes' }).parentElement!;
    expect(column.contains(panel)).toBe(true);
    expect(panel.closest('.lobby-dock')).toBeNull();
    expect(screen.getByRole('region', { name: 'Clock' }).contains(panel)).toBe(false);
    // Resume, Slower, Faster and End stay reachable.
    const clock = screen.getByRole('toolbar', { name: 'Clock controls' });
    for (const name of [/Slower/, /Faster/, /^End/]) expect(within(clock).getByRole('button', { name })).toBeTruthy();

    await goTo(`#/session/${second}/console`);
    await screen.findByRole('toolbar', { name: 'Clock controls' });
    expect(screen.queryByRole('region', { name: "Participants' devices" })).toBeNull();
    expect(screen.getByRole('button', { name: 'Participants' }).getAttribute('aria-expanded')).toBe('false');
    // And back: still closed (it was opened for the first session, then left).
    await goTo(`#/session/${first}/console`);
    await screen.findByRole('toolbar', { name: 'Clock controls' });
    expect(screen.queryByRole('region', { name: "Participants' devices" })).toBeNull();
  });
});
