// The authoring model: one scenario text, edited by forms, the events table and the YAML tab
// alike. The text is the source of truth; the yaml Document (parsed from it after every edit)
// finds the nodes, and each edit is a splice of the text (see yaml-text.ts). So toString() of a
// document nobody edited is its input byte for byte, and an edit leaves every other byte alone.
import { isRecord, quote, type Path } from '../scenario/path.ts';
import { formatDuration, parseDuration } from '../scenario/duration.ts';
import { CHANNELS, type Channel } from '../scenario/types.ts';
import { didYouMean, listNames } from '../scenario/suggest.ts';
import {
  applySplices, AuthorError, itemText, nodeAt, parseText, spliceAddKey, spliceDeleteItem, spliceDeleteKey, spliceInsertItem,
  spliceInsertItems, spliceInsertTextAfter, spliceMoveItem, spliceSet, syntaxError, type ParsedText, type Splice,
} from './yaml-text.ts';
import { keyBefore } from './key-order.ts';
import { allReferences, definitionOf, idsInUse, LIST_OF, splitOption, type ElementKind } from './references.ts';

export { AuthorError };

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Aliases in a shared file are bounded, as the loader bounds them. */
const MAX_ALIAS_COUNT = 100;
const MAX_HISTORY = 200;

export type InjectTrigger =
  | { at: string | number }
  | { after: string; delay?: string | number }
  | { when: unknown; delay?: string | number };

export class AuthorDocument {
  private parsed: ParsedText;
  private valueCache: { text: string; value: unknown } | undefined;
  private readonly undoStack: string[] = [];
  private readonly redoStack: string[] = [];

  private constructor(text: string) {
    this.parsed = parseText(text);
  }

  /** Open a scenario text. Never throws: a text that does not parse opens too (the YAML tab fixes it). */
  static open(text: string): AuthorDocument {
    return new AuthorDocument(text);
  }

  /** The text, byte for byte as opened where nothing was edited. */
  toString(): string {
    return this.parsed.text;
  }

  get text(): string {
    return this.parsed.text;
  }

  /** The YAML syntax error that stops structured editing, if any. */
  get syntaxError(): string | undefined {
    return syntaxError(this.parsed);
  }

  /** The document as plain data (undefined when the YAML does not parse). */
  value(): unknown {
    if (this.valueCache?.text === this.parsed.text) return this.valueCache.value;
    let value: unknown;
    try {
      value = this.syntaxError ? undefined : this.parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      value = undefined;
    }
    this.valueCache = { text: this.parsed.text, value };
    return value;
  }

  /** The value at a key path, as plain data. */
  get(path: Path): unknown {
    let v = this.value();
    for (const s of path) v = typeof s === 'number' ? (Array.isArray(v) ? v[s] : undefined) : isRecord(v) ? v[s] : undefined;
    return v;
  }

  // ---- the text as a whole: the YAML tab, undo ----

  /** Replace the whole text (the YAML tab). */
  setText(text: string): void {
    if (text === this.parsed.text) return;
    this.remember();
    this.parsed = parseText(text);
  }

  undo(): boolean {
    const previous = this.undoStack.pop();
    if (previous === undefined) return false;
    this.redoStack.push(this.parsed.text);
    this.parsed = parseText(previous);
    return true;
  }

  redo(): boolean {
    const next = this.redoStack.pop();
    if (next === undefined) return false;
    this.undoStack.push(this.parsed.text);
    this.parsed = parseText(next);
    return true;
  }

