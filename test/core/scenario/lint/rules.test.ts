// drillbook lint's rules, each made to fail by one change to a fair scenario
// (test/fixtures/lint/fair.yaml, which passes every rule), and made to pass again where the rule
// has a case it must not flag.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeFindings, lintScenarioText, type LintFinding } from '../../../../core/scenario/lint/index.ts';
import { parseStoryTime, earliestDeliveries } from '../../../../core/scenario/lint/rules/timing.ts';
import { loadScenario } from '../../../../core/scenario/index.ts';
import type { LintRule } from '../../../../core/scenario/types.ts';
import { repoRoot } from '../helpers.ts';

const fair = readFileSync(`${repoRoot}test/fixtures/lint/fair.yaml`, 'utf8');

/** The fair text with each `from` replaced by its `to`; fails loudly when a `from` is not there. */
function edit(...pairs: [string, string][]): string {
  let text = fair;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`the fixture has no '${from}'`);
    text = text.replace(from, to);
  }
  return text;
}

function lint(text: string): LintFinding[] {
  const result = lintScenarioText(text, 'fair.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n'));
  return activeFindings(result.findings);
}

const of = (text: string, rule: LintRule) => lint(text).filter((f) => f.rule === rule);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('the fair fixture', () => {
  it('passes every rule', () => {
    expect(lint(fair)).toEqual([]);
  });
});

describe('longest-is-best', () => {
  const longBest = edit(['{id: sev2, label: "SEV2"}', '{id: sev2, label: "SEV2: a major feature degraded for many users"}']);

  it('warns on the scenario when more than 40% of choice prompts have the best option as the strictly longest label, and notes each', () => {
    const found = of(longBest, 'longest-is-best');
    expect(found.map((f) => [f.severity, f.element.kind, f.path])).toEqual([
      ['warning', 'scenario', 'injects'],
      ['note', 'prompt', 'injects[0].prompts[0].options[1].label'],
    ]);
    expect(found[0]?.message).toMatch(/^in 1 of 2 choice prompts \(50%\) the best option is the longest label/);
    expect(found[1]?.line).toBe(lineOf(longBest, '{id: sev2,'));
  });

  it('counts only a strictly longest label: a tie is no cue', () => {
    const tie = edit(['{id: sev2, label: "SEV2"}', '{id: sev2, label: "SEV2: wake the team"}'], ['"SEV1: wake everyone"', '"SEV1: wake everyone"']);
    expect(of(tie, 'longest-is-best')).toEqual([]);
  });

  it('keeps the note but not the warning at 40% or less', () => {
    const third = edit(
      ['{id: sev2, label: "SEV2"}', '{id: sev2, label: "SEV2: a major feature degraded for many users"}'],
      ['    prompts:\n      - id: who', '    prompts:\n      - id: who-choice\n        role: ic\n        ask: Who leads?\n        type: choice\n        options: [{id: me, label: Me}, {id: them, label: The vendor}]\n        expect: {best: [me]}\n      - id: who'],
    );
    expect(of(third, 'longest-is-best').map((f) => f.severity)).toEqual(['note']);
  });
});

