import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 of a scenario's text, hex: the identity of the exact text a session ran with. */
export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