  private remember(): void {
    this.undoStack.push(this.parsed.text);
    if (this.undoStack.length > MAX_HISTORY) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  private ready(): ParsedText {
    const error = this.syntaxError;
    if (error) throw new AuthorError(`the YAML does not parse (${error}); fix it in the YAML tab first`);
    return this.parsed;
  }

  /** Run edits as one step of the history; each splice batch is applied and the text parsed again. */
  private edit(steps: (() => Splice[])[]): void {
    this.ready();
    const before = this.parsed.text;
    try {
      for (const step of steps) {
        const splices = step();
        if (splices.length === 0) continue;
        this.parsed = parseText(applySplices(this.parsed.text, splices));
        const broken = this.syntaxError;
        if (broken) throw new AuthorError(`this edit would leave YAML that does not parse (${broken}); nothing was changed`);
      }
    } catch (error) {
      this.parsed = parseText(before);
      throw error;
    }
    if (this.parsed.text !== before) {
      this.undoStack.push(before);
      if (this.undoStack.length > MAX_HISTORY) this.undoStack.shift();
      this.redoStack.length = 0;
    }
  }

  // ---- generic edits by key path ----

  /** Set the value at `path`, adding the key (and missing mappings above it) when absent. */
  set(path: Path, value: unknown, afterKey?: string): void {
    this.edit([() => this.setSplices(path, value, afterKey)]);
  }

  /** `elements`: the value is a new list of elements, written as blocks (see RenderStyle). */
  private setSplices(path: Path, value: unknown, afterKey?: string, elements = false): Splice[] {
    const p = this.ready();
    if (path.length === 0) throw new AuthorError('cannot replace the whole document this way; use setText');
    if (nodeAt(p, path) !== undefined) return spliceSet(p, path, value, elements);
    const parent = path.slice(0, -1);
    const key = path[path.length - 1];
    if (typeof key === 'number') {
      const items = this.get(parent);
      if (Array.isArray(items) && key === items.length) return spliceInsertItem(p, parent, key, value);
      throw new AuthorError(`there is no item ${key} in ${parent.join('.')}`);
    }
    if (key === undefined) return [];
    if (nodeAt(p, parent) === undefined || this.get(parent) === null) return this.setSplices(parent, { [key]: value });
    return spliceAddKey(p, parent, key, value, afterKey ?? keyBefore(parent, this.get(parent), key), elements);
  }

  /** Remove the key or list item at `path`. */
  remove(path: Path): void {
    const parent = path.slice(0, -1);
    const last = path[path.length - 1];
    this.edit([() => (typeof last === 'number' ? spliceDeleteItem(this.ready(), parent, last) : last === undefined ? [] : spliceDeleteKey(this.ready(), parent, last))]);
  }

  /** Insert `value` into the list at `listPath` before `index` (default: at its end); creates the list when absent. */
  insert(listPath: Path, value: unknown, index?: number): void {
    this.edit([() => {
      const items = this.get(listPath);
      if (!Array.isArray(items)) {
        if (items !== undefined && items !== null) throw new AuthorError(`${listPath.join('.')} is not a list`);
        return this.setSplices(listPath, [value], undefined, true);
      }
      return spliceInsertItem(this.ready(), listPath, index ?? items.length, value);
    }]);
  }

  /** Move item `from` of the list at `listPath` to index `to`. */
  move(listPath: Path, from: number, to: number): void {
    this.edit([() => spliceMoveItem(this.ready(), listPath, from, to)]);
  }

  // ---- elements by id ----

  /** Path of an element's mapping; for an option, `id` is PROMPT/OPTION. */
  pathOf(kind: ElementKind, id: string): Path {
    const path = definitionOf(this.value(), kind, id);
    if (!path) throw new AuthorError(`there is no ${kind} ${quote(id)}`);
    return path;
  }

  /** The list an element of this kind goes in (a prompt's: its inject's; an option's: its prompt's). */
  private listFor(kind: ElementKind, parentId?: string): Path {
    if (kind === 'prompt') return [...this.pathOf('inject', need(parentId, 'the inject a prompt goes in')), 'prompts'];
    if (kind === 'option') return [...this.pathOf('prompt', need(parentId, 'the prompt an option goes in')), 'options'];
    return LIST_OF[kind];
  }

  /** Set one field of an element (`field` may be a path inside it, e.g. ['expect', 'within']). */
  setField(kind: ElementKind, id: string, field: string | Path, value: unknown): void {
    if (field === 'id' || (Array.isArray(field) && field.length === 1 && field[0] === 'id')) {
      this.rename(kind, id, String(value));
      return;
    }
    this.set([...this.pathOf(kind, id), ...(typeof field === 'string' ? [field] : field)], value);
  }

  /** Add an element (a mapping with an `id`); `parentId` names the inject of a prompt, the prompt of an option. */
  add(kind: ElementKind, element: Record<string, unknown>, options: { parentId?: string; index?: number } = {}): void {
    const id = element.id;
    if (typeof id !== 'string') throw new AuthorError(`a new ${kind} needs an id (text)`);
    checkNewId(this.value(), kind, id, options.parentId);
    this.insert(this.listFor(kind, options.parentId), element, options.index);
  }

  /** Delete an element. References to it are left for the problems panel to show (see referencesTo). */
  delete(kind: ElementKind, id: string): void {
    this.remove(this.pathOf(kind, id));
  }

  /** Move an element within its list to `index`. */
  reorder(kind: ElementKind, id: string, index: number): void {
    const path = this.pathOf(kind, id);
    this.move(path.slice(0, -1), path[path.length - 1] as number, index);
  }

  /**
   * Copy an element just after itself, its text kept as written (comments too), under a new id
   * (default: ID-copy, ID-copy-2...). A copied inject's prompts get new ids as well (prompt ids
   * are unique across the scenario). Returns the new id.
   */
  duplicate(kind: ElementKind, id: string, newId?: string): string {
    const path = this.pathOf(kind, id);
    const listPath = path.slice(0, -1);
    const index = path[path.length - 1] as number;
    const parentId = kind === 'option' ? splitOption(id)[0] : undefined;
    const ownId = kind === 'option' ? splitOption(id)[1] : id;
    const target = newId ?? freeId(ownId, idsInUse(this.value(), kind, parentId));
    checkNewId(this.value(), kind, target, parentId);
    const copyPath = [...listPath, index + 1];
    const promptIds = kind === 'inject' ? ((this.get([...path, 'prompts']) as unknown[] | undefined) ?? []).map((p) => (isRecord(p) ? String(p.id) : '')) : [];
    this.edit([
      () => {
        const piece = itemText(this.ready(), listPath, index);
        if (piece !== undefined) return spliceInsertTextAfter(this.ready(), listPath, index, piece);
        return spliceInsertItem(this.ready(), listPath, index + 1, this.get(path));
      },
      () => spliceSet(this.ready(), [...copyPath, 'id'], target),
      ...promptIds.map((_, j) => () => {
        const used = idsInUse(this.value(), 'prompt');
        return spliceSet(this.ready(), [...copyPath, 'prompts', j, 'id'], freeId(promptIds[j] ?? 'prompt', used));
      }),
    ]);
    return target;
  }

  /**
   * Rename an element and every reference to it (see references.ts for the kinds). For an option,
   * `id` is PROMPT/OPTION and `newId` the option's new id.
   */
  rename(kind: ElementKind, id: string, newId: string): void {
    const root = this.value();
    const path = this.pathOf(kind, id);
    const parentId = kind === 'option' ? splitOption(id)[0] : undefined;
    if ((kind === 'option' ? splitOption(id)[1] : id) === newId) return;
    checkNewId(root, kind, newId, parentId);
    const refs = allReferences(root).filter((r) => r.kind === kind && r.id === id);
    this.edit([() => {
      const p = this.ready();
      return [[...path, 'id'], ...refs.map((r) => r.path)].flatMap((at) => spliceSet(p, at, newId));
    }]);
  }

  // ---- the events table ----

  /** Shift the `at` times of these injects by `seconds` (may be negative). Injects with after/when move with what they wait on and are left alone. */
  shiftTimes(injectIds: readonly string[], seconds: number): { shifted: string[]; skipped: string[] } {
    if (!Number.isFinite(seconds)) throw new AuthorError('the shift must be a number of seconds');
    const shifted: string[] = [];
    const skipped: string[] = [];
    const changes: { path: Path; value: string | number }[] = [];
    for (const id of unique(injectIds)) {
      const path = this.pathOf('inject', id);
      const at = this.get([...path, 'at']);
      if (at === undefined) {
        skipped.push(id);
        continue;
      }
      const old = typeof at === 'string' || typeof at === 'number' ? parseDuration(at) : null;
      if (old === null || (typeof at !== 'string' && typeof at !== 'number')) throw new AuthorError(`inject ${quote(id)}: its time ${quote(String(at))} is not a duration; fix it first`);
      const next = old + seconds;
      if (next < 0) throw new AuthorError(`inject ${quote(id)} is at ${formatDuration(old)}: shifting it by ${formatDuration(seconds)} would put it before the start`);
      changes.push({ path: [...path, 'at'], value: sameStyle(at, next) });
      shifted.push(id);
    }
    this.edit([() => changes.flatMap((c) => spliceSet(this.ready(), c.path, c.value))]);
    return { shifted, skipped };
  }

  /** Set the channel of several injects. */
  setChannel(injectIds: readonly string[], channel: string): void {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw new AuthorError(`unknown channel ${quote(channel)}; channels are: ${listNames(CHANNELS)}${didYouMean(channel, CHANNELS)}`);
    }
    this.setMany(injectIds, 'channel', channel as Channel);
  }

