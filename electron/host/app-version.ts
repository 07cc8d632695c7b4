// The version of this Drillbook, from its package.json, for what it records about itself (the
// marker of a session bundle). A tree without one reads as 'unknown' rather than failing.
// Checked by hand rather than with zod: `drillbook --version` reads it, and should not pay for
// loading zod.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function appVersion(packageJson: string = join(import.meta.dirname, '..', '..', 'package.json')): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
    return typeof version === 'string' && version !== '' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