describe('answer-in-text', () => {
  it('flags a best option whose distinctive words are in the role brief', () => {
    const text = edit(
      ['brief: You own the severity and the cadence of updates.', 'brief: "Call it SEV2 when a major feature is degraded for many users."'],
      ['{id: sev2, label: "SEV2"}', '{id: sev2, label: "SEV2: major feature degraded"}'],
    );
    const [found, ...rest] = of(text, 'answer-in-text');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ severity: 'warning', element: { kind: 'prompt', id: 'severity' }, path: 'injects[0].prompts[0].options[1].label' });
    expect(found?.message).toContain("the brief of role 'ic', which uses 4 of the 4 words only this option has (\"sev2\", \"major\", \"feature\", \"degraded\")");
  });

  it('flags a label that the inject body holds word for word', () => {
    const text = edit(['body: Support has 40 tickets about failed answers.', 'body: Support says the usual rule is in 15 minutes for the next update.']);
    expect(of(text, 'answer-in-text')[0]?.message).toContain("the body of inject 'customers', which contains its label 'In 15 minutes'");
  });

  it('passes a brief that describes every option alike (a severity guide), and words shared with other options', () => {
    const text = edit(
      ['brief: You own the severity and the cadence of updates.', 'brief: "SEV1 wake everyone. SEV2 major feature degraded. SEV3 handle it tomorrow."'],
      ['{id: sev2, label: "SEV2"}', '{id: sev2, label: "SEV2: major feature degraded"}'],
    );
    expect(of(text, 'answer-in-text')).toEqual([]);
    const shared = edit(['body: Support has 40 tickets about failed answers.', 'body: Support asks about minutes and mornings.']);
    expect(of(shared, 'answer-in-text')).toEqual([]);
  });
});

describe('comment-in-value', () => {
  it('finds a title cut at " #", says what it loads as, and asks to quote it', () => {
    const text = edit(['title: "Declare an incident in #inc-gateway"', 'title: Declare an incident in #inc-gateway']);
    const [found, ...rest] = of(text, 'comment-in-value');
    expect(rest).toEqual([]);
    const line = lineOf(text, 'title: Declare an incident');
    expect(found).toMatchObject({ severity: 'warning', line, column: 35, path: 'actions[0].title', element: { kind: 'action', id: 'declare' } });
    expect(found?.message).toBe('the value loads as "Declare an incident in": YAML reads \'#inc-gateway\' as a comment; quote the value');
  });

  it('finds a cut option label and a cut list item', () => {
    const text = edit(['label: In 15 minutes}', 'label: In 15 minutes #2}'], ['summary: The model gateway starts failing.', 'summary: The model gateway starts failing.\nassumptions:\n  - Ticket #RC-1 is open']);
    // In a flow mapping the comment eats the closing brace: the file no longer loads.
    const result = lintScenarioText(text, 'fair.yaml');
    expect(result.ok).toBe(false);
    const listOnly = edit(['summary: The model gateway starts failing.', 'summary: The model gateway starts failing.\nassumptions:\n  - Ticket #RC-1 is open']);
    expect(of(listOnly, 'comment-in-value').map((f) => [f.path, f.element.kind])).toEqual([['assumptions[0]', 'scenario']]);
  });

  it('leaves quoted values, comments written as comments and # inside a word alone', () => {
    const text = edit(['title: Publish on the status page', 'title: Publish on the status page  # the public one'], ['title: Communicate with customers', 'title: Communicate with C# customers']);
    expect(of(text, 'comment-in-value')).toEqual([]);
  });

  it('explains a value the comment took whole, after the load errors', () => {
    const text = edit(['ask: What severity do you declare?', 'ask: #what-severity']);
    const result = lintScenarioText(text, 'fair.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toBe('injects[0].prompts[0].ask');
    expect(result.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['comment-in-value', result.errors[0]?.line, "the value loads as an empty value: YAML reads '#what-severity' as a comment; quote the value"],
    ]);
  });
});

describe('idle-role', () => {
  it('flags a role with fewer than two prompts and actions', () => {
    const text = edit(['roles:\n', 'roles:\n  - {id: scribe, title: Scribe}\n'], ['roles: [comms]', 'roles: [comms, scribe]']);
    const found = of(text, 'idle-role');
    expect(found.map((f) => [f.element.id, f.path, f.message])).toEqual([
      ['scribe', 'roles[0].id', "role 'scribe' has 0 prompts and 1 action in the whole exercise; give it at least 2 things to decide or do, or merge it into another role"],
    ]);
  });

  it('counts an action that leaves out roles for every role', () => {
    const text = edit(['roles:\n', 'roles:\n  - {id: scribe, title: Scribe}\n'], ['roles: [comms]', 'roles: [comms, scribe]'], ['actions:\n', 'actions:\n  - {id: note, title: Take a note}\n']);
    expect(of(text, 'idle-role')).toEqual([]);
  });
});

