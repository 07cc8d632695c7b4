// Zod issues -> findings a trainer can act on. Zod reports where a value is wrong; this module adds
// what kind of thing was expected there ("unknown key 'tittle' in inject; did you mean 'title'?"),
// turns a missing value into "missing required key", and for keyed unions (conditions, met_by
// entries, play events) re-checks the one branch the mapping meant instead of listing every branch.
import type { z } from 'zod';
import type { Finding } from './errors.ts';
import { describeValue, formatPath, isRecord, valueAt, type Path, type PathSegment, quote } from './path.ts';
import { keyedUnions, objectKinds } from './schema-kit.ts';
import { didYouMean, listNames } from './suggest.ts';

/** A parse context error map that returns '' so that the mapper knows no schema-level message was set. */
const NO_MESSAGE = () => '';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Optional, default, lazy and pipe wrappers hide the schema that does the checking. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 32; i++) {
    const def = defOf(current);
    if (['optional', 'default', 'nullable', 'readonly', 'nonoptional', 'prefault', 'catch'].includes(def.type)) current = def.innerType as z.ZodType;
    else if (def.type === 'lazy') current = (def.getter as () => z.ZodType)();
    else if (def.type === 'pipe') current = def.in as z.ZodType;
    else return current;
  }
  return current;
}

function child(schema: z.ZodType, segment: PathSegment, value: unknown): z.ZodType | undefined {
  const s = unwrap(schema);
  const def = defOf(s);
  if (def.type === 'object' && typeof segment === 'string') return (def.shape as Record<string, z.ZodType>)[segment];
  if (def.type === 'array') return def.element as z.ZodType;
  if (def.type === 'tuple' && typeof segment === 'number') return (def.items as z.ZodType[])[segment] ?? (def.rest as z.ZodType | undefined);
  if (def.type === 'union') {
    const wanted = typeof segment === 'number' ? 'array' : 'object';
    for (const option of def.options as z.ZodType[]) {
      const t = defOf(unwrap(option)).type;
      if (t === wanted || (t === 'tuple' && Array.isArray(value))) return child(option, segment, value);
    }
  }
  return undefined;
}

interface Walk {
  /** The deepest schema reached along the path (the one at the path, when the walk got there). */
  schema: z.ZodType | undefined;
  /** The first keyed union on the path, and how deep into the path it sits. */
  union?: { schema: z.ZodType; depth: number };
}

function walk(root: z.ZodType, value: unknown, path: Path): Walk {
  let schema: z.ZodType | undefined = root;
  for (let depth = 0; ; depth++) {
    if (schema && keyedUnions.has(unwrap(schema))) return { schema, union: { schema: unwrap(schema), depth } };
    if (depth === path.length || !schema) return { schema };
    const segment = path[depth] as PathSegment;
    schema = child(schema, segment, valueAt(value, path.slice(0, depth)));
  }
}

/** Check `value` against `schema`; every problem becomes a finding under `prefix`. */
export function checkShape(schema: z.ZodType, value: unknown, prefix: Path = []): Finding[] {
  const result = schema.safeParse(value, { error: NO_MESSAGE, reportInput: true });
  return result.success ? [] : mapIssues(schema, value, result.error.issues, prefix);
}

function mapIssues(root: z.ZodType, value: unknown, issues: readonly z.core.$ZodIssue[], prefix: Path): Finding[] {
  const findings: Finding[] = [];
  const unionsDone = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
    const { schema, union } = walk(root, value, path);
    if (union) {
      const unionPath = path.slice(0, union.depth);
      const key = formatPath(unionPath);
      if (unionsDone.has(key)) continue;
      unionsDone.add(key);
      findings.push(...checkKeyedUnion(union.schema, valueAt(value, unionPath), [...prefix, ...unionPath]));
      continue;
    }
    findings.push(...describeIssue(issue, path, prefix, schema, root, value));
  }
  return findings;
}

function checkKeyedUnion(schema: z.ZodType, value: unknown, at: Path): Finding[] {
  const info = keyedUnions.get(schema);
  if (!info) return [{ path: at, message: `unexpected value ${describeValue(value)}` }];
  if (!isRecord(value)) return [{ path: at, message: info.none(value) }];
  const matching = info.branches.filter((b) => b.matches(value));
  const [only] = matching;
  if (matching.length === 1 && only) return checkShape(only.schema, value, at);
  if (matching.length === 0) return [{ path: at, message: info.none(value) }];
  return [{ path: at, message: `${article(info.kind)} ${info.kind} is exactly one of its kinds; this one is ${matching.map((b) => b.label).join(' and ')} at once` }];
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function kindOf(schema: z.ZodType | undefined): string {
  return (schema && objectKinds.get(unwrap(schema))) ?? 'mapping';
}

function describeIssue(issue: z.core.$ZodIssue, path: Path, prefix: Path, schema: z.ZodType | undefined, root: z.ZodType, value: unknown): Finding[] {
  const full = [...prefix, ...path];
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys') {
    const kind = kindOf(schema);
    const known = schema ? Object.keys((defOf(unwrap(schema)).shape as Record<string, unknown> | undefined) ?? {}) : [];
    return issue.keys.map((key) => ({
      path: [...full, key],
      at: 'key' as const,
      message: `unknown key ${quote(String(key))} in ${kind}${didYouMean(key, known) || `; ${kind} keys are: ${listNames(known, 30)}`}`,
    }));
  }
  if (issue.code === 'invalid_type' && input === undefined && path.length > 0) {
    const parentPath = path.slice(0, -1);
    const parent = walk(root, value, parentPath).schema;
    const key = path[path.length - 1];
    if (isRecord(valueAt(value, parentPath))) {
      return [{ path: [...prefix, ...parentPath], message: `missing required key ${quote(String(key))} in ${kindOf(parent)}` }];
    }
  }
  if (issue.message !== '') return [{ path: full, message: issue.message }];
  return [{ path: full, message: fallbackMessage(issue, input) }];
}

function fallbackMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'object' ? 'a mapping (key: value)' : issue.expected === 'array' ? 'a list' : issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}, got ${describeValue(input)}`;
    case 'too_small':
      return `is too small (at least ${String(issue.minimum)})`;
    case 'too_big':
      return `is too big (at most ${String(issue.maximum)})`;
    default:
      return `unexpected value ${describeValue(input)}`;
  }
}
