// Where a new key goes: after the last key present that comes before it in the format's own
// order (the schema's), so a `from` added by a form lands beside `channel`, not after `prompts`.
import type { z } from 'zod';
import { isRecord, type Path } from '../scenario/path.ts';
import {
  ActionSchema, CharacterSchema, ExpectSchema, FeedbackQuestionSchema, HandoutSchema, InjectSchema, ObjectiveSchema, PromptSchema,
  RoleSchema, ScenarioFileSchema, StepSchema,
} from '../scenario/schema.ts';

type Shaped = { shape: Record<string, unknown> };
const keysOf = (schema: z.ZodType): string[] => Object.keys((schema as unknown as Shaped).shape ?? {});

const LISTS: Record<string, string[]> = {
  objectives: keysOf(ObjectiveSchema),
  roles: keysOf(RoleSchema),
  actions: keysOf(ActionSchema),
  injects: keysOf(InjectSchema),
  runbook: keysOf(StepSchema),
  handouts: keysOf(HandoutSchema),
  characters: keysOf(CharacterSchema),
};

/** The format's key order for the mapping at `path`, when the format has one there. */
export function keyOrderAt(path: Path): string[] | undefined {
  if (path.length === 0) return keysOf(ScenarioFileSchema);
  const [list, , inner, , deeper] = path;
  if (path.length === 2 && typeof list === 'string') return LISTS[list];
  if (list === 'injects' && inner === 'prompts') {
    if (path.length === 4) return keysOf(PromptSchema);
    if (path.length === 5 && deeper === 'expect') return keysOf(ExpectSchema);
  }
  if (list === 'feedback' && path.length === 3) return keysOf(FeedbackQuestionSchema);
  return undefined;
}

/** The key a new `key` goes after in `existing` (the mapping's plain value), or undefined for the end. */
export function keyBefore(path: Path, existing: unknown, key: string): string | undefined {
  const order = keyOrderAt(path);
  if (!order || !isRecord(existing)) return undefined;
  const at = order.indexOf(key);
  if (at === -1) return undefined;
  const present = new Set(Object.keys(existing));
  for (let i = at - 1; i >= 0; i--) {
    const k = order[i];
    if (k !== undefined && present.has(k)) return k;
  }
  return undefined;
}
