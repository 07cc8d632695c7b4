// The file dialogs of the facilitator's window and the reading of what they pick. A picked file is
// still untrusted: its size is checked before it is read, and its text goes to the loader, which
// never runs it.
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fail, MAX_SCENARIO_BYTES, ok, type BridgeResult, type ExportFormat } from '../../core/protocol/bridge.ts';
import { decodeScenarioBytes } from '../../core/scenario/index.ts';
import { EXPORT_FILE_TYPES } from '../../core/report/formats.ts';
import type { PickedScenario } from './register-ipc.ts';

export const SCENARIO_FILTERS = [{ name: 'Drillbook scenario', extensions: ['yaml', 'yml'] }];
export const BUNDLE_FILTERS = [{ name: 'Drillbook session bundle', extensions: ['drillbook'] }];

const FORMAT_FILTERS = Object.fromEntries(
  Object.entries(EXPORT_FILE_TYPES).map(([format, type]) => [format, { name: type.typeName, extensions: [type.extension] }]),
) as Record<ExportFormat, { name: string; extensions: string[] }>;

/** Reads a scenario file the facilitator picked, refusing what the format never allows. */
export async function readScenarioFile(path: string): Promise<BridgeResult<PickedScenario>> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('invalid-scenario', `${name} is not a file. Pick a .yaml scenario file.`);
    size = info.size;
  } catch (error) {
    return fail('not-found', `${name} could not be opened (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check that the file still exists and that you may read it.`);
  }
  if (size > MAX_SCENARIO_BYTES) {
    return fail('invalid-scenario', `${name} is ${Math.ceil(size / 1024)} KiB; a scenario file may be at most 1 MiB. Is this the right file?`);
  }
  const bytes = await readFile(path);
  const decoded = decodeScenarioBytes(bytes);
  if (!decoded.ok) return fail('invalid-scenario', `${name}:${decoded.line}:${decoded.column}: ${decoded.message}`);
  return ok({ fileName: name, text: decoded.text });
}

/** The name to suggest in the save dialog: the service's name with the format's extension. */
export function suggestedPath(directory: string, fileName: string, format: ExportFormat): string {
  const ext = `.${FORMAT_FILTERS[format].extensions[0]}`;
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const safe = basename(fileName).replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-') || `drillbook-report${ext}`;
  return join(directory, extname(safe).toLowerCase() === ext ? safe : `${safe}${ext}`);
}

export function openOptions(kind: 'scenario' | 'bundle'): OpenDialogOptions {
  return kind === 'scenario'
    ? { title: 'Import a scenario', properties: ['openFile'], filters: SCENARIO_FILTERS }
    : { title: 'Open a session bundle', properties: ['openFile'], filters: BUNDLE_FILTERS };
}

export function saveOptions(defaultPath: string, format: ExportFormat): SaveDialogOptions {
  return { title: 'Export the report', defaultPath, filters: [FORMAT_FILTERS[format]], properties: ['showOverwriteConfirmation', 'createDirectory'] };
}
