// Static checks over the renderer's source: no raw HTML injection anywhere, and no import of a
// host module (the lint rule covers imports; this also covers strings built at run time).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

describe('renderer source', () => {
  const files = sources(ROOT);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('never sets raw HTML', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('dangerouslySetInnerHTML'), file).toBe(false);
      expect(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(text), file).toBe(false);
    }
  });

  it('has a Content-Security-Policy without inline scripts', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
  });
});
