// decodeScenarioBytes: what every reader of a scenario file accepts and refuses (issue 16).
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes, loadScenario } from '../../../core/scenario/index.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeScenarioBytes', () => {
  it('accepts UTF-8, astral characters included, and drops a byte-order mark', () => {
    expect(decodeScenarioBytes(bytes('title: café 🚀\n'))).toEqual({ ok: true, text: 'title: café 🚀\n' });
    expect(decodeScenarioBytes(bytes([0xef, 0xbb, 0xbf], 'id: x\n'))).toEqual({ ok: true, text: 'id: x\n' });
  });

  it('locates the first bad byte by line and column, counting characters as the loader does', () => {
    expect(decodeScenarioBytes(bytes('a: 1\nb: é🚀', [0xe9], '\n'))).toMatchObject({ ok: false, line: 2, column: 7 });
    // Truncated, overlong, surrogate and past-U+10FFFF sequences are all refused.
    for (const bad of [[0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]]) {
      expect(decodeScenarioBytes(bytes('x: ', bad))).toMatchObject({ ok: false, line: 1, column: 4 });
    }
    const latin1 = decodeScenarioBytes(bytes('x: ', [0xe9]));
    expect(!latin1.ok && latin1.message).toMatch(/not UTF-8 text: the byte 0xE9 at line 1, column 4/);
  });

  it('says UTF-16 by name, with or without a byte-order mark', () => {
    for (const input of [bytes([0xff, 0xfe], Buffer.from('id: x\n', 'utf16le') as unknown as number[]), Buffer.from('format: x\n', 'utf16le'), Buffer.from('\ufefff\0', 'utf16le').swap16()]) {
      const result = decodeScenarioBytes(new Uint8Array(input));
      expect(!result.ok && result.message).toMatch(/UTF-16 text, not UTF-8/);
    }
  });

  it('the loader ignores a byte-order mark in text handed over as a string', () => {
    const text = '{format: drillbook/scenario@1, id: x, title: 3}\n';
    const plain = loadScenario(text, 'f.yaml');
    const marked = loadScenario(`\ufeff${text}`, 'f.yaml');
    expect(!marked.ok && marked.errors).toEqual(!plain.ok && plain.errors);
  });
});
