// Edits to a YAML text that change only the bytes they must. The yaml package's Document API
// finds every node and its source range; an edit becomes a splice of the text (a scalar's own
// characters, a pair's or a list item's lines, a flow collection re-written), and the text is
// parsed again. Everything outside a splice (comments, blank lines, key order, quoting, unknown
// keys, long lines folded by hand) stays byte for byte, which the Document's own toString()
// cannot promise: it re-folds multi-line plain scalars anywhere in the file.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node, type DocumentOptions, type Pair, type ParseOptions, type SchemaOptions, type YAMLMap, type YAMLSeq } from 'yaml';
import { formatPath, type Path } from '../scenario/path.ts';

/** An edit that cannot be made, with a message for the author. */
export class AuthorError extends Error {
  override name = 'AuthorError';
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  prettyErrors: false,
};

const RENDER_OPTIONS = { lineWidth: 0, flowCollectionPadding: false, indent: 2, indentSeq: true } as const;

export interface ParsedText {
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Whether the file indents a block list under its key (`key:\n  - a`) or not (`key:\n- a`); new lists follow it. */
  indentSeq: boolean;
  /** How far the file indents a mapping under its key (2 unless it says otherwise); new mappings follow it. */
  indent: number;
}

export function parseText(text: string): ParsedText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  return { text, doc, lines, ...layoutOf(text, doc.contents) };
}

/**
 * How the file lays out what it nests, from the first instance of each (breadth first): a block
 * list that is a mapping's value (dash under the key, or indented: the default), and a block
 * mapping that is a mapping's value (how many columns in; 2 by default).
 */
function layoutOf(text: string, root: unknown): { indentSeq: boolean; indent: number } {
  let indentSeq: boolean | undefined;
  let indent: number | undefined;
  const queue: unknown[] = [root];
  for (let seen = 0; queue.length > 0 && seen < 10_000 && (indentSeq === undefined || indent === undefined); seen++) {
    const node = queue.shift();
    if (isMap(node)) {
      for (const pair of node.items) {
        const value = pair.value;
        const keyStart = isScalar(pair.key) ? (pair.key as Node).range?.[0] : undefined;
        if (keyStart !== undefined && onlyBlanksBefore(text, keyStart)) {
          const keyColumn = columnOf(text, keyStart);
          if (indentSeq === undefined && isSeq(value) && !value.flow && value.items.length > 0) {
            try {
              indentSeq = columnOf(text, dashOf(text, (value.items[0] as Node).range?.[0] ?? 0)) > keyColumn;
            } catch {
              indentSeq = true;
            }
          }
          const inner = isMap(value) && !value.flow ? (value.items[0]?.key as Node | undefined)?.range?.[0] : undefined;
          if (indent === undefined && inner !== undefined && onlyBlanksBefore(text, inner)) {
            const step = columnOf(text, inner) - keyColumn;
            if (step >= 1 && step <= 8) indent = step;
          }
        }
        queue.push(value);
      }
    } else if (isSeq(node)) {
      queue.push(...node.items);
    }
  }
  return { indentSeq: indentSeq ?? true, indent: indent ?? 2 };
}

/**
 * How a rendered value is laid out: `indentSeq` as the file does; `elements` when the value is a
 * new list made to hold what was inserted: its elements (a first prompt, a first runbook step) are
 * written as blocks, as an element added to a list that exists is, not squeezed onto one line.
 */
export interface RenderStyle {
  indentSeq?: boolean;
  indent?: number;
  elements?: boolean;
}

/** The first syntax error, as "line L, column C: message", or undefined when the text parses. */
export function syntaxError(parsed: ParsedText): string | undefined {
  const e = parsed.doc.errors[0];
  if (!e) return undefined;
  const { line, col } = parsed.lines.linePos(e.pos[0]);
  return `line ${line}, column ${col}: ${e.message.split('\n')[0]}`;
}

