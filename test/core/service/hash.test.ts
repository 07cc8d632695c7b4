// One content hash for the service and the store: SHA-256 of the UTF-8 text, hex, equal to what
// node:crypto computes (what the store used before, so stored hashes keep matching).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../core/service/hash.ts';
import { contentHash as storeContentHash } from '../../../electron/store/index.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('contentHash', () => {
  it('is SHA-256 of the UTF-8 text, as node:crypto computes it, for any text', () => {
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => contentHash(text) === nodeSha256(text)));
  });

  it('is the one the store uses', () => {
    expect(storeContentHash).toBe(contentHash);
  });
});
