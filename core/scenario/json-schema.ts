// The JSON Schema that editors use to complete and check scenario files, generated from the same
// zod definition the loader uses (so the two cannot disagree), and written to scenarios/schema.json.
import { z } from 'zod';
import { ScenarioFileSchema } from './schema.ts';
import { PlayFileSchema } from './play-schema.ts';

export const SCENARIO_SCHEMA_ID = 'https://drillbook.invalid/schema/scenario-1.json';

function generate(schema: z.ZodType, id: string): Record<string, unknown> {
  // `io: 'input'` describes what a file may contain (optional keys stay optional).
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: id, ...json };
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return generate(ScenarioFileSchema, SCENARIO_SCHEMA_ID);
}

export function playJsonSchema(): Record<string, unknown> {
  return generate(PlayFileSchema, 'https://drillbook.invalid/schema/play-1.json');
}

/** The committed file's exact text: stable key order, two-space indent, final newline. */
export function schemaFileText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
