// scenarios/schema.json is generated from the zod definition; this fails when the two drift.
// Regenerate with `npm run schema`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, schemaFileText } from '../../../core/scenario/index.ts';
import { repoRoot } from './helpers.ts';

type Json = Record<string, unknown>;

function objects(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => objects(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Json;
    if (record.type === 'object') out.push(record);
    Object.values(record).forEach((v) => objects(v, out));
  }
  return out;
}

describe('scenarios/schema.json', () => {
  const committed = readFileSync(`${repoRoot}scenarios/schema.json`, 'utf8');

  it('matches the schema generated from the code (run `npm run schema` after changing the format)', () => {
    expect(committed).toBe(schemaFileText(scenarioJsonSchema()));
  });

  it('is strict at every level: no mapping allows unknown keys', () => {
    const all = objects(JSON.parse(committed));
    expect(all.length).toBeGreaterThan(15);
    for (const o of all) expect(o.additionalProperties, JSON.stringify(o).slice(0, 120)).toBe(false);
  });

  it('describes the format: required keys, the duration pattern and the recursive condition', () => {
    const schema = JSON.parse(committed) as Json;
    expect(schema.required).toEqual(['format', 'id', 'title', 'duration', 'summary', 'objectives', 'roles', 'injects']);
    expect(JSON.stringify(schema)).toContain('"const":"drillbook/scenario@1"');
    expect((schema.$defs as Json).condition).toBeDefined();
    expect(JSON.stringify((schema.$defs as Json).condition)).toContain('"$ref":"#/$defs/condition"');
  });
});
