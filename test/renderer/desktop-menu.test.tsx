// @vitest-environment jsdom
// The desktop app's menu, from the page's side: a menu item's name, delivered by the (fake)
// desktop part of the preload object, runs the same registry command as the button, over the real
// in-process bridge and the real core. The desktop-only names reach the desktop's dialogs.
import './setup-dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fail } from '../../core/protocol/bridge.ts';
import { DESKTOP_API_KEY } from '../../core/protocol/desktop.ts';
import { CANARY_SCENARIO } from './canary-scenario.ts';
import { renderDesktop, type FakeDesktop } from './fake-desktop.ts';
import { createHarness, createSession, goTo, type Harness } from './harness.tsx';

afterEach(() => {
  delete window[DESKTOP_API_KEY];
});

async function startedSession(h: Harness): Promise<string> {
  const sessionId = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Ada', roles: ['ic'] }]);
  await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
  return sessionId;
}

async function menu(fake: FakeDesktop, name: string) {
  await act(async () => { fake.menu(name); });
}

async function click(name: RegExp | string) {
  await act(async () => { fireEvent.click(screen.getByRole('button', { name })); });
}

async function nth(h: Harness, count: number) {
  await waitFor(() => expect(h.bridge.dispatched().length).toBe(count));
  return h.bridge.dispatched()[count - 1]!;
}

const toasts = () => screen.getAllByRole('status').map((s) => s.textContent ?? '').join(' | ');