/** The node at `path`, or undefined. Aliases are not followed: an edit through one would edit its anchor. */
export function nodeAt(parsed: ParsedText, path: Path): Node | undefined {
  let node: unknown = parsed.doc.contents;
  for (const segment of path) {
    if (isAlias(node)) throw new AuthorError(`${formatPath(path)} goes through an alias (*${node.source}); edit it in the YAML tab`);
    if (typeof segment === 'number') node = isSeq(node) ? node.items[segment] : undefined;
    else node = isMap(node) ? pairOf(node, segment)?.value : undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node as Node;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function need<T>(value: T | undefined, path: Path, what: string): T {
  if (value === undefined) throw new AuthorError(`there is no ${what} at ${formatPath(path) || 'the top level'}`);
  return value;
}

export function mapAt(parsed: ParsedText, path: Path): YAMLMap {
  const node = need(nodeAt(parsed, path), path, 'mapping');
  if (!isMap(node)) throw new AuthorError(`${formatPath(path) || 'the document'} is not a mapping`);
  return node;
}

export function seqAt(parsed: ParsedText, path: Path): YAMLSeq {
  const node = need(nodeAt(parsed, path), path, 'list');
  if (!isSeq(node)) throw new AuthorError(`${formatPath(path)} is not a list`);
  return node;
}

// ---- positions -------------------------------------------------------------------------------

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** The offset just after the line that holds `offset - 1` (its newline included). */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl === -1 ? text.length : nl + 1;
}

const onlyBlanksBefore = (text: string, offset: number): boolean => text.slice(lineStart(text, offset), offset).trim() === '';
const columnOf = (text: string, offset: number): number => offset - lineStart(text, offset);

/** Where a node's content ends, without the newline that block collections and block scalars take with them. */
function contentEnd(text: string, node: Node): number {
  let end = node.range?.[1] ?? 0;
  if (isScalar(node) && !String(node.type).startsWith('BLOCK')) return end;
  // Block collections and block scalars take the blank lines after them too: leave those.
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** The `-` of a block list item whose content starts at `itemStart`. */
function dashOf(text: string, itemStart: number): number {
  let i = itemStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i--;
  if (text[i] !== '-') throw new AuthorError(`cannot find the '-' of the list item at offset ${itemStart}`);
  return i;
}

/** Comment lines directly above a line belong to what follows them (they usually describe it). */
function withLeadingComments(text: string, start: number): number {
  let s = start;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    if (!text.slice(prev, s).trim().startsWith('#')) break;
    s = prev;
  }
  return s;
}

function startOfItem(text: string, item: Node): number {
  const dash = dashOf(text, item.range?.[0] ?? 0);
  return onlyBlanksBefore(text, dash) ? withLeadingComments(text, lineStart(text, dash)) : dash;
}

/** The lines of block list item `index`: its comments above, its dash line, its content. */
export function itemExtent(text: string, seq: YAMLSeq, index: number): { start: number; end: number } {
  const item = seq.items[index] as Node;
  const start = startOfItem(text, item);
  const next = seq.items[index + 1] as Node | undefined;
  const end = next ? startOfItem(text, next) : afterLine(text, contentEnd(text, item));
  return { start, end };
}

function startOfPair(text: string, pair: Pair): number {
  const key = (pair.key as Node).range?.[0] ?? 0;
  return onlyBlanksBefore(text, key) ? withLeadingComments(text, lineStart(text, key)) : key;
}

/** The text of pair `index` in a block mapping; the first pair of a list item starts at its key. */
export function pairExtent(text: string, map: YAMLMap, index: number): { start: number; end: number } {
  const pair = map.items[index] as Pair;
  const start = startOfPair(text, pair);
  const next = map.items[index + 1] as Pair | undefined;
  const value = (pair.value ?? pair.key) as Node;
  return { start, end: next ? startOfPair(text, next) : afterLine(text, contentEnd(text, value)) };
}

// ---- rendering -------------------------------------------------------------------------------

/**
 * Lists of scalars and small mappings of scalars read best on one line, as the shipped scenarios
 * write them (`to: [ic, eng]`, `- {id: sev1, label: SEV1}`, `when: {answered: sev}`); a list item
 * at depth 0 (an element: an inject, a role) stays a block.
 */
function preferFlow(value: unknown, depth: number): boolean {
  const scalar = (v: unknown) => v === null || typeof v !== 'object';
  const short = (v: unknown) => scalar(v) && !(typeof v === 'string' && (v.includes('\n') || v.length > 60));
  if (Array.isArray(value)) return value.every(short);
  if (value !== null && typeof value === 'object') {
    const entries = Object.values(value);
    return depth > 0 && entries.length <= 4 && entries.every((v) => short(v) || (Array.isArray(v) && v.every(short)) || (depth > 1 && preferFlow(v, depth + 1)));
  }
  return false;
}

function styleNode(node: unknown, value: unknown, depth: number, forceFlow: boolean, elements = false): void {
  if (isSeq(node) || isMap(node)) {
    if (elements && isSeq(node)) {
      // A list of elements (mappings with an id): each reads as a block, as an item of a list at the
      // top does (depth 0); anything else as the item of any list (`- {action: x}`).
      const values = value as unknown[];
      node.items.forEach((item, i) => {
        const v = values[i];
        styleNode(item, v, v !== null && typeof v === 'object' && !Array.isArray(v) && 'id' in v ? 0 : 2, false);
      });
      return;
    }
    if (forceFlow || preferFlow(value, depth)) {
      node.flow = true;
      return;
    }
    const values = Array.isArray(value) ? value : Object.values(value as object);
    node.items.forEach((item, i) => styleNode(isPair(item) ? item.value : item, values[i], depth + 1, false));
  } else if (isScalar(node) && typeof value === 'string' && value.includes('\n')) {
    node.type = Scalar.BLOCK_LITERAL;
  }
}

function newDocument(): Document {
  return new Document(null, { version: '1.2', schema: 'core' } as const);
}

/** YAML for a value, lines after the first indented by `indent`; `depth` 0 is a list item or a pair's value. */
function render(value: unknown, indent: number, wrap: (doc: Document, node: Node) => Node, depth: number, scalarType?: Scalar.Type, style: RenderStyle = {}): string {
  const doc = newDocument();
  const node = doc.createNode(value) as Node;
  styleNode(node, value, depth, false, style.elements === true && Array.isArray(value));
  if (scalarType && isScalar(node) && typeof value === 'string') node.type = value.includes('\n') && !scalarType.startsWith('BLOCK') ? Scalar.BLOCK_LITERAL : scalarType;
  doc.contents = wrap(doc, node);
  const out = doc.toString({ ...RENDER_OPTIONS, indentSeq: style.indentSeq ?? true, indent: style.indent ?? 2 }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return out.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line)).join('\n');
}

