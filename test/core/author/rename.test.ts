// Rename an element and every reference to it. The references are read back from the real
// loader's normalized scenario by this test's own walk (not the model's reference finder), so a
// reference kind the model forgot shows as a dangling reference or a count that does not match.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthorDocument } from '../../../core/author/index.ts';
import type { ElementKind } from '../../../core/author/index.ts';
import { formatLoadError, loadScenario } from '../../../core/scenario/index.ts';
import type { Condition, MetBy, Scenario } from '../../../core/scenario/types.ts';
import { fixture, repoRoot } from '../scenario/helpers.ts';

const shipped = readdirSync(`${repoRoot}scenarios`).filter((f) => f.endsWith('.yaml')).sort();
const read = (file: string) => readFileSync(`${repoRoot}scenarios/${file}`, 'utf8');

function loads(text: string): Scenario {
  const result = loadScenario(text, 'renamed.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
  return result.value;
}

type Ref = `${ElementKind}:${string}`;

/** Every reference in a normalized scenario, as kind:id (options as option:PROMPT/OPTION). */
function references(s: Scenario): Ref[] {
  const out: Ref[] = [];
  const condition = (c: Condition): void => {
    switch (c.kind) {
      case 'answered':
        out.push(`prompt:${c.prompt}`);
        for (const o of c.with ?? []) out.push(`option:${c.prompt}/${o}`);
        break;
      case 'unanswered': out.push(`prompt:${c.prompt}`); break;
      case 'action':
        out.push(`action:${c.action}`);
        if (c.by !== undefined) out.push(`role:${c.by}`);
        break;
      case 'met': case 'missed': out.push(`step:${c.step}`); break;
      case 'any': case 'all': c.conditions.forEach(condition); break;
    }
  };
  const metBy = (m: MetBy): void => {
    if (m.kind === 'all') m.entries.forEach(metBy);
    else if (m.kind === 'action') out.push(`action:${m.action}`);
    else {
      out.push(`prompt:${m.prompt}`);
      for (const o of m.with ?? []) out.push(`option:${m.prompt}/${o}`);
    }
  };
  for (const a of s.actions) for (const r of a.roles) out.push(`role:${r}`);
  for (const i of s.injects) {
    if (i.trigger.kind === 'after') out.push(`inject:${i.trigger.inject}`);
    if (i.trigger.kind === 'when') condition(i.trigger.condition);
    if (!i.toAll) for (const r of i.to) out.push(`role:${r}`);
    for (const p of i.prompts) {
      out.push(`role:${p.role}`);
      if (p.objective !== undefined) out.push(`objective:${p.objective}`);
      for (const o of [...p.expect.best, ...p.expect.acceptable]) out.push(`option:${p.id}/${o}`);
    }
  }
  for (const st of s.runbook) {
    if (st.objective !== undefined) out.push(`objective:${st.objective}`);
    st.metBy.forEach(metBy);
  }
  for (const h of s.handouts) if (!h.toAll) for (const r of h.to) out.push(`role:${r}`);
  return out.sort();
}

const ids = (s: Scenario, kind: ElementKind): string[] => {
  switch (kind) {
    case 'role': return s.roles.map((r) => r.id);
    case 'objective': return s.objectives.map((o) => o.id);
    case 'action': return s.actions.map((a) => a.id);
    case 'inject': return s.injects.map((i) => i.id);
    case 'prompt': return s.injects.flatMap((i) => i.prompts.map((p) => p.id));
    case 'step': return s.runbook.map((st) => st.id);
    case 'option': return s.injects.flatMap((i) => i.prompts.flatMap((p) => p.options.map((o) => `${p.id}/${o.id}`)));
    default: return [];
  }
};

/** Rename and check: it loads, the references moved one for one, the old id is referred to nowhere, and only lines holding it changed. */
function renameAndCheck(text: string, kind: ElementKind, id: string, newId: string): string {
  const before = loads(text);
  const doc = AuthorDocument.open(text);
  doc.rename(kind, id, newId);
  const after = loads(doc.toString());
  const full = kind === 'option' ? `${id.split('/')[0]}/${newId}` : newId;
  const expected = references(before)
    .map((r) => (r === `${kind}:${id}` ? (`${kind}:${full}` as Ref) : r))
    // An option is named with its prompt: a prompt's new id shows in its options' references too.
    .map((r) => (kind === 'prompt' && r.startsWith(`option:${id}/`) ? (`option:${newId}/${r.slice(`option:${id}/`.length)}` as Ref) : r))
    .sort();
  expect(references(after)).toEqual(expected);
  expect(references(after)).not.toContain(`${kind}:${id}`);
  expect(ids(after, kind)).toEqual(ids(before, kind).map((x) => (x === id ? full : x)));
  // Every changed line reads as the old one with the id replaced; no line was added or removed.
  const oldLines = text.split('\n');
  const newLines = doc.toString().split('\n');
  expect(newLines).toHaveLength(oldLines.length);
  const bare = kind === 'option' ? (id.split('/')[1] ?? '') : id;
  newLines.forEach((line, n) => {
    if (line !== oldLines[n]) expect(line.replace(new RegExp(`(?<![\\w-])${newId}(?![\\w-])`, 'g'), bare)).toBe(oldLines[n]);
  });
  return doc.toString();
}

/** The element of this kind with the most references (ties: the first). */
function mostReferenced(s: Scenario, kind: ElementKind): string | undefined {
  const refs = references(s);
  let best: string | undefined;
  let count = 0;
  for (const id of ids(s, kind)) {
    const n = refs.filter((r) => r === `${kind}:${id}`).length;
    if (n > count) [best, count] = [id, n];
  }
  return best;
}

describe('rename updates every reference', () => {
  it.each(shipped)('%s: renaming its most referred-to role leaves no dangling reference', (file) => {
    const text = read(file);
    const role = mostReferenced(loads(text), 'role');
    if (!role) throw new Error(`${file} has no role with references`);
    renameAndCheck(text, 'role', role, 'renamed-role');
  });

  const kinds: ElementKind[] = ['objective', 'action', 'inject', 'prompt', 'step', 'option'];
  it.each(kinds)('renaming the most referred-to %s of the first scenario that refers to one', (kind) => {
    // No shipped scenario uses 'after' today: the hand-written fixture does.
    const file = shipped.find((f) => mostReferenced(loads(read(f)), kind) !== undefined);
    const text = file ? read(file) : fixture('author/small.yaml');
    if (!mostReferenced(loads(text), kind)) throw new Error(`nothing refers to a ${kind}`);
    renameAndCheck(text, kind, mostReferenced(loads(text), kind) ?? '', `renamed-${kind}`);
  });

  // Every element of two scenarios (the whole library takes a minute on this machine).
  it.each(['model-latency-slo.yaml', 'feature-store-outage.yaml'])('%s: every element with references can be renamed, one after another', (file) => {
    let text = read(file);
    const s = loads(text);
    const kinds: ElementKind[] = ['role', 'objective', 'action', 'inject', 'prompt', 'step'];
    let n = 0;
    for (const kind of kinds) {
      for (const id of ids(s, kind)) {
        if (!references(loads(text)).includes(`${kind}:${id}`)) continue;
        text = renameAndCheck(text, kind, id, `x${n++}-${kind}`);
      }
    }
    expect(n).toBeGreaterThan(5);
  });

  it('the hand-written fixture: every element renamed, comments and layout kept', () => {
    let text = fixture('author/small.yaml');
    const s = loads(text);
    let n = 0;
    // Options before prompts: an option is named with its prompt's id.
    for (const kind of ['role', 'objective', 'action', 'inject', 'step', 'option', 'prompt'] as ElementKind[]) {
      for (const id of ids(s, kind)) if (references(loads(text)).includes(`${kind}:${id}`)) text = renameAndCheck(text, kind, id, `y${n++}`);
    }
    expect(n).toBe(8); // ic, eng, detect, rollback, page, sev/sev1, sev/sev2, sev (nothing refers to the step)
    expect(text).toContain('# the engineer does the work\n');
    expect(text).toContain('# keep this comment\n');
  });

  it('an option rename touches only its own prompt, never an option of the same id in another', () => {
    const text = read('model-latency-slo.yaml');
    const s = loads(text);
    const optionIds = s.injects.flatMap((i) => i.prompts.flatMap((p) => p.options.map((o) => o.id)));
    const shared = optionIds.find((o, k) => optionIds.indexOf(o) !== k);
    const prompt = s.injects.flatMap((i) => i.prompts).find((p) => p.options.some((o) => o.id === (shared ?? p.options[0]?.id)));
    if (!prompt) throw new Error('no prompt with options');
    renameAndCheck(text, 'option', `${prompt.id}/${shared ?? prompt.options[0]?.id}`, 'renamed-option');
  });
});
