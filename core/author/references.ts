// Every place a scenario names an element by id, by kind. The list follows what the loader checks
// (core/scenario/check-scenario.ts): a reference missing here would be left dangling by a rename.
// Works on the plain value of a document that may not load yet (while the author types), so every
// step is defensive.
import { isRecord, type Path } from '../scenario/path.ts';

export type ElementKind = 'objective' | 'role' | 'action' | 'inject' | 'prompt' | 'option' | 'step' | 'handout' | 'character' | 'feedback';

/** Where the list of each kind sits (prompts and options sit inside their inject and prompt). */
export const LIST_OF: Record<Exclude<ElementKind, 'prompt' | 'option'>, Path> = {
  objective: ['objectives'],
  role: ['roles'],
  action: ['actions'],
  inject: ['injects'],
  step: ['runbook'],
  handout: ['handouts'],
  character: ['characters'],
  feedback: ['feedback', 'questions'],
};

export interface Reference {
  /** Path of the scalar that holds the id. */
  path: Path;
  /** What refers: for messages ("injects[2].to[0]"). */
  kind: ElementKind;
  id: string;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every reference in the scenario, definitions (the `id` keys) excluded. Options carry their prompt in `id` as PROMPT/OPTION. */
export function allReferences(root: unknown): Reference[] {
  const out: Reference[] = [];
  if (!isRecord(root)) return out;
  const add = (path: Path, kind: ElementKind, id: unknown) => {
    if (typeof id === 'string') out.push({ path, kind, id });
  };
  const addOptions = (path: Path, prompt: unknown, ids: unknown) => {
    if (typeof prompt !== 'string') return;
    list(ids).forEach((o, k) => add([...path, k], 'option', typeof o === 'string' ? `${prompt}/${o}` : undefined));
  };

  const condition = (c: unknown, path: Path): void => {
    if (!isRecord(c)) return;
    if ('answered' in c) {
      add([...path, 'answered'], 'prompt', c.answered);
      addOptions([...path, 'with'], c.answered, c.with);
    }
    if ('unanswered' in c) add([...path, 'unanswered'], 'prompt', c.unanswered);
    if ('action' in c) add([...path, 'action'], 'action', c.action);
    if ('by' in c) add([...path, 'by'], 'role', c.by);
    if ('met' in c) add([...path, 'met'], 'step', c.met);
    if ('missed' in c) add([...path, 'missed'], 'step', c.missed);
    list(c.any).forEach((x, k) => condition(x, [...path, 'any', k]));
    list(c.all).forEach((x, k) => condition(x, [...path, 'all', k]));
  };
  const metBy = (m: unknown, path: Path): void => {
    if (!isRecord(m)) return;
    if ('prompt' in m) {
      add([...path, 'prompt'], 'prompt', m.prompt);
      addOptions([...path, 'with'], m.prompt, m.with);
    }
    if ('action' in m) add([...path, 'action'], 'action', m.action);
    list(m.all).forEach((x, k) => metBy(x, [...path, 'all', k]));
  };
  const roles = (to: unknown, path: Path) => list(to).forEach((r, k) => add([...path, k], 'role', r));

  list(root.actions).forEach((a, i) => isRecord(a) && roles(a.roles, ['actions', i, 'roles']));
  list(root.injects).forEach((inject, i) => {
    if (!isRecord(inject)) return;
    const p: Path = ['injects', i];
    add([...p, 'after'], 'inject', inject.after);
    condition(inject.when, [...p, 'when']);
    roles(inject.to, [...p, 'to']);
    list(inject.prompts).forEach((prompt, j) => {
      if (!isRecord(prompt)) return;
      const pp: Path = [...p, 'prompts', j];
      add([...pp, 'role'], 'role', prompt.role);
      add([...pp, 'objective'], 'objective', prompt.objective);
      if (isRecord(prompt.expect)) {
        addOptions([...pp, 'expect', 'best'], prompt.id, prompt.expect.best);
        addOptions([...pp, 'expect', 'acceptable'], prompt.id, prompt.expect.acceptable);
      }
    });
  });
  list(root.runbook).forEach((step, i) => {
    if (!isRecord(step)) return;
    add(['runbook', i, 'objective'], 'objective', step.objective);
    list(step.met_by).forEach((m, k) => metBy(m, ['runbook', i, 'met_by', k]));
  });
  list(root.handouts).forEach((h, i) => isRecord(h) && roles(h.to, ['handouts', i, 'to']));
  return out;
}

/** The references to one element (for an option, `id` is PROMPT/OPTION). */
export function referencesTo(root: unknown, kind: ElementKind, id: string): Reference[] {
  return allReferences(root).filter((r) => r.kind === kind && r.id === id);
}

/** Where the element is defined: the path of the mapping that holds its `id`. */
export function definitionOf(root: unknown, kind: ElementKind, id: string): Path | undefined {
  if (!isRecord(root)) return undefined;
  if (kind === 'prompt' || kind === 'option') {
    const [promptId, optionId] = kind === 'option' ? splitOption(id) : [id, undefined];
    for (const [i, inject] of list(root.injects).entries()) {
      if (!isRecord(inject)) continue;
      for (const [j, prompt] of list(inject.prompts).entries()) {
        if (!isRecord(prompt) || prompt.id !== promptId) continue;
        if (kind === 'prompt') return ['injects', i, 'prompts', j];
        const k = list(prompt.options).findIndex((o) => isRecord(o) && o.id === optionId);
        return k === -1 ? undefined : ['injects', i, 'prompts', j, 'options', k];
      }
    }
    return undefined;
  }
  const path = LIST_OF[kind];
  let items: unknown = root;
  for (const segment of path) items = isRecord(items) ? items[segment as string] : undefined;
  const index = list(items).findIndex((x) => isRecord(x) && x.id === id);
  return index === -1 ? undefined : [...path, index];
}

export function splitOption(id: string): [string, string] {
  const slash = id.indexOf('/');
  return slash === -1 ? [id, ''] : [id.slice(0, slash), id.slice(slash + 1)];
}

/** The ids already used in the namespace an element of this kind lives in. */
export function idsInUse(root: unknown, kind: ElementKind, promptId?: string): string[] {
  if (!isRecord(root)) return [];
  if (kind === 'prompt') return list(root.injects).flatMap((i) => (isRecord(i) ? list(i.prompts) : [])).map((p) => (isRecord(p) ? str(p.id) : undefined)).filter((x): x is string => x !== undefined);
  if (kind === 'option') {
    const at = promptId === undefined ? undefined : definitionOf(root, 'prompt', promptId);
    if (!at) return [];
    let prompt: unknown = root;
    for (const s of at) prompt = Array.isArray(prompt) ? prompt[s as number] : isRecord(prompt) ? prompt[s as string] : undefined;
    return isRecord(prompt) ? list(prompt.options).map((o) => (isRecord(o) ? str(o.id) : undefined)).filter((x): x is string => x !== undefined) : [];
  }
  let items: unknown = root;
  for (const segment of LIST_OF[kind]) items = isRecord(items) ? items[segment as string] : undefined;
  return list(items).map((x) => (isRecord(x) ? str(x.id) : undefined)).filter((x): x is string => x !== undefined);
}