/** `key: value`, as it reads at column `indent`. */
export function renderPair(key: string, value: unknown, indent: number, scalarType?: Scalar.Type, style?: RenderStyle): string {
  return render(value, indent, (doc, node) => {
    const map = doc.createNode({}) as YAMLMap;
    map.set(doc.createNode(key), node);
    return map;
  }, 1, scalarType, style);
}

/** `- value`, as it reads with its dash at column `indent`. */
export function renderItem(value: unknown, indent: number, style?: RenderStyle): string {
  return render(value, indent, (doc, node) => {
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items.push(node);
    return seq;
  }, 0, undefined, style);
}

/** A value written where a node was: a scalar keeps its quoting, a collection is written in flow style. */
export function renderInline(value: unknown, scalarType?: Scalar.Type): string {
  const doc = newDocument();
  const node = doc.createNode(value) as Node;
  if (isSeq(node) || isMap(node)) {
    node.flow = true;
    quoteMultiline(node);
  }
  if (isScalar(node) && scalarType && typeof value === 'string' && !value.includes('\n') && !scalarType.startsWith('BLOCK')) node.type = scalarType;
  doc.contents = node;
  // One line whatever it holds: a line break inside a flow value would have to be indented.
  return doc.toString({ ...RENDER_OPTIONS, doubleQuotedAsJSON: true }).replace(/\n$/, '');
}

/** Multi-line texts inside a flow collection as "...\n..." on one line (a plain one would break the line). */
function quoteMultiline(node: unknown): void {
  if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
  else if (isSeq(node)) node.items.forEach(quoteMultiline);
  else if (isMap(node)) node.items.forEach((pair) => quoteMultiline(pair.value));
}

// ---- splices -----------------------------------------------------------------------------------

export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i - 1];
    const earlier = sorted[i];
    if (later && earlier && earlier.end > later.start) throw new AuthorError('two edits overlap; make them one at a time');
  }
  // A file written with CRLF line ends keeps them in what is added.
  const crlf = text.includes('\r\n');
  let out = text;
  for (const s of sorted) out = out.slice(0, s.start) + (crlf ? s.text.replace(/\r?\n/g, '\r\n') : s.text) + out.slice(s.end);
  return out;
}

const isBlock = (node: Node): boolean => (isMap(node) || isSeq(node)) && !node.flow;