describe('empty-room', () => {
  it('flags a scenario with no inject addressed to all', () => {
    const text = edit(['to: all', 'to: [ic, comms]']);
    expect(of(text, 'empty-room').map((f) => [f.severity, f.element.kind, f.path, f.line])).toEqual([['warning', 'scenario', 'injects', lineOf(text, 'injects:')]]);
  });
});

describe('words-meet-comms', () => {
  it('flags a communication step met by a text answer alone', () => {
    const text = edit(['{all: [{prompt: holding}, {action: post-status}]}', '{prompt: holding}']);
    const found = of(text, 'words-meet-comms');
    expect(found.map((f) => [f.element.id, f.path])).toEqual([['statement-out', 'runbook[1].met_by[0]']]);
    expect(found[0]?.message).toContain("is met by a text answer to 'holding' alone");
  });

  it('flags an all-of entry made only of answers', () => {
    const text = edit(['{all: [{prompt: holding}, {action: post-status}]}', '{all: [{prompt: holding}, {prompt: next-update, with: [fifteen]}]}']);
    expect(of(text, 'words-meet-comms')[0]?.message).toContain('an all-of entry made only of answers');
  });

  it('passes a step that is not about communication, and a choice answer', () => {
    const notComms = edit(['{all: [{prompt: holding}, {action: post-status}]}', '{prompt: holding}'], ['title: Communicate with customers', 'title: Keep customers whole'], ['capability: Public information and warning', 'capability: Operational coordination']);
    expect(of(notComms, 'words-meet-comms')).toEqual([]);
    const choice = edit(['{all: [{prompt: holding}, {action: post-status}]}', '{prompt: next-update, with: [fifteen]}']);
    expect(of(choice, 'words-meet-comms')).toEqual([]);
  });
});

describe('short-window', () => {
  it('flags a within under 3 minutes, at the within', () => {
    const text = edit(['expect: {best: [sev2], within: 3m}', 'expect: {best: [sev2], within: 2m59s}']);
    const found = of(text, 'short-window');
    expect(found.map((f) => [f.element.id, f.path, f.message])).toEqual([
      ['severity', 'injects[0].prompts[0].expect.within', 'within 2m59s is too short for a team to read, discuss and answer at 1x; give it at least 3m'],
    ]);
  });
  it('passes exactly 3 minutes (the fixture)', () => {
    expect(of(fair, 'short-window')).toEqual([]);
  });
});

