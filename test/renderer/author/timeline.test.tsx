// @vitest-environment jsdom
// The Author view's timeline (issue 17 item 3) drawn from a shipped scenario: a box per inject, the
// `when` links as arrows, the runbook's `by` markers, the table and the branches; focusing an
// inject lights up what it depends on.
import '../setup-dom.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { timelineModel } from '../../../core/author/timeline.ts';
import { loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import axe from 'axe-core';
import { ScenarioTimeline, ScenarioTimelineOfText } from '../../../renderer/views/author/timeline/ScenarioTimeline.tsx';

const load = (file: string): Scenario => {
  const r = loadScenario(readFileSync(join(import.meta.dirname, '../../../scenarios', file), 'utf8'), file);
  if (!r.ok) throw new Error(file);
  return r.value;
};

afterEach(cleanup);

describe('ScenarioTimeline', () => {
  it('draws every inject, the dependency arrows and the runbook markers, with a table of the same', () => {
    const scenario = load('model-latency-slo.yaml');
    const model = timelineModel(scenario);
    const { container } = render(<ScenarioTimeline scenario={scenario} />);
    expect(container.querySelectorAll('[data-inject]')).toHaveLength(scenario.injects.length);
    expect(container.querySelectorAll('[data-step]')).toHaveLength(scenario.runbook.length);
    // Arrows: one per edge that starts at a box or a runbook marker.
    const drawable = model.edges.filter((e) => e.fromInject || e.fromKind === 'step');
    expect(drawable.length).toBeGreaterThan(0);
    expect(container.querySelectorAll('[data-edge]')).toHaveLength(drawable.length);
    const table = screen.getByRole('table', { name: 'Injects by earliest time' });
    expect(within(table).getAllByRole('row')).toHaveLength(scenario.injects.length + 1);
    const when = model.injects.find((i) => i.condition)!;
    expect(within(table).getByText(when.trigger)).toBeTruthy();
    const branches = screen.getByRole('list', { name: 'What each branch can add' });
    expect(within(branches).getAllByRole('listitem')).toHaveLength(model.branches.length);
  });

  it('lights up what an inject depends on when it is focused, and nothing else', () => {
    const scenario = load('model-latency-slo.yaml');
    const model = timelineModel(scenario);
    const edge = model.edges.find((e) => e.fromInject && e.fromInject !== e.to)!;
    const { container } = render(<ScenarioTimeline scenario={scenario} />);
    const target = container.querySelector(`[data-inject="${edge.to}"]`)!;
    expect(container.querySelectorAll('[data-lit]')).toHaveLength(0);
    fireEvent.focus(target);
    const lit = [...container.querySelectorAll('g[data-lit]')].map((g) => g.getAttribute('data-inject'));
    expect(lit).toContain(edge.to);
    expect(lit).toContain(edge.fromInject);
    expect(lit.length).toBeLessThan(scenario.injects.length);
    fireEvent.blur(target);
    expect(container.querySelectorAll('g[data-lit]')).toHaveLength(0);
    // A click keeps the selection.
    fireEvent.click(target);
    expect(target.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector(`g[data-inject="${edge.fromInject}"]`)!.getAttribute('data-lit')).toBe('true');
  });

  it('switches the lanes to recipients', () => {
    const scenario = load('latency-runbook-101.yaml');
    render(<ScenarioTimeline scenario={scenario} />);
    fireEvent.click(screen.getByRole('button', { name: 'By recipient' }));
    expect(screen.getByRole('button', { name: 'By recipient' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('group', { name: /^Timeline of/ }).textContent).toContain(scenario.roles[0]!.title.slice(0, 10));
  });
});

describe('ScenarioTimelineOfText', () => {
  it('draws a text that loads and lists the errors of one that does not', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../scenarios/latency-runbook-101.yaml'), 'utf8');
    const { container, unmount } = render(<ScenarioTimelineOfText text={text} fileName="latency-runbook-101.yaml" />);
    expect(container.querySelectorAll('[data-inject]').length).toBeGreaterThan(0);
    unmount();
    render(<ScenarioTimelineOfText text={'format: drillbook/scenario@1\nid: x\n'} fileName="x.yaml" />);
    expect(screen.getByRole('status').textContent).toMatch(/once the scenario loads/);
    expect(screen.getAllByRole('listitem')[0]!.textContent).toMatch(/^x\.yaml:\d+:\d+/);
  });
});

describe('accessibility', () => {
  it('has no serious axe violation', async () => {
    render(<ScenarioTimeline scenario={load('model-latency-slo.yaml')} />);
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