/** Replace the value at `path` (which exists). */
export function spliceSet(parsed: ParsedText, path: Path, value: unknown, elements = false): Splice[] {
  const { text } = parsed;
  const node = need(nodeAt(parsed, path), path, 'value');
  const [start] = node.range ?? [0];
  const simple = value === null || typeof value !== 'object';
  const parent = path.length > 0 ? nodeAt(parsed, path.slice(0, -1)) : undefined;
  const last = path[path.length - 1];
  const multiline = typeof value === 'string' && value.includes('\n');
  if ((isMap(parent) || isSeq(parent)) && parent.flow && last !== undefined && (multiline || !simple)) {
    // Inside a flow collection a block cannot start: write the collection again, in flow style.
    const plain = (parent as YAMLMap | YAMLSeq).toJSON() as Record<string, unknown> | unknown[];
    const copy: Record<string, unknown> | unknown[] = Array.isArray(plain) ? [...plain] : { ...plain };
    (copy as Record<string | number, unknown>)[last] = value;
    return [{ start: parent.range?.[0] ?? 0, end: parent.range?.[1] ?? 0, text: renderInline(copy) }];
  }
  if (isScalar(node) && simple && !(typeof value === 'string' && value.includes('\n') && !String(node.type).startsWith('BLOCK'))) {
    if (String(node.type).startsWith('BLOCK') && typeof value === 'string' && value.includes('\n')) return spliceWhole(parsed, path, value, node.type);
    return [{ start, end: contentEnd(text, node), text: renderInline(value, node.type) }];
  }
  if (!elements && !isBlock(node) && !simple && !isScalar(node) && preferFlow(value, 1)) return [{ start, end: node.range?.[1] ?? start, text: renderInline(value) }];
  return spliceWhole(parsed, path, value, isScalar(node) ? node.type : undefined, elements);
}

/**
 * A comment after the old value on its line would end up inside a block written in its place:
 * it moves to the end of the block's first line (`title: |   # comment`), which YAML allows.
 */
function keepComment(text: string, start: number, end: number, rendered: string): Splice {
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  const comment = /^([ \t]+#.*)$/.exec(rest)?.[1];
  if (comment === undefined || !rendered.includes('\n')) return { start, end, text: rendered };
  const nl = rendered.indexOf('\n');
  return { start, end: end + rest.length, text: rendered.slice(0, nl) + comment + rendered.slice(nl) };
}

/** Write the whole pair or list item that holds `path` again. */
function spliceWhole(parsed: ParsedText, path: Path, value: unknown, scalarType?: Scalar.Type, elements = false): Splice[] {
  const style: RenderStyle = { indentSeq: parsed.indentSeq, indent: parsed.indent, elements };
  const { text } = parsed;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = nodeAt(parsed, parentPath);
  if (typeof last === 'string' && isMap(parent)) {
    const pair = need(pairOf(parent, last), path, 'value');
    const keyStart = (pair.key as Node).range?.[0] ?? 0;
    return [keepComment(text, keyStart, contentEnd(text, pair.value as Node), renderPair(last, value, columnOf(text, keyStart), scalarType, style))];
  }
  if (typeof last === 'number' && isSeq(parent)) {
    const item = parent.items[last] as Node;
    const dash = dashOf(text, item.range?.[0] ?? 0);
    return [keepComment(text, dash, contentEnd(text, item), renderItem(value, columnOf(text, dash), style))];
  }
  throw new AuthorError(`cannot write ${formatPath(path)}`);
}

/** Add `key: value` to the mapping at `mapPath` (after `afterKey` when given, else at its end). */
export function spliceAddKey(parsed: ParsedText, mapPath: Path, key: string, value: unknown, afterKey?: string, elements = false): Splice[] {
  const { text } = parsed;
  const map = mapAt(parsed, mapPath);
  if (pairOf(map, key)) throw new AuthorError(`${formatPath([...mapPath, key])} is already there`);
  if (map.flow || map.items.length === 0) {
    const plain = (parsed.doc.getIn(mapPath) as YAMLMap).toJSON() as Record<string, unknown>;
    return [{ start: map.range?.[0] ?? 0, end: map.range?.[1] ?? 0, text: renderInline(insertKey(plain, key, value, afterKey)) }];
  }
  const firstKey = (map.items[0]?.key as Node).range?.[0] ?? 0;
  const column = columnOf(text, firstKey);
  let index = map.items.length - 1;
  if (afterKey !== undefined) {
    const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === afterKey);
    if (at !== -1) index = at;
  }
  const { start, end } = pairExtent(text, map, index);
  const line = ' '.repeat(column) + renderPair(key, value, column, undefined, { indentSeq: parsed.indentSeq, indent: parsed.indent, elements });
  const lead = end > 0 && text[end - 1] !== '\n' ? '\n' : '';
  // Pairs separated by blank lines (the top level of most files): the new one is too.
  if (index < map.items.length - 1) return [{ start: end, end, text: `${line}\n${splitGap(text.slice(start, end))[1]}` }];
  const previous = index > 0 ? pairExtent(text, map, index - 1) : undefined;
  const gap = previous ? splitGap(text.slice(previous.start, previous.end))[1] : '';
  return [{ start: end, end, text: `${lead}${gap}${line}\n` }];
}

