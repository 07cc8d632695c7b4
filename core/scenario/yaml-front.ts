// The YAML front end shared by scenarios and play scripts: text -> plain value plus a locator that
// turns a key path back into a line and column. Everything a shared file could use to hurt the
// loader is refused here, with its place: size, custom tags, duplicate and prototype keys,
// non-scalar keys, deep nesting and alias expansion.
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import type { Finding, Locator, Position } from './errors.ts';
import { quote, type Path, type PathSegment } from './path.ts';

export const MAX_FILE_BYTES = 1024 * 1024;
/** Scenarios nest about eight levels; conditions a few more. Anything deeper is a mistake or an attack. */
export const MAX_DEPTH = 64;
/** Values produced by expanding aliases, all aliases together. */
export const MAX_ALIAS_NODES = 10_000;
const MAX_YAML_ERRORS = 20;
/** One message, wherever the depth is caught: the pre-pass, the composer or the converter. */
const TOO_DEEP = `the document nests more than ${MAX_DEPTH} levels deep; a scenario never needs that many`;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlResult {
  /** The document as plain data (objects, arrays, strings, numbers, booleans, null). */
  value: unknown;
  locate: Locator;
  /** Problems found; when `fatal`, `value` is not worth checking further. */
  findings: PositionedFinding[];
  fatal: boolean;
}

/** A finding that already has its place (YAML-level problems are found by offset, not by path). */
export type PositionedFinding = Finding & { position?: Position };

/** UTF-8 length of `text`, stopping early once it is known to exceed `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function readYaml(text: string): YamlResult {
  const noPlace: Locator = () => ({ line: 1, column: 1 });
  if (text.length > MAX_FILE_BYTES || utf8Length(text, MAX_FILE_BYTES) > MAX_FILE_BYTES) {
    const size = utf8Length(text);
    return {
      value: undefined,
      locate: noPlace,
      fatal: true,
      findings: [{ path: [], message: `the file is ${(size / 1048576).toFixed(2)} MiB; a scenario file may be at most 1 MiB (1,048,576 bytes)` }],
    };
  }

  // The YAML composer recurses once per level; thousands of levels can exhaust the stack in a way
  // that takes the whole process down, so deep files are refused before they are composed.
  const deep = deepNestingOffset(text);
  if (deep !== undefined) {
    const lineStart = text.lastIndexOf('\n', deep - 1) + 1;
    const line = (text.slice(0, lineStart).match(/\n/g)?.length ?? 0) + 1;
    return {
      value: undefined,
      locate: noPlace,
      fatal: true,
      findings: [{ path: [], message: TOO_DEEP, position: { line, column: deep - lineStart + 1 } }],
    };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    customTags: [],
    // Otherwise !!binary, !!set, !!timestamp and friends resolve even outside the core schema.
    resolveKnownTags: false,
    merge: false,
    strict: true,
  });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const findings: PositionedFinding[] = [];
  // Duplicate keys are reported by the converter below, which can name the key and the first one.
  // Of the syntax errors only the first is reliable: the parser's recovery makes the rest echoes.
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const e of [...syntax.slice(0, 1), ...doc.warnings.slice(0, MAX_YAML_ERRORS)]) {
    const message = yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[1]));
    findings.push({ path: pathAt(doc.contents, e.pos[0]), message, position: position(e.pos[0]) });
  }

  const locate: Locator = (path, at) => position(offsetOf(doc, path, at));
  // A value under an unknown tag is not what the author meant: checking it would only add noise.
  if (findings.length > 0) return { value: undefined, locate, findings, fatal: true };

  const converter = new Converter(doc, position);
  let value: unknown;
  try {
    value = converter.toValue(doc.contents, [], 0);
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
    findings.push(...converter.findings, { path: pathAt(doc.contents, error.offset), message: error.message, position: position(error.offset) });
    return { value: undefined, locate, findings, fatal: true };
  }
  findings.push(...converter.findings);
  return { value, locate, findings, fatal: false };
}

function yamlMessage(code: string, message: string, source: string): string {
  switch (code) {
    case 'TAG_RESOLVE_FAILED': {
      const tag = source.trim().split(/\s/)[0] || message.replace(/^Unresolved tag: /, '');
      return `unknown tag ${tag}: tags are not allowed in scenario files; remove it`;
    }
    case 'RESOURCE_EXHAUSTION':
      return TOO_DEEP;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second ---); one file is one scenario or play script';
    default:
      return `YAML syntax: ${message.split('\n')[0]}`;
  }
}

class LimitReached extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

class Converter {
  readonly findings: PositionedFinding[] = [];
  private aliasNodes = 0;

  constructor(private readonly doc: Document, private readonly position: (offset: number) => Position) {}

  private where(node: unknown): Position {
    return this.position(this.offset(node));
  }

  private offset(node: unknown): number {
    return rangeStart(node) ?? 0;
  }

  /** `viaAlias` is the outermost alias being expanded, if any: the place to blame for a blow-up. */
  toValue(node: unknown, path: Path, depth: number, viaAlias?: unknown): unknown {
    if (depth > MAX_DEPTH) {
      throw new LimitReached(TOO_DEEP, this.offset(node));
    }
    if (viaAlias !== undefined && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new LimitReached(`aliases (*name) expand to more than ${MAX_ALIAS_NODES} values; write the content out or use fewer aliases`, this.offset(viaAlias));
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new LimitReached(`unknown alias *${node.source}: no anchor &${node.source} comes before it`, this.offset(node));
      return this.toValue(target, path, depth + 1, viaAlias ?? node);
    }
    if (isScalar(node)) {
      const value = node.value ?? null;
      if (typeof value === 'object' && value !== null) throw new LimitReached('unsupported value: only text, numbers, true/false, lists and mappings', this.offset(node));
      return value;
    }
    if (isSeq(node)) return node.items.map((item, i) => this.toValue(item, [...path, i], depth + 1, viaAlias));
    if (isMap(node)) return this.mapValue(node.items, path, depth, viaAlias);
    throw new LimitReached('unsupported YAML node', this.offset(node));
  }

  private mapValue(pairs: readonly unknown[], path: Path, depth: number, viaAlias: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const firstLine = new Map<string, number>();
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.findings.push({ path, message: 'a key must be a plain name (not a list, mapping, alias or empty key)', position: this.where(keyNode) });
        continue;
      }
      const key = String(keyNode.value);
      const keyPosition = this.where(keyNode);
      if (FORBIDDEN_KEYS.has(key)) {
        this.findings.push({ path: [...path, key], message: `the key ${quote(String(key))} is not allowed in scenario files`, position: keyPosition });
        continue;
      }
      const first = firstLine.get(key);
      if (first !== undefined) {
        this.findings.push({ path: [...path, key], message: `duplicate key ${quote(String(key))} (first on line ${first}); a key may appear once per mapping`, position: keyPosition });
        continue;
      }
      firstLine.set(key, keyPosition.line);
      out[key] = this.toValue(pair.value, [...path, key], depth + 1, viaAlias);
    }
    return out;
  }
}

