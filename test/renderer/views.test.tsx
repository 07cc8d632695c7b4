// @vitest-environment jsdom
// Each view against the real core: the library's import errors, setup, hot-seat switching, the
// room screen's pending strip, history and comparison, the connection banner, error states.
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createHarness, createSession, goTo, renderApp, shippedScenarios } from './harness.tsx';
import { CANARY_SCENARIO } from './canary-scenario.ts';

function yamlFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/yaml' });
}

describe('library', () => {
  it('shows a broken file\'s errors with line and path, imports a good one by drop, and duplicates it', async () => {
    const h = createHarness([]);
    renderApp(h, '#/library');
    await screen.findByText('No scenarios yet. Import a scenario file to begin.');

    const broken = CANARY_SCENARIO.replace('channel: email', 'channel: pigeon');
    const input = screen.getByLabelText('Scenario file');
    await act(async () => { fireEvent.change(input, { target: { files: [yamlFile('broken.yaml', broken)] } }); });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.yaml was not imported');
    const errors = within(alert).getByRole('list', { name: 'Errors in the file' });
    const line = broken.split('\n').findIndex((l) => l.includes('pigeon')) + 1;
    expect(errors.textContent).toContain(`line ${line}`);
    expect(errors.textContent).toContain('injects[1].channel');

    const drop = screen.getByText(/Drop a scenario file/).parentElement!;
    await act(async () => { fireEvent.drop(drop, { dataTransfer: { files: [yamlFile('canary.yaml', CANARY_SCENARIO)] } }); });
    await screen.findByRole('heading', { name: 'Canary drill' });
    expect(screen.queryByText(/was not imported/)).toBeNull();
    // The library's entries (the Template picker beside it has options of its own).
    const entries = () => within(screen.getByRole('listbox', { name: 'Scenarios' })).getAllByRole('option');
    expect(entries()).toHaveLength(1);

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Duplicate' })); });
    await waitFor(() => expect(entries()).toHaveLength(2));
    await goTo(window.location.hash);
    await screen.findByText(/imported: canary \(copy\)\.yaml/);
  });

  it('shows the preview\'s error state for an unknown entry', async () => {
    const h = createHarness([]);
    renderApp(h, '#/library/nope');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('There is no scenario \'nope\'');
  });
});

describe('session setup', () => {
  it('asks for the facilitator, allows an empty role, and creates the session with the seats', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    renderApp(h, '#/setup/shipped-canary-drill');
    await screen.findByRole('heading', { name: 'New session: Canary drill' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Participant 1 name' }), { target: { value: 'Al' } });
    // Participant 2 has no name yet: the bravo seat is empty, which is allowed.
    expect(screen.getByText(/No one plays: .*\(allowed\)/).textContent).toContain('Bravo lead');
    // One person may hold several roles.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Participant 1 plays Bravo lead' }));
    expect(screen.queryByText(/No one plays/)).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Participant 1 plays Bravo lead' }));
    expect(screen.getByText(/No one plays/).textContent).not.toContain('Alpha');
    await act(async () => { fireEvent.submit(screen.getByRole('button', { name: 'Create session' }).closest('form')!); });
    expect((await screen.findByRole('alert')).textContent).toContain('facilitator');
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Fran' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Create session' })); });
    await waitFor(() => expect(window.location.hash).toMatch(/console$/));
    const created = h.bridge.requests.find((r) => r.method === 'sessions.create' && r.result.ok)!;
    expect(created.params).toMatchObject({ facilitator: 'Fran', participants: [{ name: 'Al', roles: ['alpha'] }] });
  });
});

