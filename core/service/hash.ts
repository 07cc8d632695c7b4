// The one content hash of a scenario text, for the platform-free service and the SQLite store alike
// (a pure-JavaScript SHA-256, so core needs no node:crypto; test/core/service/hash.test.ts checks
// that it equals node:crypto's on any text).
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 of a scenario's text, hex: the identity of the exact text a session ran with. */
export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
