import { describe, expect, it } from 'vitest';
import { formatLoadError, loadAny, loadPlay, loadScenario, scenarioToYaml } from '../../../core/scenario/index.ts';
import { fixture, loadFixture } from './helpers.ts';

describe('loadScenario: normalization', () => {
  const s = loadFixture('scenario/full.yaml');

  it('converts durations to seconds everywhere', () => {
    expect(s.duration).toBe(3600);
    const byId = new Map(s.injects.map((i) => [i.id, i]));
    expect(byId.get('alert')?.trigger).toEqual({ kind: 'at', at: 0 });
    expect(byId.get('dashboard')?.trigger).toEqual({ kind: 'after', inject: 'alert', delay: 90 });
    expect(byId.get('holding')?.trigger).toEqual({ kind: 'at', at: 90 });
    expect(byId.get('alert')?.prompts[0]?.expect.within).toBe(180);
    expect(s.runbook.map((step) => step.by)).toEqual([300, 1200]);
  });

  it('turns conditions into tagged values', () => {
    const escalation = s.injects.find((i) => i.id === 'escalation');
    expect(escalation?.trigger).toEqual({
      kind: 'when',
      delay: 60,
      condition: {
        kind: 'any',
        conditions: [
          { kind: 'answered', prompt: 'severity', with: ['sev3'] },
          { kind: 'unanswered', prompt: 'statement', for: 300 },
        ],
      },
    });
    expect(s.injects.find((i) => i.id === 'vendor-call')?.trigger).toEqual({
      kind: 'when',
      delay: 0,
      condition: { kind: 'all', conditions: [{ kind: 'action', action: 'page-vendor', by: 'ic' }, { kind: 'met', step: 'classify' }] },
    });
    expect(s.injects.find((i) => i.id === 'late')?.trigger).toEqual({ kind: 'when', delay: 0, condition: { kind: 'missed', step: 'communicate' } });
  });

  it('expands to: all, keeps toAll, and links prompts to their inject', () => {
    const dashboard = s.injects.find((i) => i.id === 'dashboard');
    expect(dashboard?.to).toEqual(['ic', 'eng', 'comms']);
    expect(dashboard?.toAll).toBe(true);
    const alert = s.injects.find((i) => i.id === 'alert');
    expect(alert?.toAll).toBe(false);
    expect(alert?.prompts.map((p) => p.inject)).toEqual(['alert', 'alert']);
  });

  it('fills defaults: level, points, acceptable credit, expect lists, action roles, tags, debrief', () => {
    const mini = loadFixture('scenario/mini.yaml');
    expect(mini.level).toBe('beginner');
    expect(mini.tags).toEqual([]);
    expect(mini.actions).toEqual([]);
    expect(mini.runbook).toEqual([]);
    expect(mini.debrief).toEqual({ questions: [] });
    expect(mini.injects[0]?.prompts[0]?.points).toBe(10);
    expect(mini.injects[0]?.prompts[0]?.expect).toEqual({ best: ['sev2'], acceptable: [], acceptableCredit: 0.5, keywords: [], avoid: [] });
    expect(s.actions.find((a) => a.id === 'page-vendor')?.roles).toEqual(['ic', 'eng', 'comms']);
    expect(s.actions.find((a) => a.id === 'rollback')?.roles).toEqual(['eng']);
    expect(s.runbook[0]?.points).toBe(10);
    expect(s.runbook[1]?.points).toBe(15);
  });

  it('keeps the values the file gives and maps snake_case keys', () => {
    const severity = s.injects[0]?.prompts[0];
    expect(severity?.points).toBe(20);
    expect(severity?.expect.acceptableCredit).toBe(0.25);
    expect(s.injects[0]?.storyTime).toBe('Tuesday 10:40');
    expect(s.injects[0]?.facilitatorNotes).toBe('Let them find it.');
    expect(s.injects[0]?.chart).toEqual({ label: '5xx rate', unit: '%', points: [[0, 0.5], [60, 3], [120, 7]] });
    expect(s.injects[1]?.table).toEqual({ columns: ['region', 'errors'], rows: [['eu', 120], ['us', 'n/a']] });
    expect(s.runbook[1]?.metBy).toEqual([{ kind: 'prompt', prompt: 'statement' }, { kind: 'action', action: 'page-vendor' }]);
    expect(s.injects[2]?.prompts[0]?.expect.keywords).toEqual([['investigating', 'looking into'], ['update', 'next update']]);
  });

  it('leaves optional fields out rather than setting them to undefined', () => {
    const eng = s.roles.find((r) => r.id === 'eng');
    expect(eng).toEqual({ id: 'eng', title: 'Engineer' });
    expect(Object.keys(eng ?? {})).toEqual(['id', 'title']);
  });
});

