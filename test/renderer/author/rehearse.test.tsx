// @vitest-environment jsdom
// The Rehearse panel (issue 17 item 4) with the real core behind it: a scenario run on virtual time,
// answered from a role's own seat with the live score changing on the facilitator's side, saved as
// a play that the dry run re-runs to the same score, and one of the scenario's plays run to its debrief.
import '../setup-dom.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { loadPlay, loadScenario } from '../../../core/scenario/index.ts';
import { simulatePlay } from '../../../core/scoring/simulate.ts';
import { formatPercent } from '../../../renderer/components/format.ts';
import { RehearsePanel } from '../../../renderer/views/author/rehearse/RehearsePanel.tsx';

const dir = join(import.meta.dirname, '../../../scenarios');
const FILE = 'model-latency-slo.yaml';
const text = readFileSync(join(dir, FILE), 'utf8');
const loaded = loadScenario(text, FILE);
if (!loaded.ok) throw new Error(FILE);
const scenario = loaded.value;
const play = (name: string) => ({ fileName: name, text: readFileSync(join(dir, 'plays', name), 'utf8') });

afterEach(() => { cleanup(); vi.useRealTimers(); });

const overall = () => within(screen.getByRole('region', { name: 'Facilitator' })).getByLabelText('Overall score').textContent ?? '';

describe('RehearsePanel', () => {
  it('answers as a role from its seat, the live score changes, and the saved play re-runs to the same score', async () => {
    render(<RehearsePanel text={text} fileName={FILE} plays={[]} />);
    await screen.findByTestId('rehearse-panel');
    expect(screen.getByRole('timer', { name: 'Exercise time' }).textContent).toBe('0:00');
    // One seat per role, beside the facilitator.
    for (const role of scenario.roles) expect(screen.getByRole('region', { name: `Seat: ${role.title}` })).toBeTruthy();

    // To the first choice prompt.
    const choice = scenario.injects.flatMap((i) => i.prompts).find((p) => p.type === 'choice' && p.expect.best.length > 0)!;
    for (let i = 0; i < 30 && !screen.queryByRole('form', { name: choice.ask }); i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
      await act(async () => {});
    }
    const seat = screen.getByRole('region', { name: `Seat: ${scenario.roles.find((r) => r.id === choice.role)!.title}` });
    const form = within(seat).getByRole('form', { name: choice.ask });
    const before = overall();
    const best = choice.options.find((o) => o.id === choice.expect.best[0])!;
    fireEvent.click(within(form).getByLabelText(best.label));
    fireEvent.click(within(form).getByRole('button', { name: 'Submit answer' }));
    const percent = (t: string) => Number(/(\d+)%/.exec(t)?.[1] ?? 'NaN');
    await waitFor(() => expect(percent(overall())).toBeGreaterThan(percent(before)));
    expect(screen.getByText(/1 recorded/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '+1 min' }));
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'End' }));
    const summary = await screen.findByRole('region', { name: 'Debrief of this rehearsal' });
    const shown = within(summary).getByTestId('debrief-percent').textContent;

    // Save as play: the file the browser would download.
    const blobs: Blob[] = [];
    // jsdom has no object URLs: the test stands in for the browser's download, not for our code.
    const url = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    const saved0 = { create: url.createObjectURL, revoke: url.revokeObjectURL };
    url.createObjectURL = (b: Blob) => { blobs.push(b); return 'blob:x'; };
    url.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Save as play' }));
    } finally {
      url.createObjectURL = saved0.create;
      url.revokeObjectURL = saved0.revoke;
      click.mockRestore();
    }
    expect(blobs).toHaveLength(1);
    const saved = loadPlay(await blobs[0]!.text(), 'saved.yaml');
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.value.events.map((e) => e.kind)).toEqual(['answer', 'end']);
    expect(saved.value.events[0]).toMatchObject({ role: choice.role, prompt: choice.id, answer: best.id });
    expect(formatPercent(simulatePlay(scenario, saved.value).debrief.score.percent)).toBe(shown);
  });

  it('delivers an inject on the facilitator\'s word to its seats, and records the command', async () => {
    render(<RehearsePanel text={text} fileName={FILE} />);
    await screen.findByTestId('rehearse-panel');
    const later = scenario.injects.filter((i) => i.trigger.kind === 'at').at(-1)!;
    fireEvent.click(screen.getByRole('button', { name: `Deliver now: ${later.title}` }));
    await waitFor(() => expect(screen.queryByRole('button', { name: `Deliver now: ${later.title}` })).toBeNull());
    const recipient = scenario.roles.find((r) => later.to.includes(r.id))!;
    expect(within(screen.getByRole('region', { name: `Seat: ${recipient.title}` })).getAllByText(later.title).length).toBeGreaterThan(0);
    expect(screen.getByText(/1 recorded/)).toBeTruthy();
  });

  it('runs on its own at the chosen speed, by whole seconds of exercise time, and stops', async () => {
    render(<RehearsePanel text={text} fileName={FILE} />);
    await screen.findByTestId('rehearse-panel');
    vi.useFakeTimers();
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await act(async () => { vi.advanceTimersByTime(2000); }); // 2 s at 30x: one minute of exercise time
    expect(screen.getByRole('timer', { name: 'Exercise time' }).textContent).toBe('1:00');
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await act(async () => { vi.advanceTimersByTime(2000); });
    expect(screen.getByRole('timer', { name: 'Exercise time' }).textContent).toBe('1:00');
  });

  it("lists the scenario's plays (not another scenario's) and shows a play's debrief", async () => {
    const strong = play('model-latency-slo.strong.yaml');
    render(<RehearsePanel text={text} fileName={FILE} plays={[strong, play('latency-runbook-101.strong.yaml')]} />);
    await screen.findByTestId('rehearse-panel');
    const plays = screen.getByRole('region', { name: 'Run a play' });
    expect(within(plays).queryByRole('button', { name: 'latency-runbook-101.strong.yaml' })).toBeNull();
    fireEvent.click(within(plays).getByRole('button', { name: 'model-latency-slo.strong.yaml' }));
    const summary = await within(plays).findByRole('region', { name: 'Debrief of model-latency-slo.strong.yaml' });
    const parsed = loadPlay(strong.text, strong.fileName);
    if (!parsed.ok) throw new Error('play');
    expect(within(summary).getByTestId('debrief-percent').textContent).toBe(formatPercent(simulatePlay(scenario, parsed.value).debrief.score.percent));
  });

  it('says what is wrong with a scenario that does not load, instead of rehearsing it', async () => {
    render(<RehearsePanel text={'format: drillbook/scenario@1\nid: broken\n'} fileName="broken.yaml" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot be rehearsed[\s\S]*broken\.yaml:\d+:\d+/);
  });

  it('has no serious axe violation with the seats side by side, a text answer waiting for a grade', async () => {
    render(<RehearsePanel text={text} fileName={FILE} plays={[play('model-latency-slo.strong.yaml')]} />);
    await screen.findByTestId('rehearse-panel');
    const textPrompt = scenario.injects.flatMap((i) => i.prompts).find((p) => p.type === 'text')!;
    for (let i = 0; i < 30 && !screen.queryByRole('form', { name: textPrompt.ask }); i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Next inject' }));
      await act(async () => {});
    }
    const form = screen.getByRole('form', { name: textPrompt.ask });
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'Roll back and tell the customers.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Submit answer' }));
    await within(screen.getByRole('region', { name: 'Text answers to grade' })).findByText('Roll back and tell the customers.');
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