describe('seats and the room screen', () => {
  it('hides one role before showing the next on a shared screen', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', [{ name: 'Al', roles: ['alpha'] }, { name: 'Bea', roles: ['bravo'] }]);
    await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    await h.advance(1);
    renderApp(h, `#/session/${sessionId}/seat`);
    fireEvent.click(await screen.findByRole('button', { name: 'Alpha lead (Al)' }));
    await goTo(`#/session/${sessionId}/seat/alpha`);
    expect(screen.queryByText('CANARY_ALPHA_TITLE')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Show my screen' }));
    await screen.findByText('CANARY_ALPHA_TITLE');

    fireEvent.click(screen.getByRole('button', { name: 'Hide my screen' }));
    expect(screen.queryByText('CANARY_ALPHA_TITLE')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Switch role' }));
    await goTo(`#/session/${sessionId}/seat`);
    fireEvent.click(await screen.findByRole('button', { name: 'Bravo lead (Bea)' }));
    await goTo(`#/session/${sessionId}/seat/bravo`);
    // The cover, with nothing of alpha's left in the page.
    await screen.findByRole('button', { name: 'Show my screen' });
    expect(document.body.textContent).not.toContain('CANARY_ALPHA');
    fireEvent.click(screen.getByRole('button', { name: 'Show my screen' }));
    await screen.findByText('Which way?');
    expect(document.body.textContent).not.toContain('CANARY_ALPHA');
  });

  it('shows who owes a decision on the room screen, and the summary before the start', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', []);
    renderApp(h, `#/session/${sessionId}/room`);
    await screen.findByText('Everyone sees this summary.');
    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }); });
    await h.advance(1);
    const strip = await screen.findByRole('contentinfo', { name: 'Decisions pending' });
    await waitFor(() => expect(strip.textContent).toMatch(/^Waiting for a decision fromAlpha lead \d:\d\d/));
    expect(strip.textContent).toContain('Bravo lead');
    await act(async () => { await h.bridge.request('live.dispatch', { sessionId, actor: 'role:bravo', command: { type: 'prompt.answer', prompt: 'bravo-choice', answer: 'left' } }); });
    await waitFor(() => expect(strip.textContent).not.toContain('Bravo lead'));
  });

  it('says when the connection is lost and clears it when it is back', async () => {
    const h = createHarness([{ fileName: 'canary.yaml', text: CANARY_SCENARIO }]);
    const sessionId = await createSession(h, 'shipped-canary-drill', []);
    renderApp(h, `#/session/${sessionId}/room`);
    await screen.findByText('Everyone sees this summary.');
    await act(async () => h.bridge.setConnection('lost'));
    expect(screen.getByRole('alert').textContent).toContain('Connection to the Drillbook host lost');
    await act(async () => h.bridge.setConnection('connected'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error for a session that does not exist', async () => {
    const h = createHarness([]);
    renderApp(h, '#/session/missing/console');
    expect((await screen.findByRole('alert')).textContent).toContain("There is no session 'missing'");
  });
});

describe('history', () => {
  it('lists past sessions, reopens one and compares runs of the same scenario', async () => {
    const h = createHarness(shippedScenarios());
    const runs: string[] = [];
    for (const answer of ['sev2', 'sev4']) {
      const id = await createSession(h, 'shipped-recsys-null-results', [{ name: 'Ada', roles: ['ic'] }]);
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.start' } });
      await h.advance(1000);
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'severity', answer } });
      await h.bridge.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.end' } });
      runs.push(id);
    }
    renderApp(h, '#/history');
    // History holds the trends' table too: this is the list of sessions.
    const table = await screen.findByRole('table', { name: 'Past sessions' });
    expect(within(table).getAllByRole('link', { name: 'Debrief' })).toHaveLength(2);
    for (const box of within(table).getAllByRole('checkbox')) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: /Compare 2 runs/ }));
    await goTo(`#/compare/${runs.join(',')}`);
    await screen.findByRole('heading', { name: /Compare runs/ });
    const compare = screen.getByRole('table');
    const overall = within(compare).getByText('Overall').closest('tr')!;
    const cells = [...overall.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toHaveLength(2);
    expect(cells[0]).not.toEqual(cells[1]);
  });
});