describe('story-order', () => {
  it('flags a label earlier than one delivered before it', () => {
    const text = edit(['story_time: "10:50"', 'story_time: "10:35"']);
    const found = of(text, 'story-order');
    expect(found.map((f) => [f.element.id, f.path, f.message])).toEqual([
      ['customers', 'injects[1].story_time', "story_time '10:35' goes back in time: inject 'alert' (10:40) is delivered before it (at 0s; this one at 5m); fix the label or the schedule"],
    ]);
  });

  it('orders by delivery time, not file order, and follows after-chains', () => {
    const text = edit(['at: 5m', 'after: alert\n    delay: 5m'], ['story_time: "10:50"', 'story_time: "10:39"']);
    expect(of(text, 'story-order').map((f) => f.element.id)).toEqual(['customers']);
  });

  it('does not put a when-inject before anything: the team decides when it comes', () => {
    // escalation comes at the earliest at 1m, labelled after customers (5m): no certain order.
    const text = edit(['story_time: "10:45"', 'story_time: "10:55"']);
    expect(of(text, 'story-order')).toEqual([]);
    // but a fixed inject surely before a when-inject's earliest time is compared.
    const late = edit(['story_time: "10:45"', 'story_time: "10:30"']);
    expect(of(late, 'story-order').map((f) => f.message)).toEqual([
      "story_time '10:30' goes back in time: inject 'alert' (10:40) is delivered before it (at 0s; this one at the earliest at 1m); fix the label or the schedule",
    ]);
  });

  it('compares like with like only', () => {
    const text = edit(['story_time: "10:40"', 'story_time: Day 3'], ['story_time: "10:50"', 'story_time: Week 1']);
    expect(of(text, 'story-order')).toEqual([]);
  });

  it('reads clock times, Day, Week and Month labels', () => {
    expect(parseStoryTime('10:40')).toEqual({ unit: 'clock', n: 640 });
    expect(parseStoryTime('Tuesday 9:05')).toEqual({ unit: 'clock', n: 545 });
    expect(parseStoryTime('Day 2, 09:15')).toEqual({ unit: 'day', n: 2, clock: 555 });
    expect(parseStoryTime('Month 6 (31 May, EOL day)')).toEqual({ unit: 'month', n: 6 });
    expect(parseStoryTime('Month 0 (week 2)')).toEqual({ unit: 'month', n: 0 });
    expect(parseStoryTime('week 12')).toEqual({ unit: 'week', n: 12 });
    expect(parseStoryTime('T+2h')).toBeUndefined();
    expect(parseStoryTime('10:40:30.5')).toBeUndefined();
  });

  it('computes earliest deliveries through after, when and step conditions', () => {
    const loaded = loadScenario(fair, 'fair.yaml');
    if (!loaded.ok) throw new Error('fixture');
    expect(Object.fromEntries(earliestDeliveries(loaded.value))).toEqual({ alert: 0, customers: 300, escalation: 60 });
  });
});

describe('no-step and no-eeg', () => {
  it('warns on an objective that no runbook step names', () => {
    const text = edit(['  - id: severity-set\n    step: Set the severity\n    objective: detect\n    by: 5m\n    met_by: [{prompt: severity, with: [sev2]}]\n', '']);
    expect(of(text, 'no-step').map((f) => [f.severity, f.element.id, f.path])).toEqual([['warning', 'detect', 'objectives[0].id']]);
  });

  it('notes an objective without an eeg', () => {
    const text = edit(['    eeg: {P: Severity set in time, S: Set late, M: Set wrong, U: Not set}\n', '']);
    expect(of(text, 'no-eeg').map((f) => [f.severity, f.element.id])).toEqual([['note', 'detect']]);
  });
});

describe('lint: {allow, why}', () => {
  const noEeg = edit(['    eeg: {P: Severity set in time, S: Set late, M: Set wrong, U: Not set}\n', '']);

  it('silences the rule on the element it names, keeping the finding with its why', () => {
    const text = noEeg.replace('capability: Situational assessment', 'capability: Situational assessment\n    lint: {allow: [no-eeg], why: "Scored by the checklist handout"}');
    const result = lintScenarioText(text, 'fair.yaml');
    if (!result.ok) throw new Error('does not load');
    expect(activeFindings(result.findings)).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.silenced])).toEqual([['no-eeg', 'Scored by the checklist handout']]);
  });

  it('does not silence other elements or other rules', () => {
    const onScenario = noEeg.replace('duration: 30m', 'duration: 30m\nlint: {allow: [no-eeg], why: "not here"}');
    expect(of(onScenario, 'no-eeg')).toHaveLength(1);
    const otherRule = noEeg.replace('capability: Situational assessment', 'capability: Situational assessment\n    lint: {allow: [no-step], why: "other"}');
    expect(of(otherRule, 'no-eeg')).toHaveLength(1);
  });
});

describe('the shipped library', () => {
  it('every scenario lints: it loads, and every finding has a place and a rule', async () => {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(`${repoRoot}scenarios`).filter((n) => n.endsWith('.yaml'))) {
      const result = lintScenarioText(readFileSync(`${repoRoot}scenarios/${name}`, 'utf8'), name);
      expect(result.ok, name).toBe(true);
      for (const f of result.findings) expect(f.line, `${name} ${f.rule}`).toBeGreaterThan(0);
    }
  });
});
