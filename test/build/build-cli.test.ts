// The compiled drillbook command (issue 15): built by build/build-cli.mjs into out/cli/, run by
// bin/drillbook.js without a TypeScript loader, split per command so that `validate` and `--help`
// never load SQLite, ws or a browser.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Metafile } from 'esbuild';
import { buildCli } from '../../build/build-cli.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const HEAVY = ['better-sqlite3', 'ws', 'playwright-core', 'electron'];
const tmp = mkdtempSync(join(tmpdir(), 'drillbook-cli-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Everything an output file loads before its code runs: its static imports, transitively. */
function staticClosure(meta: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of meta.outputs[path]?.imports ?? []) if (imported.kind !== 'dynamic-import') visit(imported.path);
  };
  visit(start);
  return seen;
}

describe('the compiled CLI', () => {
  it('loads validate and --help without SQLite, ws or a browser, and serve with them', async () => {
    const meta = await buildCli({ outdir: join(tmp, 'out') });
    const outputs = Object.keys(meta.outputs).filter((p) => p.endsWith('.js'));
    const named = (prefix: string) => {
      const found = outputs.find((p) => relative(join(tmp, 'out'), join(ROOT, p)).startsWith(`${prefix}-`));
      if (!found) throw new Error(`no ${prefix} chunk among ${outputs.join(', ')}`);
      return found;
    };
    const main = staticClosure(meta, named('main'));
    const validate = staticClosure(meta, named('validate'));
    const serve = staticClosure(meta, named('serve'));
    for (const heavy of HEAVY) {
      expect([...main], `--help loads ${heavy}`).not.toContain(heavy);
      expect([...validate], `validate loads ${heavy}`).not.toContain(heavy);
    }
    // The check sees what it should: serve does load SQLite and ws.
    expect([...serve]).toEqual(expect.arrayContaining(['better-sqlite3', 'ws']));
  });

  it('runs from bin/drillbook.js without tsx, and validate leaves SQLite, ws and playwright unloaded', async () => {
    const script = `
      const { main } = await import(${JSON.stringify(join(ROOT, 'out', 'cli', 'main.js'))});
      const lines = [];
      const code = await main(['validate', 'test/fixtures/scenario/mini.yaml'], { out: (t) => lines.push(t), err: (t) => lines.push(t), cwd: process.cwd() });
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ code, lines, loaded }));`;
    // bin/drillbook.js first: it (re)builds out/cli when the sources are newer.
    const version = await run(process.execPath, ['bin/drillbook.js', '--version'], { cwd: ROOT });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`drillbook ${pkg.version}\n`);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    const result = JSON.parse(stdout) as { code: number; lines: string[]; loaded: string[] };
    expect(result.code).toBe(0);
    expect(result.lines[0]).toMatch(/^test\/fixtures\/scenario\/mini\.yaml: OK: /);
    for (const heavy of HEAVY) expect(result.loaded.filter((p) => p.includes(`/node_modules/${heavy}/`))).toEqual([]);
    expect(result.loaded.filter((p) => p.includes('/node_modules/tsx/'))).toEqual([]);
  });

  it('--help lists every command and --version', async () => {
    const { stdout } = await run(process.execPath, ['bin/drillbook.js', '--help'], { cwd: ROOT });
    for (const command of ['validate', 'schema', 'simulate', 'sessions', 'report', 'restore', 'serve', 'start']) expect(stdout).toContain(`drillbook ${command}`);
    expect(stdout).toContain('drillbook --version');
  });
});
