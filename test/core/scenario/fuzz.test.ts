// Property tests: 1,000 random and mutated documents. The loader returns a scenario or located
// errors and never throws; whatever loads survives scenarioToYaml -> loadScenario unchanged.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioToYaml } from '../../../core/scenario/index.ts';
import type { LoadResult, Scenario } from '../../../core/scenario/types.ts';
import { fixture } from './helpers.ts';

const TIMEOUT = 120_000;
const seedText = fixture('scenario/full.yaml');
const seed: unknown = parse(seedText);
const stats = { loaded: 0, rejected: 0 };

function checkResult(result: LoadResult<Scenario>, text: string): void {
  if (!result.ok) {
    stats.rejected++;
    expect(result.errors.length).toBeGreaterThan(0);
    const lines = text.split(/\r\n|\r|\n/).length + 1;
    for (const e of result.errors) {
      expect(e.file).toBe('fuzz.yaml');
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lines);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(typeof e.path).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
    }
    return;
  }
  stats.loaded++;
  const again = loadScenario(scenarioToYaml(result.value), 'copy.yaml');
  expect(again.ok ? again.value : again.errors).toEqual(result.value);
}

function load(text: string): void {
  let result: LoadResult<Scenario> | undefined;
  expect(() => {
    result = loadScenario(text, 'fuzz.yaml');
  }).not.toThrow();
  if (result) checkResult(result, text);
}

// ---- mutations of a valid scenario ----
type Segment = string | number;
function paths(value: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
function parentOf(root: unknown, path: Segment[]): { parent: Record<string | number, unknown> | unknown[]; key: Segment } | undefined {
  if (path.length === 0) return undefined;
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) node = (node as Record<Segment, unknown>)[seg];
  const key = path[path.length - 1] as Segment;
  return node && typeof node === 'object' ? { parent: node as Record<string | number, unknown>, key } : undefined;
}
function ids(value: unknown): string[] {
  return paths(value)
    .filter((p) => p[p.length - 1] === 'id')
    .map((p) => p.reduce<unknown>((n, seg) => (n as Record<Segment, unknown>)[seg], value))
    .filter((v): v is string => typeof v === 'string');
}

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('5m', '1h30m', '05:00', 'all', 'choice', 'text', 'multi', 'sev2', 'ic', '__proto__', 'constructor', '-1s'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 2 }),
);

const mutation = fc.record({
  op: fc.constantFrom('delete', 'replace', 'swap-id', 'insert-key', 'duplicate', 'reference'),
  at: fc.nat(),
  other: fc.nat(),
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('title', 'id', 'at', 'after', 'when', 'delay', 'with', 'options', 'keywords', 'roles')),
  value: junk,
});

interface Mutation {
  op: string;
  at: number;
  other: number;
  key: string;
  value: unknown;
}

function mutate(doc: unknown, steps: Mutation[]): unknown {
  const copy: unknown = structuredClone(doc);
  for (const step of steps) {
    const all = paths(copy);
    const path = all[step.at % all.length] as Segment[];
    const target = parentOf(copy, path);
    const known = ids(copy);
    switch (step.op) {
      case 'delete':
        if (!target) break;
        if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
        else delete (target.parent as Record<string, unknown>)[target.key];
        break;
      case 'replace':
        if (target) (target.parent as Record<Segment, unknown>)[target.key] = step.value;
        break;
      case 'swap-id':
      case 'reference':
        if (target && known.length > 0) (target.parent as Record<Segment, unknown>)[target.key] = known[step.other % known.length];
        break;
      case 'insert-key': {
        const node = path.reduce<unknown>((n, seg) => (n as Record<Segment, unknown>)[seg], copy);
        if (node && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, unknown>)[step.key] = step.value;
        break;
      }
      case 'duplicate':
        if (target && Array.isArray(target.parent)) target.parent.push(structuredClone(target.parent[Number(target.key)]));
        break;
    }
  }
  return copy;
}

describe('the loader on random and mutated documents', () => {
  it('never throws on 500 mutated scenarios, and round-trips those that load', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (steps) => {
        load(stringify(mutate(seed, steps), { aliasDuplicateObjects: false }));
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('never throws on 200 scenarios with text-level damage', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\t', '\n', ':', '- ', '&a ', '*a', '!!js/function ', '{', '[', '"', '#', '  ', '---\n', '? ')) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = seedText;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        load(text);
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT);

  it('never throws on 200 random YAML documents and 100 random texts', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => load(stringify(value))), { numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => load(text)), { numRuns: 100 });
  }, TIMEOUT);

  it('the runs above exercised both outcomes', () => {
    // A mutation often leaves the file valid (e.g. deleting an optional key), so both paths ran.
    expect(stats.loaded).toBeGreaterThan(10);
    expect(stats.rejected).toBeGreaterThan(100);
  });
});