  /** Set the recipients of several injects: `all` or a list of role ids (which must exist). */
  setTo(injectIds: readonly string[], to: 'all' | readonly string[]): void {
    if (to !== 'all') {
      if (to.length === 0) throw new AuthorError("an inject goes to at least one role, or to all");
      const roles = idsInUse(this.value(), 'role');
      for (const r of to) if (!roles.includes(r)) throw new AuthorError(`unknown role ${quote(r)}; roles are: ${listNames(roles)}${didYouMean(r, roles)}`);
    }
    this.setMany(injectIds, 'to', to === 'all' ? 'all' : [...new Set(to)]);
  }

  private setMany(injectIds: readonly string[], key: string, value: unknown): void {
    const paths = unique(injectIds).map((id) => this.pathOf('inject', id));
    this.edit([() => {
      const p = this.ready();
      return paths.flatMap((path) => (nodeAt(p, [...path, key]) !== undefined ? spliceSet(p, [...path, key], value) : spliceAddKey(p, path, key, value, keyBefore(path, this.get(path), key))));
    }]);
  }

  /**
   * Add imported injects (importEvents) to the events list. `append` adds them after the last
   * inject; `merge` updates the injects whose id is already there (their prompts, notes and other
   * keys stay; an imported trigger replaces the old one) and appends the rest.
   */
  importInjects(injects: readonly Record<string, unknown>[], mode: 'append' | 'merge' = 'append'): { added: string[]; updated: string[] } {
    const existing = new Set(idsInUse(this.value(), 'inject'));
    const updated = mode === 'merge' ? injects.filter((i) => existing.has(String(i.id))) : [];
    const added = injects.filter((i) => !updated.includes(i));
    for (const i of added) if (existing.has(String(i.id))) throw new AuthorError(`there is already an inject ${quote(String(i.id))}; import with merge to update it`);
    const steps: (() => Splice[])[] = [];
    for (const inject of updated) {
      const id = String(inject.id);
      const trigger = Object.keys(inject).find((k) => k === 'at' || k === 'after' || k === 'when');
      if (trigger && !this.sameTrigger(id, inject)) steps.push(...this.triggerSteps(id, inject as InjectTrigger));
      for (const [key, value] of Object.entries(inject)) {
        if (['id', 'at', 'after', 'when', 'delay'].includes(key)) continue;
        steps.push(() => {
          const path = [...this.pathOf('inject', id), key];
          // An unchanged value keeps its text (a block scalar stays as it was written).
          if (sameValue(this.get(path), value)) return [];
          const at = path.slice(0, -1);
          return nodeAt(this.ready(), path) !== undefined ? spliceSet(this.ready(), path, value) : spliceAddKey(this.ready(), at, key, value, keyBefore(at, this.get(at), key));
        });
      }
    }
    if (added.length > 0) {
      steps.push(() => {
        const items = this.get(['injects']);
        if (!Array.isArray(items) || items.length === 0) return this.setSplices(['injects'], added, undefined, true);
        return spliceInsertItems(this.ready(), ['injects'], items.length, added);
      });
    }
    this.edit(steps);
    return { added: added.map((i) => String(i.id)), updated: updated.map((i) => String(i.id)) };
  }