describe('loadScenario: errors', () => {
  it('collects every error, not only the first, sorted by place', () => {
    const text = fixture('scenario/mini.yaml')
      .replace('duration: 30m', 'duration: soon')
      .replace('channel: alert', 'channel: sms')
      .replace('        ask: Severity?\n', '        ask: Severity?\n        colour: red\n');
    const result = loadScenario(text, 'x.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['duration', 'injects[0].channel', 'injects[0].prompts[0].colour']);
    expect(result.errors[2]?.message).toBe("unknown key 'colour' in prompt; prompt keys are: id, role, ask, type, options, expect, objective, points, lint");
  });

  it('reports reference errors in the same pass', () => {
    const text = fixture('scenario/mini.yaml').replace('        role: ic\n', '        role: ghost\n').replace('best: [sev2]', 'best: [sev2, nope]');
    const result = loadScenario(text, 'x.yaml');
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['injects[0].prompts[0].role', 'injects[0].prompts[0].expect.best[1]']);
  });

  it('formats errors compiler-style', () => {
    expect(formatLoadError({ file: 'a.yaml', line: 3, column: 7, path: 'injects[3].prompts[0].expect.best[1]', message: "unknown option 'x'" })).toBe(
      "a.yaml:3:7: injects[3].prompts[0].expect.best[1]: unknown option 'x'",
    );
    expect(formatLoadError({ file: 'a.yaml', line: 1, column: 1, path: '', message: 'the file is empty' })).toBe('a.yaml:1:1: the file is empty');
  });

  it('refuses a play script given as a scenario, and the other way round', () => {
    const asScenario = loadScenario(fixture('scenario/full.play.yaml'), 'p.yaml');
    expect(asScenario.ok ? '' : asScenario.errors[0]?.message).toBe('this file is a play script (drillbook/play@1), not a scenario (drillbook/scenario@1)');
    const asPlay = loadPlay(fixture('scenario/mini.yaml'), 's.yaml');
    expect(asPlay.ok ? '' : asPlay.errors[0]?.message).toBe('this file is a scenario (drillbook/scenario@1), not a play script (drillbook/play@1)');
  });

  it('reads YAML 1.2: clock times stay text, yes/no stay text, and 1.1-only tags are refused', () => {
    const text = fixture('scenario/mini.yaml').replace('title: Mini', 'title: yes').replace('    at: 0s', '    at: 05:00');
    const result = loadScenario(text, 'x.yaml');
    expect(result.ok && result.value.title).toBe('yes');
    expect(result.ok && result.value.injects[0]?.trigger).toEqual({ kind: 'at', at: 300 });
    const binary = loadScenario(fixture('scenario/mini.yaml').replace('summary: A small scenario.', 'summary: !!binary aGVsbG8='), 'x.yaml');
    expect(binary.ok ? [] : binary.errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [5, 'summary', 'unknown tag !!binary: tags are not allowed in scenario files; remove it'],
    ]);
  });

  it('tells the trainer to quote text that YAML read as a number', () => {
    const result = loadScenario(fixture('scenario/mini.yaml').replace('title: Mini', 'title: 2024'), 'x.yaml');
    expect(result.ok ? '' : result.errors[0]?.message).toBe('expected text, got the number 2024 (put it in quotes to make it text)');
  });

  it('accepts anchors and aliases within bounds', () => {
    const text = fixture('scenario/mini.yaml').replace('    to: [ic, eng]', '    to: &everyone [ic, eng]');
    expect(loadScenario(text, 'x.yaml').ok).toBe(true);
  });
});

