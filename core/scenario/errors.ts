// Located errors: collecting them with their place, and printing them compiler-style.
import type { LoadError } from './types.ts';
import { formatPath, type Path } from './path.ts';

/** An error found on the loaded value, before it has a line and column. */
export interface Finding {
  path: Path;
  message: string;
  /** Point at the key itself (unknown or duplicate keys) rather than its value. */
  at?: 'key' | 'value';
}

export interface Position {
  line: number;
  column: number;
}

export type Locator = (path: Path, at: 'key' | 'value') => Position;

export function locateFindings(file: string, findings: readonly Finding[], locate: Locator): LoadError[] {
  return findings.map((f) => ({ file, ...locate(f.path, f.at ?? 'value'), path: formatPath(f.path), message: visible(f.message) }));
}

/**
 * Messages quote the file's own text (keys, values). Control characters in it must not reach a
 * terminal or a log as themselves (an escape sequence could rewrite what the trainer sees).
 */
export function visible(text: string): string {
  // Bidirectional controls too: an unterminated U+202E reverses the rest of the terminal line.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `FILE:LINE:COL: PATH: MESSAGE` (the PATH part is left out for errors about the whole document). */
export function formatLoadError(e: LoadError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return e.path === '' ? `${where}: ${e.message}` : `${where}: ${e.path}: ${e.message}`;
}

/** Keep error lists readable: a broken file can yield thousands of follow-on errors. */
export const MAX_ERRORS = 100;

export function capErrors(errors: LoadError[]): LoadError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const kept = errors.slice(0, MAX_ERRORS);
  const last = kept[kept.length - 1];
  if (last) kept.push({ ...last, path: '', message: `${errors.length - MAX_ERRORS} more errors not shown; fix the ones above first` });
  return kept;
}