  /** The same trigger, durations compared by their seconds (5m is 05:00 is 300). */
  private sameTrigger(id: string, inject: Record<string, unknown>): boolean {
    const old = this.get(this.pathOf('inject', id));
    if (!isRecord(old)) return false;
    const seconds = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : v);
    return seconds(old.at) === seconds(inject.at) && old.after === inject.after && sameValue(old.when, inject.when) && (seconds(old.delay ?? 0) === seconds(inject.delay ?? 0));
  }

  /** Give an inject another trigger: its at/after/when/delay keys are replaced, in place of the old trigger. */
  setTrigger(injectId: string, trigger: InjectTrigger): void {
    this.edit(this.triggerSteps(injectId, trigger));
  }

  private triggerSteps(injectId: string, trigger: InjectTrigger): (() => Splice[])[] {
    const path = this.pathOf('inject', injectId);
    const [key, value] = Object.entries(trigger).find(([k]) => k === 'at' || k === 'after' || k === 'when') ?? [];
    if (key === undefined) throw new AuthorError("a trigger is one of 'at', 'after' or 'when'");
    const delay = 'delay' in trigger ? trigger.delay : undefined;
    const inject = this.get(path);
    const keys = isRecord(inject) ? Object.keys(inject) : [];
    const old = keys.find((k) => k === 'at' || k === 'after' || k === 'when');
    const anchor = old !== undefined ? keys[keys.indexOf(old) - 1] : 'id';
    const steps: (() => Splice[])[] = [];
    for (const k of ['at', 'after', 'when', 'delay']) if (keys.includes(k) && k !== key) steps.push(() => spliceDeleteKey(this.ready(), path, k));
    steps.push(() => (nodeAt(this.ready(), [...path, key]) !== undefined ? spliceSet(this.ready(), [...path, key], value) : spliceAddKey(this.ready(), path, key, value, anchor)));
    if (delay !== undefined) steps.push(() => (nodeAt(this.ready(), [...path, 'delay']) !== undefined ? spliceSet(this.ready(), [...path, 'delay'], delay) : spliceAddKey(this.ready(), path, 'delay', delay, key)));
    return steps;
  }
}

