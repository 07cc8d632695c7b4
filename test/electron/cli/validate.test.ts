// drillbook validate (and schema) run in-process through main() with a capturing io, plus one real
// spawn of bin/drillbook.js to prove the installed command works.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIo } from '../../../electron/cli/io.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function capture(cwd = repoRoot) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd };
  return { io, out, err, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'drillbook-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('drillbook validate', () => {
  it('prints one OK line with a summary per valid scenario and play script, and exits 0', async () => {
    const c = capture();
    const code = await main(['validate', 'test/fixtures/scenario/full.yaml', 'test/fixtures/scenario/full.play.yaml'], c.io);
    expect(code).toBe(0);
    expect(c.out).toEqual([
      "test/fixtures/scenario/full.yaml: OK: 'Full feature: a model gateway returns 500s' — 3 roles, 6 injects, 3 prompts, 2 runbook steps, planned 1h",
      "test/fixtures/scenario/full.play.yaml: OK: play script for 'full-feature' — 13 events, last at 45m",
      'all 2 files are valid',
    ]);
  });

  it('prints each error compiler-style and exits 1 when any file is invalid', async () => {
    const c = capture();
    const code = await main(['validate', 'test/fixtures/scenario/mini.yaml', 'test/fixtures/malformed/unknown-key-in-inject.yaml'], c.io);
    expect(code).toBe(1);
    expect(c.out).toEqual([
      "test/fixtures/scenario/mini.yaml: OK: 'Mini' — 2 roles, 1 inject, 1 prompt, 0 runbook steps, planned 30m",
      "test/fixtures/malformed/unknown-key-in-inject.yaml:12:5: injects[0]: missing required key 'title' in inject",
      "test/fixtures/malformed/unknown-key-in-inject.yaml:16:5: injects[0].tittle: unknown key 'tittle' in inject; did you mean 'title'?",
      '1 of 2 files have errors',
    ]);
  });

  it('prints paths as given, relative to the working directory', async () => {
    const c = capture(join(repoRoot, 'test'));
    expect(await main(['validate', 'fixtures/scenario/mini.yaml'], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/^fixtures\/scenario\/mini\.yaml: OK: 'Mini'/);
  });

  it('reports a missing file, a directory and an oversized file clearly, and exits 1', async () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1_200_000)}\n`);
    const c = capture();
    const code = await main(['validate', 'no/such/file.yaml', 'test/fixtures', big], c.io);
    expect(code).toBe(1);
    expect(c.out).toEqual([
      'no/such/file.yaml: cannot read the file: no such file',
      'test/fixtures: cannot read the file: it is a directory, not a file',
      `${big}: cannot read the file: the file is 1.14 MiB; a scenario file may be at most 1 MiB (1,048,576 bytes)`,
      '3 of 3 files have errors',
    ]);
  });

  it('refuses a file that is not UTF-8 with the line and column of the first bad byte, and says UTF-16 by name (issue 16)', async () => {
    const mini = readFileSync(join(repoRoot, 'test/fixtures/scenario/mini.yaml'));
    // "title: Mini" on line 3 becomes "title: Min\xe9" (Latin-1): column 11 is the bad byte.
    const latin1 = join(tmp, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from(mini.toString('latin1').replace('title: Mini', 'title: Min\u00e9'), 'latin1'));
    const utf16 = join(tmp, 'utf16.yaml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mini.toString('utf8'), 'utf16le')]));
    const utf16NoMark = join(tmp, 'utf16-no-mark.yaml');
    writeFileSync(utf16NoMark, Buffer.from(mini.toString('utf8'), 'utf16le'));
    const c = capture();
    expect(await main(['validate', latin1, utf16, utf16NoMark], c.io)).toBe(1);
    expect(c.out[0]).toBe(`${latin1}:3:11: the file is not UTF-8 text: the byte 0xE9 at line 3, column 11 is not valid UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and try again`);
    expect(c.out[1]).toMatch(new RegExp(`^${utf16.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: the file is UTF-16 text, not UTF-8`));
    expect(c.out[2]).toMatch(/utf16-no-mark\.yaml:1:1: the file is UTF-16 text, not UTF-8/);
    expect(c.out.join('\n')).not.toContain('\ufffd');
  });

  it('a byte-order mark does not shift the columns of line 1 (issue 16)', async () => {
    const text = '{format: drillbook/scenario@1, id: x, title: 3}\n';
    const plain = join(tmp, 'plain.yaml');
    const marked = join(tmp, 'marked.yaml');
    writeFileSync(plain, text);
    writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const a = capture();
    const b = capture();
    await main(['validate', plain], a.io);
    await main(['validate', marked], b.io);
    expect(a.out.join('\n')).toContain(`${plain}:1:46: title:`);
    expect(b.out.map((l) => l.replace(marked, 'F'))).toEqual(a.out.map((l) => l.replace(plain, 'F')));
  });

  it('exits 2 on a usage error: no files, or an unknown option', async () => {
    const none = capture();
    expect(await main(['validate'], none.io)).toBe(2);
    expect(none.stderr()).toContain('no files given');
    expect(none.out).toEqual([]);
    const option = capture();
    expect(await main(['validate', '--strict', 'x.yaml'], option.io)).toBe(2);
    expect(option.stderr()).toContain("unknown option '--strict'");
  });

  it('validates every file of the shipped library', async () => {
    const c = capture();
    const code = await main(['validate', 'scenarios/recsys-null-results.yaml'], c.io);
    expect(c.stdout()).toMatch(/^scenarios\/recsys-null-results\.yaml: OK: '.+' — \d+ roles, \d+ injects, \d+ prompts, \d+ runbook steps, planned \d/);
    expect(code).toBe(0);
  });
});

describe('drillbook schema', () => {
  it('prints the JSON Schema that is committed as scenarios/schema.json', async () => {
    const c = capture();
    expect(await main(['schema'], c.io)).toBe(0);
    expect(c.stdout()).toBe(readFileSync(join(repoRoot, 'scenarios/schema.json'), 'utf8'));
  });

  it('writes it with --write, and prints the play-script schema with --play', async () => {
    const c = capture(tmp);
    expect(await main(['schema', '--write', 'out/schema.json'], c.io)).toBe(0);
    expect(readFileSync(join(tmp, 'out/schema.json'), 'utf8')).toBe(readFileSync(join(repoRoot, 'scenarios/schema.json'), 'utf8'));
    const play = capture();
    expect(await main(['schema', '--play'], play.io)).toBe(0);
    expect(JSON.parse(play.stdout())).toMatchObject({ title: 'Drillbook play script' });
  });

  it('exits 2 when --write has no file', async () => {
    const c = capture();
    expect(await main(['schema', '--write'], c.io)).toBe(2);
  });
});

describe('the installed command', () => {
  it('node bin/drillbook.js validate works from the repo root, with exit codes', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, ['bin/drillbook.js', 'validate', 'test/fixtures/scenario/mini.yaml'], { cwd: repoRoot });
    expect(ok.stdout).toBe("test/fixtures/scenario/mini.yaml: OK: 'Mini' — 2 roles, 1 inject, 1 prompt, 0 runbook steps, planned 30m\n");
    const bad = await run(process.execPath, ['bin/drillbook.js', 'validate', 'test/fixtures/malformed/unknown-role.yaml'], { cwd: repoRoot }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect('code' in bad ? bad.code : 0).toBe(1);
    expect(bad.stdout).toBe(
      "test/fixtures/malformed/unknown-role.yaml:20:15: injects[0].prompts[0].role: unknown role 'ghost'; roles are: ic, eng\n",
    );
  }, 60_000);

  it('an argument with bidirectional controls and 100 KB of text reaches the terminal escaped and cut (issue 16)', async () => {
    const run = promisify(execFile);
    const hostile = `--\u202eevil${'x'.repeat(100_000)}`;
    const bad = await run(process.execPath, ['bin/drillbook.js', 'sessions', 'a.db', hostile], { cwd: repoRoot }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in bad ? bad.code : 0).toBe(2);
    expect(bad.stderr).not.toMatch(/\u202e/);
    expect(bad.stderr).toContain("unknown option '--\\u202eevilxxx");
    expect(bad.stderr).toContain('…');
    expect(bad.stderr.length).toBeLessThan(1000);
  }, 60_000);
});
