// What the author has selected, and where a problem's key path points: the innermost element the
// forms edit (an inject's prompt, an inject, a role...), or nothing (the YAML tab shows its line).
import { isRecord } from '../../../core/scenario/path.ts';
import type { ElementKind } from '../../../core/author/index.ts';

export interface Selection {
  kind: ElementKind;
  /** For an option: PROMPT/OPTION, as AuthorDocument names it. */
  id: string;
  /** The inject an inject's prompt or option sits in. */
  injectId?: string;
}

const TOP: Record<string, ElementKind> = { objectives: 'objective', roles: 'role', actions: 'action', injects: 'inject', runbook: 'step' };

/** `injects[2].prompts[0].role` -> ['injects', 2, 'prompts', 0, 'role']. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const [, key, index, quoted] of path.matchAll(/([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (key !== undefined) out.push(key);
    else if (index !== undefined) out.push(Number(index));
    else if (quoted !== undefined) out.push(JSON.parse(quoted) as string);
  }
  return out;
}

const idOf = (v: unknown): string | null => (isRecord(v) && typeof v.id === 'string' ? v.id : null);

/** The element a problem's path is about, when the forms edit it. */
export function elementAt(root: unknown, path: string): Selection | null {
  if (!isRecord(root)) return null;
  const [list, index, sub, subIndex] = splitPath(path);
  if (typeof list !== 'string' || typeof index !== 'number' || !(list in TOP)) return null;
  const items = root[list];
  const element = Array.isArray(items) ? items[index] : undefined;
  const id = idOf(element);
  if (id === null) return null;
  if (list === 'injects' && sub === 'prompts' && typeof subIndex === 'number' && isRecord(element)) {
    const prompts = element.prompts;
    const promptId = idOf(Array.isArray(prompts) ? prompts[subIndex] : undefined);
    if (promptId !== null) return { kind: 'prompt', id: promptId, injectId: id };
  }
  return { kind: TOP[list]!, id };
}
