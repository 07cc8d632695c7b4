// The per-layer TypeScript projects (issue 15), wired into `npm run typecheck`: core/ sees neither
// the DOM nor Node, renderer/ the DOM only, electron/ (and the CLI) Node only. Each project's
// compiler options are applied to a probe that uses document and process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(ROOT, '.tmp', 'layers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const probe = join(dir, 'probe.ts');
writeFileSync(probe, 'export const title = document.title;\nexport const home = process.env.HOME;\nexport const copy = structuredClone({ a: 1 });\n');

function missingNames(project: string): string[] {
  const file = join(ROOT, project);
  const config = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, file);
  const program = ts.createProgram([probe, ...(project === 'tsconfig.core.json' ? [join(ROOT, 'core', 'globals.d.ts')] : [])], { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .flatMap((m) => /Cannot find name '(\w+)'/.exec(m)?.[1] ?? []);
}

describe('per-layer TypeScript projects', () => {
  it('core sees neither the DOM nor Node (structuredClone is declared for it)', () => {
    expect(missingNames('tsconfig.core.json').sort()).toEqual(['document', 'process']);
  }, 60_000);
  it('renderer sees the DOM and not Node', () => {
    expect(missingNames('tsconfig.renderer.json')).toEqual(['process']);
  }, 60_000);
  it('electron and the CLI see Node and not the DOM', () => {
    expect(missingNames('tsconfig.node.json')).toEqual(['document']);
  }, 60_000);
  it('are all run by npm run typecheck', async () => {
    const { readFileSync } = await import('node:fs');
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const project of ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.renderer.json', 'tsconfig.node.json']) expect(scripts.typecheck).toContain(`-p ${project}`);
  });
});
