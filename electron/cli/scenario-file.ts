// Reading a scenario or play file from disk for the commands: the size limit, then the bytes
// decoded by the format's own decoder (UTF-8 only, the first bad byte located), so validate,
// simulate and serve --scenario accept and refuse exactly what the app's import does.
import { readFile, stat } from 'node:fs/promises';
import { decodeScenarioBytes, MAX_FILE_BYTES, type LoadError } from '../../core/scenario/index.ts';

export type ScenarioText = { ok: true; text: string } | { ok: false; error: LoadError };

/**
 * The text of the file at `path`; `file` is the name its errors carry. Throws (with the file
 * system's code) when it cannot be read, or with a message when it is a folder or too large.
 */
export async function readScenarioText(path: string, file: string): Promise<ScenarioText> {
  const info = await stat(path);
  if (info.isDirectory()) throw new Error('it is a directory, not a file');
  if (info.size > MAX_FILE_BYTES) {
    throw new Error(`the file is ${(info.size / 1048576).toFixed(2)} MiB; a scenario file may be at most 1 MiB (1,048,576 bytes)`);
  }
  const decoded = decodeScenarioBytes(await readFile(path));
  if (decoded.ok) return decoded;
  return { ok: false, error: { file, line: decoded.line, column: decoded.column, path: '', message: decoded.message } };
}

/** Why a file could not be read, in words. */
export function readFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
