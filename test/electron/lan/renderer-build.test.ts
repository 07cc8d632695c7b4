// Whether renderer/dist must be built before browser mode can serve it, and what is said when it
// cannot be built here.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, rendererBuildState } from '../../../electron/lan/renderer-build.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'drillbook-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'renderer', 'views'), { recursive: true });
  mkdirSync(join(root, 'core'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'renderer', 'views', 'a.tsx'), 'export {};');
  writeFileSync(join(root, 'core', 'b.ts'), 'export {};');
  return root;
}

function age(path: string, secondsAgo: number): void {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe('renderer build', () => {
  it('is missing without dist/index.html, stale when a source is newer, fresh otherwise', () => {
    const root = tree();
    expect(rendererBuildState(root)).toBe('missing');
    mkdirSync(join(root, 'renderer', 'dist'));
    writeFileSync(join(root, 'renderer', 'dist', 'index.html'), '<!doctype html>');
    for (const f of ['renderer/index.html', 'renderer/views/a.tsx', 'core/b.ts']) age(join(root, f), 100);
    expect(rendererBuildState(root)).toBe('fresh');
    age(join(root, 'core', 'b.ts'), 0);
    age(join(root, 'renderer', 'dist', 'index.html'), 50);
    expect(rendererBuildState(root)).toBe('stale');
  });

  it('says how to build it when vite is not installed', () => {
    const root = tree();
    const result = ensureRendererBuilt(root);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/npm run build:renderer/);
  });
});