describe('loadPlay', () => {
  it('normalizes every event kind with its time, index and line', () => {
    const result = loadPlay(fixture('scenario/full.play.yaml'), 'full.play.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const play = result.value;
    expect(play.scenario).toBe('full-feature');
    expect(play.events.map((e) => e.kind)).toEqual([
      'answer', 'answer', 'action', 'chat', 'answer', 'grade', 'note', 'deliver', 'skip', 'pause', 'resume', 'rate', 'end',
    ]);
    expect(play.events[0]).toEqual({ kind: 'answer', role: 'ic', prompt: 'severity', answer: 'sev2', at: 60, index: 0, line: 4 });
    expect(play.events[1]).toMatchObject({ answer: ['logs', 'deploys'], at: 120, line: 5 });
    expect(play.events[3]).toEqual({ kind: 'chat', role: 'comms', text: 'Drafting the statement now', at: 240, index: 3, line: 7 });
    expect(play.events[4]).toMatchObject({ kind: 'answer', at: 300, line: 8 });
    expect(play.events[5]).toEqual({ kind: 'grade', prompt: 'statement', credit: 0.9, reason: 'Clear', at: 360, index: 5, line: 12 });
    expect(play.events[6]).toEqual({ kind: 'note', text: 'Fast call', tag: 'strength', objective: 'detect', role: 'ic', at: 420, index: 6, line: 13 });
    expect(play.events[12]).toEqual({ kind: 'end', at: 2700, index: 12, line: 19 });
  });

  it('does not check references to the scenario (the simulator does, with both at hand)', () => {
    const text = 'format: drillbook/play@1\nevents:\n  - {at: 1m, role: nobody, prompt: nothing, answer: x}\n';
    expect(loadPlay(text, 'p.yaml').ok).toBe(true);
  });

  it('accepts an empty list of events', () => {
    expect(loadPlay('format: drillbook/play@1\nevents: []\n', 'p.yaml').ok).toBe(true);
  });
});

describe('loadAny', () => {
  it('picks the format the file declares', () => {
    expect(loadAny(fixture('scenario/full.play.yaml'), 'p.yaml').kind).toBe('play');
    expect(loadAny(fixture('scenario/mini.yaml'), 's.yaml').kind).toBe('scenario');
    const unknown = loadAny('format: something-else\n', 'u.yaml');
    expect(unknown.kind).toBe('scenario');
    expect(unknown.result.ok).toBe(false);
  });
});

describe('scenarioToYaml', () => {
  it.each(['scenario/mini.yaml', 'scenario/full.yaml'])('%s survives a round trip', (name) => {
    const s = loadFixture(name);
    const text = scenarioToYaml(s);
    const again = loadScenario(text, 'copy.yaml');
    expect(again.ok ? again.value : again.errors).toEqual(s);
  });

  it('writes durations in the format and to: all as all', () => {
    const text = scenarioToYaml(loadFixture('scenario/full.yaml'));
    expect(text).toMatch(/^duration: 1h$/m);
    expect(text).toMatch(/^ {4}delay: 1m30s$/m);
    expect(text).toMatch(/^ {4}to: all$/m);
    expect(text).not.toMatch(/[&*][a-z]+\d/); // no anchors or aliases
  });
});

describe('messages quote untrusted text safely', () => {
  it('shows control characters from the file as escapes, never as themselves', () => {
    const text = fixture('scenario/mini.yaml').replace('    title: Alert\n', '    title: Alert\n    "evil\\e[2J\\u0007": 1\n');
    const result = loadScenario(text, 'x.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = formatLoadError(result.errors[0] ?? { file: '', line: 0, column: 0, path: '', message: '' });
    expect(line).toBe('x.yaml:17:5: injects[0]["evil\\u001b[2J\\u0007"]: unknown key \'evil\\u001b[2J\\u0007\' in inject; inject keys are: id, at, after, when, delay, to, channel, from, title, body, story_time, facilitator_notes, table, chart, prompts, discussion, lint');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });
});
