// The authoring model: a scenario text opened, edited by key path and by element, and written back
// with every byte it did not have to change kept (comments, blank lines, quoting, key order).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthorDocument, AuthorError, referencesTo } from '../../../core/author/index.ts';
import { formatPath } from '../../../core/scenario/path.ts';
import { eventRows } from '../../../core/author/events.ts';
import { formatLoadError, loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { fixture, repoRoot } from '../scenario/helpers.ts';

const shipped = readdirSync(`${repoRoot}scenarios`).filter((f) => f.endsWith('.yaml')).sort();
const read = (file: string) => readFileSync(`${repoRoot}scenarios/${file}`, 'utf8');

function loads(text: string): Scenario {
  const result = loadScenario(text, 'edited.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
  return result.value;
}

/** Lines of `after` that are not in `before` (a multiset difference), and the other way round. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const count = (text: string) => {
    const m = new Map<string, number>();
    for (const l of text.split('\n')) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const b = count(before);
  const a = count(after);
  const added: string[] = [];
  const removed: string[] = [];
  for (const [l, n] of a) for (let i = n - (b.get(l) ?? 0); i > 0; i--) added.push(l);
  for (const [l, n] of b) for (let i = n - (a.get(l) ?? 0); i > 0; i--) removed.push(l);
  return { added, removed };
}

/** A hand-written scenario with comments, blank lines, quoting, flow and block styles, and after/when triggers. */
const SMALL = fixture('author/small.yaml');

describe('open and write back', () => {
  it.each(shipped)('%s comes back byte for byte when nothing is edited', (file) => {
    const text = read(file);
    const doc = AuthorDocument.open(text);
    expect(doc.syntaxError).toBeUndefined();
    expect(doc.toString() === text).toBe(true);
    // The model reads it: one row per inject, as the loader sees them.
    const scenario = loads(text);
    expect(eventRows(doc.value()).map((r) => r.id)).toEqual(scenario.injects.map((i) => i.id));
  });

  it.each(shipped)('%s: an edit changes the lines it must and no other', (file) => {
    const text = read(file);
    const doc = AuthorDocument.open(text);
    const first = loads(text).injects[0];
    if (!first) throw new Error('no inject');
    doc.setField('inject', first.id, 'title', 'A new title');
    const { added, removed } = lineDiff(text, doc.toString());
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\s+title: (A new title|"A new title")$/);
    expect(removed).toHaveLength(1);
    expect(loads(doc.toString()).injects[0]?.title).toBe('A new title');
  });

  it('opens a text that does not parse, and refuses structured edits until it does', () => {
    const doc = AuthorDocument.open('format: [unclosed\n');
    expect(doc.syntaxError).toMatch(/^line \d+, column \d+: /);
    expect(() => doc.set(['title'], 'x')).toThrow(/does not parse .* fix it in the YAML tab first/);
    doc.setText(SMALL);
    expect(doc.syntaxError).toBeUndefined();
    expect(doc.undo()).toBe(true);
    expect(doc.toString()).toBe('format: [unclosed\n');
  });

  it('keeps CRLF line ends in what it adds', () => {
    const crlf = SMALL.replace(/\n/g, '\r\n');
    const doc = AuthorDocument.open(crlf);
    expect(doc.toString()).toBe(crlf);
    doc.add('role', { id: 'comms', title: 'Comms lead', brief: 'Talks.\nA lot.' });
    expect(doc.toString()).not.toMatch(/[^\r]\n/);
    expect(loads(doc.toString()).roles.map((r) => r.id)).toEqual(['ic', 'eng', 'comms']);
  });
});

describe('fields', () => {
  it('sets a scalar in place, keeping its quotes and the comment after it', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.set(['title'], 'Bigger one');
    expect(doc.toString()).toContain('title: "Bigger one"   # the title the room sees\n');
    doc.setField('inject', 'followup', 'body', 'Still down, worse.');
    expect(doc.toString()).toContain('    body: Still down, worse.   # keep this comment\n');
    expect(lineDiff(SMALL, doc.toString()).added).toHaveLength(2);
  });

  it('adds a missing key at the end of its mapping, or after a named key, and quotes what needs it', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'page', 'from', 'PagerDuty: on-call');
    doc.setField('inject', 'page', 'story_time', '12:00', );
    doc.set(['level'], 'intermediate', 'title');
    const s = loads(doc.toString());
    expect(s.injects[0]?.from).toBe('PagerDuty: on-call');
    expect(s.injects[0]?.storyTime).toBe('12:00');
    expect(s.level).toBe('intermediate');
    expect(doc.toString()).toContain('title: "Small one"   # the title the room sees\nlevel: intermediate\n');
  });

  it('writes a multi-line text as a block and a list as a flow list', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'page', 'body', 'Line one.\n\nLine two: with a colon.');
    doc.setField('inject', 'page', 'discussion', ['What now?', 'Who decides?']);
    doc.setField('prompt', 'sev', ['expect', 'within'], '3m');
    const s = loads(doc.toString());
    expect(s.injects[0]?.body).toBe('Line one.\n\nLine two: with a colon.');
    expect(s.injects[0]?.discussion).toEqual(['What now?', 'Who decides?']);
    expect(s.injects[0]?.prompts[0]?.expect.within).toBe(180);
    expect(doc.toString()).toContain('discussion: [What now?, Who decides?]');
    expect(doc.toString()).toContain('expect: {best: [sev1], acceptable: [sev2], within: 3m}');
  });

  it('writes a multi-line text or a mapping inside a flow collection in flow style', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('option', 'sev/sev1', 'label', 'SEV1:\nall hands');
    doc.set(['objectives', 1, 'eeg', 'P'], 'fast\nand clear');
    const s = loads(doc.toString());
    expect(s.injects[0]?.prompts[0]?.options[0]?.label).toBe('SEV1:\nall hands');
    expect(s.objectives[1]?.eeg?.P).toBe('fast\nand clear');
    expect(doc.toString()).toContain('          - {id: sev1, label: "SEV1:\\nall hands"}\n');
  });

  it.each([
    'a: b # not a comment',
    "it's \"quoted\"",
    '- looks like a list',
    '{looks: like a map}',
    'true',
    '5',
    '  leading and trailing  ',
    '#hash first',
    'line one\nline two\n',
    'ends with a colon:',
    '@at, `tick`, *star, &amp, !bang, %pct, |pipe, >gt',
    'unicode: é ✓ 🚨',
  ])('any text written into any scalar reads back as itself: %j', (value) => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'page', 'title', value); // plain
    doc.set(['title'], value); // double-quoted, with a comment after it
    doc.setField('inject', 'page', 'body', value);
    doc.setField('option', 'sev/sev1', 'label', value); // inside a flow map
    doc.setField('inject', 'page', 'from', value); // a new key
    const s = loads(doc.toString());
    expect([s.injects[0]?.title, s.title, s.injects[0]?.body, s.injects[0]?.prompts[0]?.options[0]?.label, s.injects[0]?.from]).toEqual([value, value, value, value, value]);
    expect(doc.toString()).toContain('   # the title the room sees\n');
  });

  it('replaces a block by a scalar and back', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'followup', 'to', 'all');
    expect(loads(doc.toString()).injects[1]?.toAll).toBe(true);
    doc.set(['summary'], 'One line.');
    expect(doc.toString()).toContain('summary: One line.\n\nobjectives:');
    expect(loads(doc.toString()).summary).toBe('One line.');
  });

  it('removes a key with its lines, keeps what follows', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.remove(['injects', 2, 'lint']);
    doc.remove(['injects', 1, 'delay']);
    const { removed, added } = lineDiff(SMALL, doc.toString());
    expect(added).toEqual([]);
    expect(removed.sort()).toEqual(['    delay: 2m', '    lint: {allow: [empty-room], why: on purpose}']);
    loads(doc.toString());
  });

  it("puts a new key where the format lists it: beside its neighbours, not at the end", () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'page', 'from', 'PagerDuty');
    doc.set(['level'], 'advanced');
    doc.setField('prompt', 'sev', 'points', 20);
    doc.setChannel(['followup'], 'email');
    expect(doc.toString()).toContain('    channel: alert\n    from: PagerDuty\n    title: It is down\n');
    expect(doc.toString()).toContain('title: "Small one"   # the title the room sees\nlevel: advanced\nduration: 30m\n');
    expect(doc.toString()).toContain('        objective: detect\n        points: 20\n');
    expect(loads(doc.toString()).injects[0]?.prompts[0]?.points).toBe(20);
  });

  it("removes the first key of a list item: the next key moves up onto the dash line", () => {
    const doc = AuthorDocument.open(SMALL);
    doc.remove(['injects', 1, 'id']);
    expect(doc.toString()).toContain('\n  - after: page\n    delay: 2m\n');
    expect(doc.syntaxError).toBeUndefined();
  });

  it('edits a file whose lists are not indented under their keys and that ends without a newline', () => {
    const text = SMALL.replace(/\n {2}(?=[-#])/g, '\n').replace(/\n {4}(?=\S)/g, '\n  ').replace(/\n {6}(?=\S)/g, '\n    ').replace(/\n {8}(?=\S)/g, '\n      ').replace(/\n {10}(?=\S)/g, '\n        ').trimEnd();
    expect(loads(text).injects).toHaveLength(3);
    const doc = AuthorDocument.open(text);
    expect(doc.toString()).toBe(text);
    doc.add('step', { id: 'last', step: 'The end', by: '30m', met_by: [{ action: 'rollback' }] });
    doc.add('role', { id: 'comms', title: 'Comms' });
    doc.reorder('inject', 'page', 2);
    doc.rename('role', 'ic', 'lead');
    const s = loads(doc.toString());
    expect(s.runbook.map((st) => st.id)).toEqual(['declared', 'last']);
    expect(s.injects.map((i) => i.id)).toEqual(['followup', 'escalate', 'page']);
    expect(s.injects[0]?.to).toEqual(['lead', 'eng']);
    expect(doc.toString()).toContain('\n- id: comms\n  title: Comms\n');
  });

  it('undoes and redoes edits', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.set(['title'], 'One');
    doc.set(['title'], 'Two');
    expect(doc.undo()).toBe(true);
    expect(doc.get(['title'])).toBe('One');
    expect(doc.undo()).toBe(true);
    expect(doc.toString()).toBe(SMALL);
    expect(doc.undo()).toBe(false);
    expect(doc.redo()).toBe(true);
    expect(doc.get(['title'])).toBe('One');
  });
});

