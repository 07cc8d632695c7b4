// The one atomic write (issue 15): reports, bundles, window positions and the desktop's exports all
// go through electron/files/atomic-write.ts.
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'drillbook-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, linkSync: vi.fn(fs.linkSync) };
});
const { FileExistsError, publishFile, writeChosenFile, writeFileAtomic } = await import('../../../electron/files/atomic-write.ts');
const fs = await import('node:fs');

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves nothing beside it', () => {
    const target = join(dir, 'a.txt');
    writeFileAtomic(target, 'first');
    expect(readFileSync(target, 'utf8')).toBe('first');
    writeFileAtomic(target, new Uint8Array([104, 105]), { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('without overwrite, refuses an existing file and leaves it and the folder as they were', () => {
    const target = join(dir, 'b.txt');
    writeFileSync(target, 'kept');
    expect(() => writeFileAtomic(target, 'new')).toThrow(FileExistsError);
    expect(readFileSync(target, 'utf8')).toBe('kept');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('on a file system without hard links, checks and renames, still never replacing', () => {
    vi.mocked(fs.linkSync).mockImplementation(() => {
      throw Object.assign(new Error('no links here'), { code: 'EPERM' });
    });
    try {
      const target = join(dir, 'c.txt');
      writeFileAtomic(target, 'fat');
      expect(readFileSync(target, 'utf8')).toBe('fat');
      expect(() => writeFileAtomic(target, 'again')).toThrow(FileExistsError);
      expect(readFileSync(target, 'utf8')).toBe('fat');
    } finally {
      vi.mocked(fs.linkSync).mockImplementation(linkSync);
    }
    rmSync(join(dir, 'c.txt'));
  });

  it('publishFile moves a finished temporary file into place', () => {
    const tmp = join(dir, '.d.tmp');
    writeFileSync(tmp, 'done');
    publishFile(tmp, join(dir, 'd.txt'));
    expect(existsSync(tmp)).toBe(false);
    expect(readFileSync(join(dir, 'd.txt'), 'utf8')).toBe('done');
    rmSync(join(dir, 'd.txt'));
  });
});

describe('writeChosenFile (the desktop export)', () => {
  it('replaces a file the save dialog confirmed, and creates a new one without overwriting', () => {
    const existing = join(dir, 'a.txt');
    writeChosenFile(existing, 'replaced');
    expect(readFileSync(existing, 'utf8')).toBe('replaced');
    const fresh = join(dir, 'report.html');
    writeChosenFile(fresh, '<p>new</p>');
    expect(readFileSync(fresh, 'utf8')).toBe('<p>new</p>');
  });

  it('is what the desktop app writes its exports with', () => {
    const main = readFileSync(join(import.meta.dirname, '..', '..', '..', 'electron', 'main', 'main.ts'), 'utf8');
    expect(main).toMatch(/writeFile: async \(path, data\) => writeChosenFile\(path, data\)/);
  });
});
