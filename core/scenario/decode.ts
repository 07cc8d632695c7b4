// Bytes of a scenario or play file -> text, refusing what is not UTF-8 instead of turning it into
// U+FFFD. Every reader (validate, simulate, serve --scenario, the desktop and browser imports) goes
// through here, so a file is accepted or refused the same way wherever it is opened. The message
// gives the line and column of the first bad byte (columns in characters, as the loader counts).

// The WHATWG decoder exists in every runtime core runs in (Node, Chromium) but in no ES library
// typing; core's own TypeScript project has neither DOM nor Node types, so it is declared here.
declare const TextDecoder: new (label: string, options?: { ignoreBOM?: boolean }) => { decode(input: Uint8Array): string };

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  let length: number;
  let min: number;
  let max = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) [length, min] = [2, 0x80];
  else if (b0 === 0xe0) [length, min] = [3, 0xa0];
  else if (b0 === 0xed) [length, min, max] = [3, 0x80, 0x9f]; // no UTF-16 surrogates
  else if (b0 >= 0xe1 && b0 <= 0xef) [length, min] = [3, 0x80];
  else if (b0 === 0xf0) [length, min] = [4, 0x90];
  else if (b0 >= 0xf1 && b0 <= 0xf3) [length, min] = [4, 0x80];
  else if (b0 === 0xf4) [length, min, max] = [4, 0x80, 0x8f]; // nothing past U+10FFFF
  else return 0;
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    if (b === undefined || b < (k === 1 ? min : 0x80) || b > (k === 1 ? max : 0xbf)) return 0;
  }
  return length;
}

/** UTF-16 without a byte-order mark: ASCII text shows as every other byte being zero. */
function looksLikeUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'LE';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'BE';
  return null;
}

const SAVE_AS = 'save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and try again';

/** Decodes a scenario or play file; a UTF-8 byte-order mark is dropped so that columns start at 1. */
export function decodeScenarioBytes(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes) !== null) {
    return { ok: false, line: 1, column: 1, message: `the file is UTF-16 text, not UTF-8: ${SAVE_AS}` };
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  let line = 1;
  let column = 1;
  for (let i = start; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      const hex = `0x${(bytes[i] as number).toString(16).toUpperCase().padStart(2, '0')}`;
      return {
        ok: false,
        line,
        column,
        message: `the file is not UTF-8 text: the byte ${hex} at line ${line}, column ${column} is not valid UTF-8 (the file may be Latin-1 or Windows-1252); ${SAVE_AS}`,
      };
    }
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else {
      // A character beyond U+FFFF is two UTF-16 units, as the YAML parser counts columns.
      column += length === 4 ? 2 : 1;
    }
    i += length;
  }
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start)) };
}

/** Text handed over as a string (an import over the protocol): a leading byte-order mark is not content. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
