// Building blocks for the raw-format schemas. Zod checks the shape and generates the JSON Schema;
// these helpers remember what the error mapper needs to speak a trainer's language: the name of
// each kind of mapping ("inject", "prompt"), and how to pick the branch of a union that a
// mapping meant (a condition is `answered` or `met` or ..., told apart by its keys).
import { z } from 'zod';
import { DURATION_HINT, DURATION_PATTERN, MAX_DURATION_SECONDS, parseDuration } from './duration.ts';
import { describeValue, quote } from './path.ts';
import { didYouMean } from './suggest.ts';
import { SLUG_PATTERN } from '../protocol/fields.ts';

/** Kind names of strict objects, for "unknown key 'tittle' in inject". */
export const objectKinds = new WeakMap<z.ZodType, string>();

export interface Branch {
  /** How a trainer names it in a message: "'answered'", "facilitator: grade". */
  label: string;
  schema: z.ZodType;
  matches: (value: Record<string, unknown>) => boolean;
}

export interface KeyedUnion {
  kind: string;
  branches: Branch[];
  /** The message when a mapping matches no branch (or is not a mapping at all). */
  none: (value: unknown) => string;
}

export const keyedUnions = new WeakMap<z.ZodType, KeyedUnion>();

type Meta = { id?: string; title?: string; description?: string };

/** A mapping that allows no other keys. `.meta()` makes a copy, so metadata is given here, before registering. */
export function strict<T extends z.ZodRawShape>(kind: string, shape: T, meta?: Meta) {
  const bare = z.strictObject(shape);
  const schema = meta ? bare.meta(meta) : bare;
  objectKinds.set(schema, kind);
  return schema;
}

/** A union told apart by which keys a mapping has; the mapper reports the chosen branch's issues. */
export function keyed<const T extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(
  kind: string,
  options: T,
  describe: { labels: readonly string[]; matches: readonly ((v: Record<string, unknown>) => boolean)[]; none: (value: unknown) => string },
  meta?: Meta,
) {
  const bare = z.union(options);
  const schema = meta ? bare.meta(meta) : bare;
  keyedUnions.set(schema, {
    kind,
    none: describe.none,
    branches: options.map((option, i) => ({ label: describe.labels[i] ?? '', schema: option, matches: describe.matches[i] ?? (() => false) })),
  });
  return schema;
}


export const slug = () =>
  z.string({ error: (iss) => `expected an id (text), got ${describeValue(iss.input)}${quoteHint(iss.input)}` }).regex(SLUG_PATTERN, {
    error: (iss) =>
      `${quote(String(iss.input))} is not a valid id: use 1 to 64 lowercase letters, digits and dashes, starting with a letter or digit`,
  });

/** A reference to an id defined elsewhere; whether it exists is checked after the shape. */
export const ref = () => z.string({ error: (iss) => `expected an id (text), got ${describeValue(iss.input)}${quoteHint(iss.input)}` });

export const text = () =>
  z.string({ error: (iss) => `expected text, got ${describeValue(iss.input)}${quoteHint(iss.input)}` })
    .min(1, { error: 'must not be empty' })
    // A NUL ends the text early in C-based tools (terminals, some PDF and spreadsheet readers).
    .refine((value) => !value.includes('\u0000'), { error: 'the text holds a NUL character (\\u0000); remove it' });

const TOO_LONG = `a duration is at most a year (${MAX_DURATION_SECONDS / 3600}h)`;

export const duration = () =>
  z.union(
    [
      z.string()
        .regex(new RegExp(DURATION_PATTERN), { error: (iss) => `expected ${DURATION_HINT}, got ${describeValue(iss.input)}`, abort: true })
        .refine((text) => parseDuration(text) !== null, { error: TOO_LONG }),
      z.number()
        .min(0, { error: (iss) => `a duration is never negative, got ${describeValue(iss.input)}` })
        .max(MAX_DURATION_SECONDS, { error: TOO_LONG }),
    ],
    { error: (iss) => `expected ${DURATION_HINT}, got ${describeValue(iss.input)}` },
  );

export const points = () =>
  z.number({ error: (iss) => `expected a number of points, got ${describeValue(iss.input)}` }).min(0, { error: 'points are never negative' });

export const fraction = (what: string) =>
  z.number({ error: (iss) => `expected ${what} from 0 to 1, got ${describeValue(iss.input)}` })
    .min(0, { error: (iss) => `${what} is from 0 to 1, got ${describeValue(iss.input)}` })
    .max(1, { error: (iss) => `${what} is from 0 to 1, got ${describeValue(iss.input)}` });

export const listOf = <T extends z.ZodType>(item: T, what: string, min = 0) => {
  const list = z.array(item, { error: (iss) => `expected a list of ${what}, got ${describeValue(iss.input)}` });
  return min > 0 ? list.min(min, { error: `the list of ${what} is empty; it needs at least ${min === 1 ? 'one' : min}` }) : list;
};

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) =>
      `expected ${what}: one of ${values.join(', ')}; got ${describeValue(iss.input)}${typeof iss.input === 'string' ? didYouMean(iss.input, values) : ''}`,
  });

/** Scalars that YAML read as numbers or booleans where text was meant: tell the trainer to quote. */
function quoteHint(input: unknown): string {
  return typeof input === 'number' || typeof input === 'boolean' ? ' (put it in quotes to make it text)' : '';
}

export function hasKey(key: string) {
  return (value: Record<string, unknown>) => Object.hasOwn(value, key);
}
