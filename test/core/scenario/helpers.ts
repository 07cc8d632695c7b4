import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixture = (name: string): string => readFileSync(`${repoRoot}test/fixtures/${name}`, 'utf8');

export function loadFixture(name: string): Scenario {
  const result = loadScenario(fixture(name), name);
  if (!result.ok) throw new Error(`fixture ${name} does not load: ${JSON.stringify(result.errors)}`);
  return result.value;
}