function insertKey(obj: Record<string, unknown>, key: string, value: unknown, afterKey?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v;
    if (k === afterKey) {
      out[key] = value;
      placed = true;
    }
  }
  if (!placed) out[key] = value;
  return out;
}

/** Remove `key` from the mapping at `mapPath`. */
export function spliceDeleteKey(parsed: ParsedText, mapPath: Path, key: string): Splice[] {
  const { text } = parsed;
  const map = mapAt(parsed, mapPath);
  const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  if (index === -1) return [];
  if (map.flow || map.items.length === 1) {
    const plain = { ...((parsed.doc.getIn(mapPath) as YAMLMap).toJSON() as Record<string, unknown>) };
    delete plain[key];
    if (!map.flow && map.items.length === 1) return spliceSet(parsed, mapPath, plain);
    return [{ start: map.range?.[0] ?? 0, end: map.range?.[1] ?? 0, text: renderInline(plain) }];
  }
  const { start, end } = pairExtent(text, map, index);
  const keyStart = (map.items[index]?.key as Node).range?.[0] ?? 0;
  const next = map.items[index + 1]?.key as Node | undefined;
  // The first pair of a list item (`- id: x`): the next key moves up onto the dash line.
  if (!onlyBlanksBefore(text, keyStart) && next) return [{ start, end: next.range?.[0] ?? end, text: '' }];
  return [{ start, end, text: '' }];
}

/** Insert `value` into the list at `seqPath` before `index` (at the end when index is its length). */
export function spliceInsertItem(parsed: ParsedText, seqPath: Path, index: number, value: unknown): Splice[] {
  return spliceInsertItems(parsed, seqPath, index, [value]);
}

/** Insert several values at once (one splice, one parse: an imported events list). */
export function spliceInsertItems(parsed: ParsedText, seqPath: Path, index: number, values: readonly unknown[]): Splice[] {
  const { text } = parsed;
  const seq = seqAt(parsed, seqPath);
  if (index < 0 || index > seq.items.length) throw new AuthorError(`${formatPath(seqPath)} has ${seq.items.length} items; cannot insert at ${index}`);
  if (seq.flow || seq.items.length === 0) {
    const plain = [...((parsed.doc.getIn(seqPath) as YAMLSeq).toJSON() as unknown[])];
    plain.splice(index, 0, ...values);
    if (seq.items.length === 0 && !preferFlow(plain, 0)) return spliceSet(parsed, seqPath, plain, true);
    return [{ start: seq.range?.[0] ?? 0, end: seq.range?.[1] ?? 0, text: renderInline(plain) }];
  }
  const column = columnOf(text, dashOf(text, (seq.items[0] as Node).range?.[0] ?? 0));
  if (index < seq.items.length) {
    const { start, end } = itemExtent(text, seq, index);
    const gap = splitGap(text.slice(start, end))[1];
    const items = values.map((value) => `${' '.repeat(column)}${renderItem(value, column, { indentSeq: parsed.indentSeq, indent: parsed.indent })}\n${gap}`).join('');
    return [{ start, end: start, text: items }];
  }
  const { end } = itemExtent(text, seq, seq.items.length - 1);
  const lead = end > 0 && text[end - 1] !== '\n' ? '\n' : '';
  // Items separated by blank lines: the new one is too.
  const previous = seq.items.length > 1 ? itemExtent(text, seq, seq.items.length - 2) : undefined;
  const gap = previous ? splitGap(text.slice(previous.start, previous.end))[1] : '';
  const items = values.map((value) => `${gap}${' '.repeat(column)}${renderItem(value, column, { indentSeq: parsed.indentSeq, indent: parsed.indent })}\n`).join('');
  return [{ start: end, end, text: `${lead}${items}` }];
}

