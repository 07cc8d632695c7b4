// The version of this Drillbook, from its package.json, for what it records about itself (the
// marker of a session bundle). A tree without one reads as 'unknown' rather than failing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const packageSchema = z.object({ version: z.string().min(1) });

export function appVersion(packageJson: string = join(import.meta.dirname, '..', '..', 'package.json')): string {
  try {
    const parsed = packageSchema.safeParse(JSON.parse(readFileSync(packageJson, 'utf8')));
    return parsed.success ? parsed.data.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
