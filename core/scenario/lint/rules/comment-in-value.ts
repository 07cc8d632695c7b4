// comment-in-value: in YAML, ` #` starts a comment, even in the middle of what reads as a sentence.
// `title: Post in #inc-recs` loads as "Post in", silently. This rule reads the text again, keeping
// what the loader drops, and finds the prose values that a comment cut short.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Path } from '../../path.ts';
import type { Scenario } from '../../types.ts';
import { elementAt, type RuleFinding } from '../context.ts';

/** Keys whose value is prose a person writes (not an id, a reference, a duration or a number). */
const PROSE_KEYS = new Set([
  'title', 'label', 'ask', 'step', 'name', 'plays', 'from', 'story_time', 'why', 'description',
  'summary', 'brief', 'body', 'facilitator_notes', 'script', 'ground_rules', 'unit',
]);
/** Lists whose items are prose. */
const PROSE_LISTS = new Set(['assumptions', 'discussion', 'questions', 'columns']);

const MAX_DEPTH = 64;

/**
 * A value is taken as cut when it is a plain (unquoted) scalar under a prose key (or a prose
 * list's item), the same line goes on with ` #`, and the `#` is followed at once by a non-blank
 * character: `#inc-recs`, `#4`, `#RC-77120`. A comment written as a comment (`title: Triage  # TODO`,
 * with a blank after the `#`) is left alone. Also found when the parser cut the whole value
 * (`ask: #what` loads as an empty value), which the loader then reports as an error: this finding
 * says why. Works on any text that parses as YAML, so it can explain a file that does not load.
 */
export function commentInValue(text: string, scenario: Scenario | undefined): RuleFinding[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, merge: false });
  if (doc.errors.length > 0) return [];
  const findings: RuleFinding[] = [];
  const visit = (node: unknown, path: Path, prose: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const value = pair.value;
        if (value === null || isScalar(value)) {
          if (PROSE_KEYS.has(key)) check(value, [...path, key]);
        } else visit(value, [...path, key], PROSE_LISTS.has(key), depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (prose && (item === null || isScalar(item))) check(item, [...path, i]);
        else visit(item, [...path, i], false, depth + 1);
      });
    }
  };
  const check = (value: Scalar | null, path: Path): void => {
    if (value !== null && value.type !== Scalar.PLAIN) return;
    const hash = value === null ? undefined : cutAt(text, value);
    if (hash === undefined) return;
    const { line, col } = lineCounter.linePos(hash);
    const kept = value?.value;
    const loaded = kept === null || kept === undefined || kept === '' ? 'an empty value' : `"${String(kept)}"`;
    const lineEnd = text.indexOf('\n', hash);
    const cut = text.slice(hash, lineEnd === -1 ? text.length : lineEnd).trimEnd();
    findings.push({
      rule: 'comment-in-value', severity: 'warning', element: scenario ? elementAt(scenario, path) : { kind: 'scenario', id: '' },
      path, position: { line, column: col },
      message: `the value loads as ${loaded}: YAML reads '${cut.length > 40 ? `${cut.slice(0, 37)}...` : cut}' as a comment; quote the value`,
    });
  };
  visit(doc.contents, [], false, 0);
  return findings;
}

/**
 * The offset of the `#` that cut a plain scalar, if one did: a blank before it, a non-blank right
 * after it, on the line where the value ends. A value the comment took whole is an empty scalar
 * that starts at the `#`.
 */
function cutAt(text: string, value: Scalar): number | undefined {
  const [start, end] = value.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const empty = value.value === null || value.value === '';
  const from = empty ? start : end;
  if (empty) {
    return text[from] === '#' && /[ \t]/.test(text[from - 1] ?? '') && /\S/.test(text[from + 1] ?? '') ? from : undefined;
  }
  const lineEnd = text.indexOf('\n', from);
  const match = /^[ \t]+#\S/.exec(text.slice(from, lineEnd === -1 ? text.length : lineEnd));
  return match ? from + match[0].length - 2 : undefined;
}