describe('the desktop menu in the facilitator window', () => {
  it('runs the console registry: a menu item sends the same engine command as its button', async () => {
    const h = createHarness();
    const sessionId = await startedSession(h);
    const fake = await renderDesktop(h, `#/session/${sessionId}/console`);
    await screen.findByRole('listbox', { name: 'Injects' });
    const base = h.bridge.dispatched().length;

    await menu(fake, 'clock.pause');
    const pauseByMenu = await nth(h, base + 1);
    await click(/^Resume/);
    const resumeByButton = await nth(h, base + 2);
    await click(/^Pause/);
    const pauseByButton = await nth(h, base + 3);
    await menu(fake, 'clock.resume');
    const resumeByMenu = await nth(h, base + 4);
    expect(pauseByMenu).toEqual({ actor: 'facilitator', command: { type: 'session.pause' }, ok: true });
    expect(pauseByButton).toEqual(pauseByMenu);
    expect(resumeByMenu).toEqual(resumeByButton);
    expect(resumeByMenu.ok).toBe(true);

    const row = within(screen.getByRole('listbox', { name: 'Injects' })).getByText(/Contact spike/);
    await act(async () => { fireEvent.click(row); });
    await menu(fake, 'inject.hold');
    const holdByMenu = await nth(h, base + 5);
    await click(/^Release/);
    await click(/^Hold/);
    expect(await nth(h, base + 7)).toEqual(holdByMenu);
    expect(holdByMenu.command).toEqual({ type: 'inject.hold', inject: 'support-spike' });

    await menu(fake, 'clock.faster');
    expect((await nth(h, base + 8)).command).toEqual({ type: 'session.speed', speed: 2 });
    await menu(fake, 'session.end');
    expect((await nth(h, base + 9)).command).toEqual({ type: 'session.end' });
  });

  it('says so, and sends nothing, when the open view cannot run the command now', async () => {
    const h = createHarness();
    const sessionId = await startedSession(h);
    const fake = await renderDesktop(h, `#/session/${sessionId}/console`);
    await screen.findByRole('listbox', { name: 'Injects' });
    const base = h.bridge.dispatched().length;

    await menu(fake, 'clock.start');
    await waitFor(() => expect(toasts()).toContain('Start: not possible right now.'));
    await goTo('#/library');
    await screen.findByRole('listbox', { name: 'Scenarios' });
    await menu(fake, 'clock.pause');
    await waitFor(() => expect(toasts()).toContain("Pause: open a session's console first."));
    expect(h.bridge.dispatched()).toHaveLength(base);
  });

  it('shows the console’s help and opens the room screen through the desktop, as the buttons do', async () => {
    const h = createHarness();
    const sessionId = await startedSession(h);
    const fake = await renderDesktop(h, `#/session/${sessionId}/console`);
    await screen.findByRole('listbox', { name: 'Injects' });

    await menu(fake, 'view.room');
    await click(/^Open the room screen/);
    const rooms = fake.calls.filter((c) => c.verb === 'openRoomScreen');
    expect(rooms).toEqual([
      { verb: 'openRoomScreen', params: { sessionId, fullscreen: true } },
      { verb: 'openRoomScreen', params: { sessionId, fullscreen: true } },
    ]);

    await menu(fake, 'help.shortcuts');
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await menu(fake, 'view.debrief');
    await waitFor(() => expect(window.location.hash).toBe(`#/session/${sessionId}/debrief`));
  });

  it('imports through the desktop’s file dialog and shows a refusal with its located errors', async () => {
    const h = createHarness([]);
    const fake = await renderDesktop(h, '#/library');
    await screen.findByText('No scenarios yet. Import a scenario file to begin.');

    // Closing the dialog imports nothing.
    await menu(fake, 'library.import');
    await waitFor(() => expect(fake.calls.filter((c) => c.verb === 'importScenario')).toHaveLength(1));
    expect(h.bridge.requests.some((r) => r.method === 'library.import')).toBe(false);

    const broken = CANARY_SCENARIO.replace('channel: email', 'channel: pigeon');
    fake.pickScenario = { fileName: 'broken.yaml', text: broken };
    await menu(fake, 'library.import');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The scenario file was not imported');
    const line = broken.split('\n').findIndex((l) => l.includes('pigeon')) + 1;
    expect(within(alert).getByRole('list', { name: 'Errors in the file' }).textContent).toContain(`line ${line}`);

    fake.pickScenario = { fileName: 'canary.yaml', text: CANARY_SCENARIO };
    await menu(fake, 'library.import');
    await screen.findByRole('heading', { name: 'Canary drill' });
    expect(screen.queryByText(/was not imported/)).toBeNull();
    expect(window.location.hash).toMatch(/^#\/library\/.+/);
    expect(within(screen.getByRole('listbox', { name: 'Scenarios' })).getAllByRole('option')).toHaveLength(1);
  });

  it('opens a session bundle read-only and goes to its debrief, or shows why it could not', async () => {
    const h = createHarness();
    const sessionId = await startedSession(h);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } });
    const fake = await renderDesktop(h, '#/library');
    await screen.findByRole('listbox', { name: 'Scenarios' });

    fake.bundleAnswer = fail('invalid-bundle', 'old.drillbook is not a Drillbook session bundle. Pick a file saved by Export Session Bundle.');
    await menu(fake, 'session.openBundle');
    await waitFor(() => expect(toasts()).toContain('old.drillbook is not a Drillbook session bundle.'));
    expect(window.location.hash).toBe('#/library');

    // What the desktop backend does with a bundle's content: the service opens it for review.
    const record = h.storage.sessions.get(sessionId);
    if (!record) throw new Error('the session was not stored');
    fake.bundleAnswer = h.service.openReview({ record, events: h.storage.events.load(sessionId) });
    expect(fake.bundleAnswer.ok && fake.bundleAnswer.value?.readOnly).toBe(true);
    await menu(fake, 'session.openBundle');
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/session\/[^/]+\/debrief$/));
    expect(window.location.hash).not.toContain(`/${sessionId}/`);
    expect(toasts()).toContain('Opened the session of');
    expect(toasts()).toContain('read-only');
    await screen.findByRole('heading', { name: /^Debrief: / });
  });

  it('Export Report goes to the debrief’s export, which saves through the desktop’s save dialog', async () => {
    const h = createHarness();
    const sessionId = await startedSession(h);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } });
    const fake = await renderDesktop(h, `#/session/${sessionId}/console`);
    await screen.findByRole('listbox', { name: 'Injects' });

    await menu(fake, 'report.export');
    await waitFor(() => expect(window.location.hash).toBe(`#/session/${sessionId}/debrief`));
    const formats = await screen.findByRole('group', { name: 'Export formats' });
    await menu(fake, 'report.export');
    await waitFor(() => expect(document.activeElement).toBe(within(formats).getByRole('button', { name: 'HTML report' })));

    await click('Markdown');
    await waitFor(() => expect(toasts()).toMatch(/Saved \/home\/fran\/Documents\/\S+\.md/));
    expect(fake.calls.filter((c) => c.verb === 'exportReport')).toEqual([
      { verb: 'exportReport', params: { sessionId, format: 'md', anonymize: false, includeNotes: true } },
    ]);
    // The page offered no download of its own: the desktop wrote the file.
    expect(h.bridge.requests.some((r) => r.method === 'report.export' && r.result.ok)).toBe(true);
  });

  it('stops listening to the menu when the window’s app goes away', async () => {
    const h = createHarness([]);
    const fake = await renderDesktop(h, '#/library');
    await screen.findByText(/No scenarios yet/);
    expect(fake.menuListeners()).toBe(1);
    fake.unmount();
    expect(fake.menuListeners()).toBe(0);
  });
});
