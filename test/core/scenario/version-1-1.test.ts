// The optional keys of version 1.1 (scenario-format.md): loaded into the normalized scenario, and
// kept by the serializer's round trip.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioToYaml } from '../../../core/scenario/index.ts';
import { repoRoot } from './helpers.ts';

const text = readFileSync(`${repoRoot}test/fixtures/scenario/v11.yaml`, 'utf8');

describe('version 1.1 keys', () => {
  const result = loadScenario(text, 'v11.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n'));
  const s = result.value;

  it('loads the facilitator pack', () => {
    expect(s.groundRules).toContain('**play it straight**');
    expect(s.assumptions).toEqual(['The vendor answers the phone.', 'Time is compressed: 1 minute is 10.']);
    expect(s.handouts.map((h) => [h.id, h.to, h.toAll])).toEqual([['severity-matrix', ['ic', 'comms'], true], ['comms-templates', ['comms'], false]]);
    expect(s.characters[0]).toEqual({ id: 'vendor-am', name: 'Dana Kerr', plays: "The vendor's account manager", script: 'Knows of a config push at 10:02; will not say so unless asked twice.' });
    expect(s.feedback.questions.map((q) => q.type)).toEqual(['scale', 'text']);
    expect(s.objectives[0]?.eeg?.U).toBe('Never declared.');
    expect(s.injects[0]?.discussion).toHaveLength(2);
  });

  it('loads avoid groups, all-of entries and lint allowances', () => {
    expect(s.injects[0]?.prompts[0]?.expect.avoid).toEqual([
      { any: ['never happen again', "won't happen again"], why: 'Promises what no one can promise' },
      { any: ['RecoCloud'], why: 'Names and blames a vendor in public' },
    ]);
    expect(s.runbook[0]?.metBy).toEqual([
      { kind: 'all', entries: [{ kind: 'prompt', prompt: 'holding' }, { kind: 'action', action: 'publish' }] },
      { kind: 'action', action: 'publish' },
    ]);
    expect(s.lint).toEqual({ allow: ['empty-room'], why: 'The room screen is not used in this drill' });
    expect([s.objectives[1]?.lint?.allow, s.roles[1]?.lint?.allow, s.injects[0]?.lint?.allow, s.injects[0]?.prompts[0]?.lint?.allow, s.runbook[0]?.lint?.allow])
      .toEqual([['no-eeg'], ['idle-role'], ['story-order'], ['short-window'], ['words-meet-comms']]);
  });

  it('survives scenarioToYaml -> loadScenario unchanged', () => {
    const again = loadScenario(scenarioToYaml(s), 'copy.yaml');
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.value).toEqual(s);
  });

  it('leaves a version-1 file with empty 1.1 lists', () => {
    const mini = loadScenario(readFileSync(`${repoRoot}test/fixtures/scenario/mini.yaml`, 'utf8'), 'mini.yaml');
    if (!mini.ok) throw new Error('mini.yaml does not load');
    expect([mini.value.assumptions, mini.value.handouts, mini.value.characters, mini.value.feedback.questions, mini.value.groundRules]).toEqual([[], [], [], [], undefined]);
    expect(mini.value.injects.every((i) => i.discussion.length === 0 && i.prompts.every((p) => p.expect.avoid.length === 0))).toBe(true);
  });
});
