// The shipped library: every scenarios/*.yaml loads and survives a round trip; every play script in
// scenarios/plays/ loads. Files are found, not listed, so new scenarios are covered as they land.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadPlay, loadScenario, scenarioToYaml } from '../../../core/scenario/index.ts';
import { repoRoot } from './helpers.ts';

const yamlIn = (dir: string) =>
  readdirSync(`${repoRoot}${dir}`, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => `${dir}/${e.name}`)
    .sort();

const scenarios = yamlIn('scenarios');
const plays = (() => {
  try {
    return yamlIn('scenarios/plays');
  } catch {
    return [];
  }
})();

describe('the scenario library', () => {
  it('holds at least one scenario', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(1);
  });

  it.each(scenarios)('%s loads and survives a round trip', (file) => {
    const result = loadScenario(readFileSync(`${repoRoot}${file}`, 'utf8'), file);
    expect(result.ok ? [] : result.errors.map(formatLoadError)).toEqual([]);
    if (!result.ok) return;
    const again = loadScenario(scenarioToYaml(result.value), `${file} (copy)`);
    expect(again.ok ? again.value : again.errors).toEqual(result.value);
  });

  it.each(plays)('%s loads', (file) => {
    const result = loadPlay(readFileSync(`${repoRoot}${file}`, 'utf8'), file);
    expect(result.ok ? [] : result.errors.map(formatLoadError)).toEqual([]);
  });
});
