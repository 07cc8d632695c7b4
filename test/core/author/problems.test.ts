// Problems as the author types: the same lines `drillbook validate` and `drillbook lint` print
// (their commands run in-process here on the same text), each with its place, and the ready flag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthorDocument, scenarioProblems } from '../../../core/author/index.ts';
import { validateCommand } from '../../../electron/cli/validate.ts';
import { lintCommand } from '../../../electron/cli/lint.ts';
import { fixture } from '../scenario/helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'drillbook-author-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What a CLI command prints for `text` saved as `name`, summary lines left out. */
async function cli(command: typeof validateCommand, name: string, text: string): Promise<string[]> {
  writeFileSync(join(tmp, name), text);
  const lines: string[] = [];
  await command([name], { out: (t) => lines.push(...t.split('\n')), err: (t) => lines.push(`ERR ${t}`), cwd: tmp });
  return lines.filter((l) => /^\S+:\d+:\d+: /.test(l));
}

const SMALL = fixture('author/small.yaml');

describe('scenarioProblems', () => {
  it('a scenario that loads is ready; its lint findings read as drillbook lint prints them', async () => {
    const text = fixture('lint/unfair.yaml');
    const result = scenarioProblems(text, 'unfair.yaml');
    expect(result.ready).toBe(true);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBeGreaterThan(0);
    expect(result.problems.map((p) => p.text)).toEqual(await cli(lintCommand, 'unfair.yaml', text));
    for (const p of result.problems) {
      expect(p.text).toBe(`unfair.yaml:${p.line}:${p.column}: ${p.severity}: ${p.rule}: ${p.message}`);
      expect(p.severity === 'warning' || p.severity === 'note').toBe(true);
    }
  });

  it('a scenario with errors is not ready; its errors read as drillbook validate prints them, with their place', async () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'followup', 'to', ['ic', 'boss']);
    doc.setField('inject', 'page', 'at', '5 minutes');
    const result = scenarioProblems(doc.toString(), 'small.yaml');
    expect(result.ready).toBe(false);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.text)).toEqual(await cli(validateCommand, 'small.yaml', doc.toString()));
    expect(errors.map((p) => p.path)).toEqual(['injects[0].at']);
    // The shape error hides the reference check (the loader stops there); fixed, the next one shows.
    doc.setField('inject', 'page', 'at', '5m');
    const next = scenarioProblems(doc.toString(), 'small.yaml');
    const unknownRole = next.problems.find((p) => p.path === 'injects[1].to[1]');
    expect(unknownRole?.message).toMatch(/^unknown role 'boss'; roles are: /);
    const lineOfBoss = doc.toString().split('\n').findIndex((l) => l.includes('to: [ic, boss]')) + 1;
    expect(unknownRole?.line).toBe(lineOfBoss);
    expect(unknownRole?.column).toBe((doc.toString().split('\n')[lineOfBoss - 1]?.indexOf('boss') ?? 0) + 1);
    expect(next.problems.filter((p) => p.severity === 'error').map((p) => p.text)).toEqual(await cli(validateCommand, 'small.yaml', doc.toString()));
  });

  it('a YAML syntax error is an error with its line and column', () => {
    const result = scenarioProblems('format: drillbook/scenario@1\ntitle: [unclosed\n', 'broken.yaml');
    expect(result.ready).toBe(false);
    expect(result.problems[0]?.severity).toBe('error');
    expect(result.problems[0]?.text).toMatch(/^broken\.yaml:\d+:\d+: /);
  });

  it('warnings do not stop a scenario from being ready; silenced findings are counted, not listed', () => {
    const result = scenarioProblems(SMALL, 'small.yaml');
    expect(result.ready).toBe(true);
    expect(result.silenced).toBe(1);
    expect(result.problems.map((p) => `${p.severity} ${p.rule} ${p.path}`)).toEqual(['note no-eeg objectives[0].id', 'warning no-step objectives[1].id', 'warning idle-role roles[0].id']);
  });
});