/** The offset of the node at `path` (or of its nearest existing ancestor). */
function offsetOf(doc: Document, path: Path, at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let keyNode: unknown;
    if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
    else if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      keyNode = pair?.key;
      next = pair ? (pair.value ?? pair.key) : undefined;
    }
    if (next === undefined) return offset;
    const last = i === path.length - 1;
    offset = (last && at === 'key' ? rangeStart(keyNode) : undefined) ?? rangeStart(next) ?? offset;
    node = next;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

/** The key path of the innermost node that contains `offset` (for YAML-level errors). */
function pathAt(root: unknown, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node = root;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const end = rangeEnd(pair.value) ?? rangeEnd(pair.key) ?? -1;
        if ((rangeStart(pair.key) ?? Infinity) <= offset && offset < end) {
          path.push(String(pair.key.value));
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => (rangeStart(item) ?? Infinity) <= offset && offset < (rangeEnd(item) ?? -1));
      if (i >= 0) {
        path.push(i);
        next = node.items[i];
      }
    }
    if (next === undefined) return path;
    node = next;
  }
  return path;
}

function rangeEnd(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) && typeof range[1] === 'number' ? range[1] : undefined;
}

/** Synthetic lexer tokens that stand for no source text (document start, flow end, scalar). */
const SYNTHETIC = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * A linear pre-pass over the lexer's tokens: an upper bound of the nesting depth (open indentation
 * levels + block indicators on the line + open flow brackets). When the bound exceeds twice
 * MAX_DEPTH, the document is refused before it is composed, at the place where the bound first
 * went past MAX_DEPTH (where the exact check on the nodes points for a shallower document), so the
 * message and its place say the same limit. Returns undefined when the bound stays lower.
 */
export function deepNestingOffset(text: string): number | undefined {
  const limit = 2 * MAX_DEPTH;
  const indents: number[] = [];
  let flow = 0;
  let indicators = 0;
  let lineStart = true;
  let offset = 0;
  let pastLimit: number | undefined;
  for (const token of new Lexer().lex(text)) {
    if (SYNTHETIC.has(token)) continue;
    const start = offset;
    offset += token.length;
    if (token === '\n' || token === '\r\n') {
      lineStart = true;
      indicators = 0;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      const indent = /^ +$/.test(token) ? token.length : 0;
      if (flow === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
        indents.push(indent);
      }
      if (indent > 0) continue;
    }
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (flow === 0 && (token === '-' || token === '?' || token === ':')) indicators++;
    const bound = indents.length + indicators + flow;
    // A bracket's bound is its depth + 2 (the line's indentation level, the root), a block
    // level's its depth + 1: past MAX_DEPTH + 2 the place is certainly deeper than the limit.
    if (bound > MAX_DEPTH + 2) pastLimit ??= start;
    if (bound > limit) return pastLimit;
  }
  return undefined;
}
