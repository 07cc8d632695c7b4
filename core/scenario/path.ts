// Key paths as trainers read them (`injects[3].prompts[0].expect.best[1]`) and short descriptions
// of values for messages ("the number 5", "a list").

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment) && segment.length <= 60) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(cut(segment))}]`;
  }
  return out;
}

/** A user's text cut to `max` characters with an ellipsis (never splitting a surrogate pair). */
export function cut(text: string, max = 60): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Quote a user's text for a message, on one line and cut to a readable length. */
export function quote(text: string, max = 60): string {
  return `'${cut(text.replace(/\s+/g, ' '), max)}'`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value === '' ? 'an empty text' : quote(value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isRecord(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
  }
  return current;
}
