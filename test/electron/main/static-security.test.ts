// A guard over the whole source tree: none of the patterns that switch Electron's or the page's
// defences off may appear in core/, electron/ or renderer/. This file lists them, so it is the one
// file that holds them; it lives in test/, outside the scanned folders.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['core', 'electron', 'renderer', 'build', 'bin'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', '.electron-native']);
const SOURCE = /\.(ts|tsx|js|mjs|cjs|html)$/;

const FORBIDDEN: [string, RegExp][] = [
  ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['contextIsolation: false', /contextIsolation\s*:\s*false/],
  ['sandbox: false', /sandbox\s*:\s*false/],
  ['webSecurity: false', /webSecurity\s*:\s*false/],
  ['webviewTag: true', /webviewTag\s*:\s*true/],
  ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
  ['eval(', /(^|[^\w.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
];

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Where the patterns occur in a text: `file:line: pattern`. */
function findings(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) =>
    FORBIDDEN.filter(([, pattern]) => pattern.test(line)).map(([name]) => `${relative(ROOT, file)}:${i + 1}: ${name}`),
  );
}

describe('the source tree', () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));

  it('is scanned (the guard sees the desktop shell itself)', () => {
    expect(files.some((file) => file.endsWith(join('electron', 'main', 'web-preferences.ts')))).toBe(true);
    expect(files.length).toBeGreaterThan(10);
  });

  it('holds none of the forbidden patterns', () => {
    const found = files.flatMap((file) => findings(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch each pattern', () => {
    const samples = [
      'webPreferences: { nodeIntegration: true }',
      'nodeIntegrationInWorker:true',
      'contextIsolation : false',
      'sandbox: false,',
      'webSecurity: false',
      'webviewTag: true',
      'allowRunningInsecureContent: true',
      'const x = eval("1")',
      'const f = new Function("return 1")',
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
    ];
    for (const sample of samples) expect(findings('sample.ts', sample), sample).toHaveLength(1);
    expect(findings('sample.ts', 'const retrieval(x); medieval (y)')).toEqual([]);
  });
});