describe('elements: add, duplicate, delete, reorder', () => {
  it('adds every kind of element and the result loads', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.add('objective', { id: 'recover', title: 'Recover' });
    doc.add('role', { id: 'comms', title: 'Comms' }, { index: 1 });
    doc.add('action', { id: 'status-post', title: 'Post on the status page', roles: ['comms'] });
    doc.add('inject', { id: 'news', at: '20m', to: 'all', channel: 'news', title: 'On the news', body: 'Reporters call.' });
    doc.add('prompt', { id: 'statement', role: 'comms', ask: 'What do you say?', type: 'text', expect: { keywords: [['investigating']] } }, { parentId: 'news' });
    doc.add('option', { id: 'sev3', label: 'SEV3' }, { parentId: 'sev' });
    doc.add('step', { id: 'posted', step: 'Post an update', by: '25m', met_by: [{ action: 'status-post' }] });
    const s = loads(doc.toString());
    expect(s.objectives.map((o) => o.id)).toEqual(['detect', 'talk', 'recover']);
    expect(s.roles.map((r) => r.id)).toEqual(['ic', 'comms', 'eng']);
    expect(s.injects.map((i) => i.id)).toEqual(['page', 'followup', 'escalate', 'news']);
    expect(s.injects[3]?.prompts[0]?.expect.keywords).toEqual([['investigating']]);
    expect(s.injects[0]?.prompts[0]?.options.map((o) => o.id)).toEqual(['sev1', 'sev2', 'sev3']);
    expect(s.runbook.map((st) => st.id)).toEqual(['declared', 'posted']);
    // Injects were separated by a blank line: the new one is too; the comment above the engineer stays above it.
    expect(doc.toString()).toContain("    lint: {allow: [empty-room], why: on purpose}\n\n  - id: news\n");
    expect(doc.toString()).toContain('  - id: comms\n    title: Comms\n  # the engineer does the work\n  - id: eng\n');
    expect(doc.toString().startsWith('# A small scenario, written by hand.\n')).toBe(true);
  });

  it('writes the first element of a list that is not there yet as a block, as it would any later one', () => {
    const doc = AuthorDocument.open(SMALL.replace(/\nrunbook:[\s\S]*$/, '\n'));
    doc.add('prompt', { id: 'who', role: 'ic', ask: 'Who do you call?', type: 'text' }, { parentId: 'followup' });
    doc.add('step', { id: 'called', step: 'Call the owner', objective: 'talk', by: '10m', met_by: [{ prompt: 'who' }] });
    doc.setField('prompt', 'who', ['expect', 'keywords'], [['owner', 'on-call'], ['now']]);
    const text = doc.toString();
    expect(text).toContain([
      '    body: Still down.   # keep this comment',
      '    prompts:',
      '      - id: who',
      '        role: ic',
      '        ask: Who do you call?',
      '        type: text',
      '        expect:',
      '          keywords:',
      '            - [owner, on-call]',
      '            - [now]',
      '',
    ].join('\n'));
    // A new top-level key is set apart by a blank line, as the keys before it are.
    expect(text).toContain('    lint: {allow: [empty-room], why: on purpose}\n\nrunbook:\n  - id: called\n    step: Call the owner\n    objective: talk\n    by: 10m\n    met_by:\n      - {prompt: who}\n');
    expect(text).not.toMatch(/- \{id: (who|called)/);
    const s = loads(text);
    expect(s.injects[1]?.prompts[0]?.expect.keywords).toEqual([['owner', 'on-call'], ['now']]);
    expect(s.runbook[0]?.metBy).toEqual([{ kind: 'prompt', prompt: 'who' }]);
  });

  it('writes the first element of an empty list as a block too', () => {
    const doc = AuthorDocument.open(SMALL.replace('    body: Still down.   # keep this comment\n', '    body: Still down.   # keep this comment\n    prompts: []\n'));
    doc.add('prompt', { id: 'who', role: 'ic', ask: 'Who do you call?', type: 'text' }, { parentId: 'followup' });
    expect(doc.toString()).toContain('    prompts:\n      - id: who\n        role: ic\n        ask: Who do you call?\n        type: text\n\n  - id: escalate');
    expect(loads(doc.toString()).injects[1]?.prompts[0]?.id).toBe('who');
    // What is not an element (no id) reads as the items of such lists do in the shipped files.
    doc.set(['runbook', 0, 'met_by'], []);
    doc.insert(['runbook', 0, 'met_by'], { action: 'rollback' });
    expect(doc.toString()).toContain('    met_by:\n      - {action: rollback}\n');
    expect(loads(doc.toString()).runbook[0]?.metBy).toEqual([{ kind: 'action', action: 'rollback' }]);
  });

  it('writes a new list the way the file writes its lists: not indented under its key when the file does not', () => {
    const flat = SMALL.replace(/\n {2}(?=[-#])/g, '\n').replace(/\n {4}(?=\S)/g, '\n  ').replace(/\n {6}(?=\S)/g, '\n    ').replace(/\n {8}(?=\S)/g, '\n      ').replace(/\n {10}(?=\S)/g, '\n        ');
    const doc = AuthorDocument.open(flat);
    doc.add('prompt', { id: 'who', role: 'ic', ask: 'Who?', type: 'choice', options: [{ id: 'owner', label: 'The owner' }] }, { parentId: 'followup' });
    doc.add('step', { id: 'called', step: 'Call', by: '10m', met_by: [{ prompt: 'who', with: ['owner'] }] });
    expect(doc.toString()).toContain('  body: Still down.   # keep this comment\n  prompts:\n  - id: who\n    role: ic\n    ask: Who?\n    type: choice\n    options:\n    - {id: owner, label: The owner}\n');
    expect(doc.toString()).toContain('\n- id: called\n  step: Call\n  by: 10m\n  met_by:\n  - {prompt: who, with: [owner]}\n');
    const s = loads(doc.toString());
    expect(s.injects[1]?.prompts[0]?.options.map((o) => o.id)).toEqual(['owner']);
    expect(s.runbook.map((st) => st.id)).toEqual(['declared', 'called']);
  });

  it('writes new lists and mappings with the indentation of a file indented by four', () => {
    const text = [
      'format: drillbook/scenario@1', 'id: four', 'title: Four spaces', 'level: beginner', 'duration: 30m', 'summary: Something breaks.',
      'objectives:', '    - id: detect', '      title: Detect it',
      'roles:', '    - id: ic', '      title: Incident commander',
      'injects:', '    - id: page', '      at: 0:00', '      to: all', '      channel: alert', '      title: It is down', '      body: Pager fires.',
      '      lint:', '          allow: [empty-room]', '          why: a fixture', '',
    ].join('\n');
    const doc = AuthorDocument.open(text);
    doc.add('prompt', { id: 'who', role: 'ic', ask: 'Who?', type: 'text' }, { parentId: 'page' });
    doc.setField('prompt', 'who', ['expect', 'keywords'], [['owner'], ['now']]);
    doc.add('step', { id: 'called', step: 'Call', objective: 'detect', by: '10m', met_by: [{ prompt: 'who' }] });
    expect(doc.toString()).toBe(text.replace('      lint:\n', [
      '      prompts:', '          - id: who', '            role: ic', '            ask: Who?', '            type: text',
      '            expect:', '                keywords:', '                    - [owner]', '                    - [now]', '      lint:', '',
    ].join('\n')) + ['runbook:', '    - id: called', '      step: Call', '      objective: detect', '      by: 10m', '      met_by:', '          - {prompt: who}', ''].join('\n'));
    expect(loads(doc.toString()).runbook[0]?.id).toBe('called');
  });

  it('refuses an id that is taken or not an id', () => {
    const doc = AuthorDocument.open(SMALL);
    expect(() => doc.add('role', { id: 'eng', title: 'x' })).toThrow(AuthorError);
    expect(() => doc.add('prompt', { id: 'sev', role: 'ic', ask: '?', type: 'text' }, { parentId: 'followup' })).toThrow(/already a prompt 'sev'/);
    expect(() => doc.add('role', { id: 'Bad Id', title: 'x' })).toThrow(/is not an id/);
    expect(() => doc.rename('role', 'ic', 'eng')).toThrow(/already a role 'eng'/);
    expect(() => doc.duplicate('inject', 'page', 'followup')).toThrow("there is already an inject 'followup'");
    expect(() => doc.add('option', { id: 'sev1', label: 'x' }, { parentId: 'sev' })).toThrow("there is already an option 'sev1'");
    expect(() => doc.add('option', { id: 'sev1', label: 'x' })).toThrow('name the prompt an option goes in');
    expect(() => doc.setField('inject', 'nope', 'title', 'x')).toThrow(/there is no inject 'nope'/);
    expect(doc.toString()).toBe(SMALL);
  });

  it('duplicates an inject with its comments, under new ids for it and its prompts', () => {
    const doc = AuthorDocument.open(SMALL);
    expect(doc.duplicate('inject', 'page')).toBe('page-copy');
    const s = loads(doc.toString());
    expect(s.injects.map((i) => i.id)).toEqual(['page', 'page-copy', 'followup', 'escalate']);
    expect(s.injects[1]?.prompts.map((p) => p.id)).toEqual(['sev-copy']);
    expect(s.injects[1]?.prompts[0]?.options.map((o) => o.id)).toEqual(['sev1', 'sev2']);
    expect(doc.toString().match(/# first thing that happens/g)).toHaveLength(2);
    expect(doc.duplicate('inject', 'page')).toBe('page-copy-2');
    expect(doc.duplicate('inject', 'escalate')).toBe('escalate-copy');
    expect(doc.duplicate('option', 'sev/sev2')).toBe('sev2-copy');
    expect(doc.duplicate('action', 'rollback', 'rollback-again')).toBe('rollback-again');
    const t = loads(doc.toString());
    expect(t.injects.map((i) => i.id)).toEqual(['page', 'page-copy-2', 'page-copy', 'followup', 'escalate', 'escalate-copy']);
    expect(t.injects[0]?.prompts[0]?.options.map((o) => o.id)).toEqual(['sev1', 'sev2', 'sev2-copy']);
    expect(t.actions.map((a) => a.id)).toEqual(['rollback', 'rollback-again']);
  });

  it('duplicates a prompt and a runbook step under free ids', () => {
    const doc = AuthorDocument.open(SMALL);
    expect(doc.duplicate('prompt', 'sev')).toBe('sev-copy');
    expect(doc.duplicate('step', 'declared')).toBe('declared-copy');
    const s = loads(doc.toString());
    expect(s.injects[0]?.prompts.map((p) => p.id)).toEqual(['sev', 'sev-copy']);
    expect(s.runbook.map((st) => st.id)).toEqual(['declared', 'declared-copy']);
    expect(() => doc.duplicate('prompt', 'sev', 'sev-copy')).toThrow(/already a prompt 'sev-copy'; prompt ids are unique across the scenario/);
  });

  it('deletes elements; a deleted element still referred to shows as a load error', () => {
    const doc = AuthorDocument.open(SMALL);
    // What the view can warn about before deleting.
    expect(referencesTo(doc.value(), 'option', 'sev/sev2').map((r) => formatPath(r.path))).toEqual(['injects[0].prompts[0].expect.acceptable[0]', 'injects[2].when.with[0]']);
    expect(referencesTo(doc.value(), 'role', 'eng').map((r) => formatPath(r.path))).toEqual(['actions[0].roles[0]', 'injects[1].to[1]']);
    doc.delete('inject', 'followup');
    expect(loads(doc.toString()).injects.map((i) => i.id)).toEqual(['page', 'escalate']);
    doc.delete('option', 'sev/sev2');
    const broken = loadScenario(doc.toString(), 'x.yaml');
    expect(broken.ok ? [] : broken.errors.map((e) => e.message)).toEqual([
      "unknown option 'sev2'; this prompt's options are: sev1; did you mean 'sev1'?",
      "unknown option 'sev2' for prompt 'sev'; its options are: sev1; did you mean 'sev1'?",
    ]);
    doc.undo();
    doc.delete('inject', 'escalate'); // the last one: the blank line before it goes too
    expect(doc.toString()).toContain('    body: Pager fires.\n    prompts:');
    expect(doc.toString()).toMatch(/objective: detect\n\nrunbook:/);
    loads(doc.toString());
  });

  it('reorders injects, roles, options and steps; blank lines stay between items', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.reorder('inject', 'escalate', 0);
    doc.reorder('role', 'ic', 1);
    doc.reorder('option', 'sev/sev2', 0);
    doc.reorder('objective', 'talk', 0);
    const s = loads(doc.toString());
    expect(s.injects.map((i) => i.id)).toEqual(['escalate', 'page', 'followup']);
    expect(s.roles.map((r) => r.id)).toEqual(['eng', 'ic']);
    expect(s.injects[1]?.prompts[0]?.options.map((o) => o.id)).toEqual(['sev2', 'sev1']);
    expect(s.objectives.map((o) => o.id)).toEqual(['talk', 'detect']);
    const { added, removed } = lineDiff(SMALL, doc.toString());
    expect(added).toEqual([]);
    expect(removed).toEqual([]);
    expect(doc.toString()).toContain('why: on purpose}\n\n  # first thing that happens\n  - id: page\n');
    expect(doc.toString()).toMatch(/body: Still down. {3}# keep this comment\n\nrunbook:/);
  });
});

describe('bulk edits in the events table', () => {
  it('shifts the times of several injects, keeping how each was written; after/when injects move with their anchor', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.add('inject', { id: 'late', at: '20m', to: 'all', channel: 'note', title: 'Late', body: 'x' });
    const result = doc.shiftTimes(['page', 'followup', 'late'], 90);
    expect(result).toEqual({ shifted: ['page', 'late'], skipped: ['followup'] });
    expect(doc.toString()).toContain('    at: 06:30\n');
    expect(doc.toString()).toContain('    at: 21m30s\n');
    expect(loads(doc.toString()).injects.map((i) => (i.trigger.kind === 'at' ? i.trigger.at : null))).toEqual([390, null, null, 1290]);
    expect(() => doc.shiftTimes(['page'], -400)).toThrow(/inject 'page' is at 6m30s: shifting it by -6m40s would put it before the start/);
  });

  it('sets the channel or the recipients of several rows, and refuses unknown ones', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setChannel(['page', 'escalate'], 'email');
    doc.setTo(['followup', 'escalate'], ['eng', 'ic']);
    const s = loads(doc.toString());
    expect(s.injects.map((i) => i.channel)).toEqual(['email', 'chat', 'email']);
    expect(s.injects.map((i) => i.to)).toEqual([['ic', 'eng'], ['eng', 'ic'], ['eng', 'ic']]);
    expect(() => doc.setChannel(['page'], 'emial')).toThrow(/unknown channel 'emial'; .* did you mean 'email'/i);
    expect(() => doc.setTo(['page'], ['eng', 'boss'])).toThrow(/unknown role 'boss'/);
  });

  it('changes an inject trigger in place', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setTrigger('followup', { at: '15m' });
    doc.setTrigger('page', { when: { action: 'rollback' }, delay: '1m' });
    const s = loads(doc.toString());
    expect(s.injects[1]?.trigger).toEqual({ kind: 'at', at: 900 });
    expect(s.injects[0]?.trigger).toEqual({ kind: 'when', condition: { kind: 'action', action: 'rollback' }, delay: 60 });
    expect(doc.toString()).toContain('  - id: followup\n    at: 15m\n    to: [ic, eng]\n');
    expect(doc.toString()).toContain('  - id: page\n    when: {action: rollback}\n    delay: 1m\n    to: all\n');
  });
});

describe('edits undone by their inverse give back the same bytes', () => {
  it.each(shipped)('%s: the first, a middle and the last inject moved to the end and back, duplicated and deleted; one added and deleted', (file) => {
    const text = read(file);
    const doc = AuthorDocument.open(text);
    const ids = loads(text).injects.map((i) => i.id);
    const last = ids.length - 1;
    [0, Math.floor(last / 2), last].forEach((i) => {
      const id = ids[i] ?? '';
      doc.reorder('inject', id, last);
      doc.reorder('inject', id, i);
      expect(doc.toString() === text).toBe(true);
      const copy = doc.duplicate('inject', id);
      loads(doc.toString());
      doc.delete('inject', copy);
      expect(doc.toString() === text).toBe(true);
    });
    doc.add('inject', { id: 'added', at: '1m', to: 'all', channel: 'note', title: 'Added', body: 'Text.' }, { index: 1 });
    expect(loads(doc.toString()).injects[1]?.id).toBe('added');
    doc.delete('inject', 'added');
    expect(doc.toString() === text).toBe(true);
  });
});

describe('the events table', () => {
  it('reads one row per inject: trigger, recipients, channel, title and the number of prompts', () => {
    expect(eventRows(AuthorDocument.open(SMALL).value())).toEqual([
      { index: 0, id: 'page', trigger: { kind: 'at', at: 300, text: '05:00' }, to: 'all', channel: 'alert', from: '', title: 'It is down', prompts: 1 },
      { index: 1, id: 'followup', trigger: { kind: 'after', inject: 'page', delay: 120 }, to: ['ic', 'eng'], channel: 'chat', from: '', title: 'Still down', prompts: 0 },
      { index: 2, id: 'escalate', trigger: { kind: 'when', summary: 'answered sev with sev2', delay: 0 }, to: ['ic'], channel: 'call', from: '', title: 'The VP calls', prompts: 0 },
    ]);
  });

  it('reads what is there while the author types: a bad time or a missing trigger still gives a row', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'page', 'at', 'soon');
    doc.remove(['injects', 2, 'when']);
    const rows = eventRows(doc.value());
    expect(rows[0]?.trigger).toEqual({ kind: 'at', at: null, text: 'soon' });
    expect(rows[2]?.trigger).toEqual({ kind: 'none' });
    expect(eventRows(AuthorDocument.open('injects: [oops\n').value())).toEqual([]);
  });
});