/** Remove item `index` of the list at `seqPath`. */
export function spliceDeleteItem(parsed: ParsedText, seqPath: Path, index: number): Splice[] {
  const seq = seqAt(parsed, seqPath);
  if (index < 0 || index >= seq.items.length) throw new AuthorError(`${formatPath(seqPath)} has no item ${index}`);
  if (seq.flow || seq.items.length === 1) {
    const plain = [...((parsed.doc.getIn(seqPath) as YAMLSeq).toJSON() as unknown[])];
    plain.splice(index, 1);
    if (!seq.flow) return spliceSet(parsed, seqPath, plain);
    return [{ start: seq.range?.[0] ?? 0, end: seq.range?.[1] ?? 0, text: renderInline(plain) }];
  }
  const { start, end } = itemExtent(parsed.text, seq, index);
  if (index === seq.items.length - 1 && index > 0) {
    // The last item: the blank lines that separated it from the one before go with it.
    const before = itemExtent(parsed.text, seq, index - 1);
    const gap = splitGap(parsed.text.slice(before.start, before.end))[1];
    return [{ start: start - gap.length, end, text: '' }];
  }
  return [{ start, end, text: '' }];
}

/** Move item `from` of the list at `seqPath` to index `to` (indices of the list before the move). */
export function spliceMoveItem(parsed: ParsedText, seqPath: Path, from: number, to: number): Splice[] {
  const { text } = parsed;
  const seq = seqAt(parsed, seqPath);
  const n = seq.items.length;
  if (from < 0 || from >= n || to < 0 || to >= n) throw new AuthorError(`${formatPath(seqPath)} has ${n} items; cannot move ${from} to ${to}`);
  if (from === to) return [];
  if (seq.flow) {
    const plain = [...((parsed.doc.getIn(seqPath) as YAMLSeq).toJSON() as unknown[])];
    const [moved] = plain.splice(from, 1);
    plain.splice(to, 0, moved);
    return [{ start: seq.range?.[0] ?? 0, end: seq.range?.[1] ?? 0, text: renderInline(plain) }];
  }
  const extents = seq.items.map((_, i) => itemExtent(text, seq, i));
  const pieces = extents.map(({ start, end }) => text.slice(start, end));
  // The last item may end without a newline (end of file): give every piece one while moving.
  const lastPiece = pieces[n - 1] ?? '';
  const lastHadNewline = lastPiece.endsWith('\n');
  if (!lastHadNewline) pieces[n - 1] = `${lastPiece}\n`;
  // Blank lines between items stay where they are; the items move between them.
  const split = pieces.map(splitGap);
  const contents = split.map(([content]) => content);
  const [moved] = contents.splice(from, 1);
  contents.splice(to, 0, moved ?? '');
  let joined = contents.map((content, i) => content + (split[i]?.[1] ?? '')).join('');
  if (!lastHadNewline) joined = joined.slice(0, -1);
  const first = extents[0];
  const last = extents[n - 1];
  if (!first || !last) return [];
  return [{ start: first.start, end: last.end, text: joined }];
}

/** An item's text and the blank lines that follow it. */
function splitGap(piece: string): [string, string] {
  const m = /^([\s\S]*?\n)((?:[ \t]*\r?\n)*)$/.exec(piece);
  return m ? [m[1] ?? piece, m[2] ?? ''] : [piece, ''];
}

/** The verbatim text of list item `index` (comments and formatting kept), for duplicating it. */
export function itemText(parsed: ParsedText, seqPath: Path, index: number): string | undefined {
  const seq = seqAt(parsed, seqPath);
  if (seq.flow) return undefined;
  const { start, end } = itemExtent(parsed.text, seq, index);
  const piece = parsed.text.slice(start, end);
  return piece.endsWith('\n') ? piece : `${piece}\n`;
}

/** Insert raw text after list item `index` (a copy made with itemText). */
export function spliceInsertTextAfter(parsed: ParsedText, seqPath: Path, index: number, piece: string): Splice[] {
  const { text } = parsed;
  const seq = seqAt(parsed, seqPath);
  const { start, end } = itemExtent(text, seq, index);
  const [content] = splitGap(piece);
  if (index < seq.items.length - 1) return [{ start: end, end, text: content + splitGap(text.slice(start, end))[1] }];
  const lead = end > 0 && text[end - 1] !== '\n' ? '\n' : '';
  const previous = index > 0 ? itemExtent(text, seq, index - 1) : undefined;
  const gap = previous ? splitGap(text.slice(previous.start, previous.end))[1] : '';
  return [{ start: end, end, text: lead + gap + content }];
}
