// The malformed corpus: each file in test/fixtures/malformed ends with `# expect: LINE:COL PATH | MESSAGE`
// lines, one per error the loader must report (exactly those, in order). `-` stands for an empty path.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlay, loadScenario } from '../../../core/scenario/index.ts';
import { repoRoot } from './helpers.ts';

const dir = `${repoRoot}test/fixtures/malformed`;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function expectations(text: string) {
  return [...text.matchAll(/^# expect: (\d+):(\d+) (\S+) \| (.*)$/gm)].map((m) => ({
    line: Number(m[1]),
    column: Number(m[2]),
    path: m[3] === '-' ? '' : m[3],
    message: m[4],
  }));
}

describe('malformed scenario and play files', () => {
  it('the corpus holds at least 30 files, each with its expected errors', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(expectations(readFileSync(`${dir}/${f}`, 'utf8')).length, f).toBeGreaterThan(0);
  });

  it.each(files)('%s is rejected with the expected line, column, path and message', (f) => {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    const result = f.endsWith('.play.yaml') ? loadPlay(text, f) : loadScenario(text, f);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const actual = result.errors.map(({ line, column, path, message }) => ({ line, column, path, message }));
    expect(actual).toEqual(expectations(text));
    for (const e of result.errors) expect(e.file).toBe(f);
  });
});
