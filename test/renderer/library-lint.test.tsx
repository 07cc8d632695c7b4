// @vitest-environment jsdom
// drillbook lint in the Library, against the real core: the preview's fairness check (findings,
// then the silenced ones with the author's why), the import panel's findings after an import, and
// after the errors of a file that was refused.
import './setup-dom.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { createHarness, renderApp } from './harness.tsx';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/lint', name), 'utf8');

async function importFile(name: string, text: string): Promise<void> {
  const input = screen.getByLabelText('Scenario file');
  await act(async () => { fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/yaml' })] } }); });
}

describe('lint in the library', () => {
  it('shows an imported scenario\'s findings in the import panel and in its preview, silenced ones apart with their why', async () => {
    const h = createHarness([]);
    renderApp(h, '#/library');
    await screen.findByText('No scenarios yet. Import a scenario file to begin.');
    await importFile('unfair.yaml', fixture('unfair.yaml'));

    const status = (await screen.findByText('unfair.yaml was imported')).closest<HTMLElement>('[role="status"]')!;
    expect(status.textContent).toContain('unfair.yaml was imported');
    expect(status.textContent).toContain('drillbook lint: 3 warnings, 1 note.');
    const panelList = within(status).getByRole('list', { name: 'Lint findings in the file' });
    expect(panelList.textContent).toContain('comment-in-value');
    expect(panelList.textContent).toContain('the value loads as "Declare an incident in": YAML reads \'#inc-gateway\' as a comment; quote the value');

    await screen.findByRole('heading', { name: 'Fair: the gateway returns 500s (see #inc-gateway)' });
    const section = screen.getByRole('region', { name: 'Fairness check' });
    const list = within(section).getByRole('list', { name: 'Lint findings' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toHaveLength(4);
    expect(items[1]).toContain('warning comment-in-value line 26, column 35 at actions[0].title');
    expect(items.join('\n')).toContain('story_time \'10:35\\u001b[2J\' goes back in time');
    const silenced = within(section).getByRole('list', { name: 'Silenced lint findings' });
    expect(silenced.textContent).toContain('no-eeg');
    expect(silenced.textContent).toContain('(silenced: Scored with the severity checklist)');
    expect(screen.getByText('lint: 3 warnings, 1 note').className).toContain('badge warn');

    await act(async () => { fireEvent.click(within(status).getByRole('button', { name: 'Dismiss' })); });
    expect(screen.queryByText('unfair.yaml was imported')).toBeNull();
  });

  it('says when the lint finds nothing, and shows no import panel for a clean file', async () => {
    const h = createHarness([]);
    renderApp(h, '#/library');
    await screen.findByText('No scenarios yet. Import a scenario file to begin.');
    await importFile('fair.yaml', fixture('fair.yaml'));
    const section = await screen.findByRole('region', { name: 'Fairness check' });
    expect(section.textContent).toContain('drillbook lint finds nothing to fix in this scenario.');
    expect(screen.queryByText(/was imported/)).toBeNull();
    expect(screen.queryByText(/^lint:/)).toBeNull();
  });

  it('lists the lint\'s findings after the errors of a refused file', async () => {
    const h = createHarness([]);
    renderApp(h, '#/library');
    await screen.findByText('No scenarios yet. Import a scenario file to begin.');
    await importFile('broken.yaml', fixture('fair.yaml').replace('ask: What severity do you declare?', 'ask: #what-severity'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.yaml was not imported');
    const errors = within(alert).getByRole('list', { name: 'Errors in the file' });
    const lint = within(alert).getByRole('list', { name: 'Lint findings in the file' });
    expect(errors.compareDocumentPosition(lint) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(errors.textContent).toContain('injects[0].prompts[0].ask');
    expect(lint.textContent).toContain('YAML reads \'#what-severity\' as a comment; quote the value');
  });
});