/** "a role", "an inject". */
const aKind = (kind: ElementKind): string => `${/^[aeio]/.test(kind) ? 'an' : 'a'} ${kind}`;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new AuthorError(`name ${what}`);
  return value;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function checkNewId(root: unknown, kind: ElementKind, newId: string, parentId?: string): void {
  if (!SLUG.test(newId)) throw new AuthorError(`${quote(newId)} is not an id: use lowercase letters, digits and '-', starting with a letter or digit (at most 64)`);
  if (idsInUse(root, kind, parentId).includes(newId)) {
    throw new AuthorError(kind === 'prompt' ? `there is already a prompt ${quote(newId)}; prompt ids are unique across the scenario` : `there is already ${aKind(kind)} ${quote(newId)}`);
  }
}

/** ID-copy, then ID-copy-2, ID-copy-3... within the 64 characters of an id. */
export function freeId(id: string, used: readonly string[]): string {
  const base = `${id.slice(0, 64 - '-copy-999'.length)}-copy`;
  if (!used.includes(base)) return base;
  for (let n = 2; ; n++) if (!used.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new time written the way the old one was: clock form stays clock form, a number stays a number. */
function sameStyle(old: string | number, seconds: number): string | number {
  if (typeof old === 'number') return seconds;
  if (old.includes(':')) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const two = (n: number) => String(n).padStart(2, '0');
    return h > 0 || old.split(':').length === 3 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
  }
  return formatDuration(seconds);
}
