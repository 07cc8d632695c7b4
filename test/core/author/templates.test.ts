// The blank templates: each loads with no error and no lint finding, explains its sections in
// comments, and `drillbook validate` (the built command) accepts it written to a file as it is,
// and as the library's "new from template" saves it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BLANK_TEMPLATES, blankTemplate } from '../../../core/author/templates.ts';
import { scenarioProblems } from '../../../core/author/problems.ts';
import { LEVELS } from '../../../core/scenario/types.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { must, serviceOn } from '../service/library-versions-spec.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'drillbook-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('blank templates', () => {
  it('has one per level', () => {
    expect(BLANK_TEMPLATES.map((t) => t.level)).toEqual([...LEVELS]);
    for (const level of LEVELS) expect(blankTemplate(level).level).toBe(level);
  });

  for (const template of BLANK_TEMPLATES) {
    it(`${template.level}: loads ready to run with no lint finding, its level and comments on each section`, () => {
      const problems = scenarioProblems(template.text, template.fileName);
      expect(problems.ready).toBe(true);
      expect(problems.problems).toEqual([]);
      expect(template.text).toMatch(new RegExp(`^level: ${template.level}$`, 'm'));
      // Every top-level section but the format line has a comment right above it (or above its group).
      const lines = template.text.split('\n');
      for (const section of ['id', 'objectives', 'roles', 'actions', 'injects', 'runbook', 'debrief']) {
        const at = lines.findIndex((l) => l.startsWith(`${section}:`));
        expect(at, section).toBeGreaterThan(0);
        expect(lines[at - 1], `the line above ${section}:`).toMatch(/^#/);
      }
    });
  }

  it('drillbook validate accepts each template written to a file, as it is and as saved in the library', async () => {
    const { bridge } = serviceOn(createMemoryStorage());
    const files: string[] = [];
    for (const template of BLANK_TEMPLATES) {
      const saved = await must(bridge.request('library.save', { fileName: template.fileName, text: template.text, note: `New from ${template.label}` }));
      const text = (await must(bridge.request('library.version', { entryId: saved.entryId, version: saved.version }))).text;
      const file = join(tmp, template.fileName);
      writeFileSync(file, text);
      files.push(file);
    }
    const run = promisify(execFile);
    const result = await run(process.execPath, ['bin/drillbook.js', 'validate', ...files], { cwd: repoRoot });
    expect(result.stdout).toContain('all 3 files are valid');
    expect(result.stdout.match(/: OK: /g)).toHaveLength(3);
  });
});
