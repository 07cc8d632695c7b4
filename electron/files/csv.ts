// Reading a CSV file strictly (csv-parse, RFC 4180): a stray quote or a broken quoted field is an
// error that names its line, never a guess. Shapes and meanings are checked by the caller.
import { parse } from 'csv-parse/sync';

export type CsvRead = { ok: true; records: string[][] } | { ok: false; problems: { row: number; column: string; message: string }[] };

export function readCsv(text: string): CsvRead {
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return { ok: true, records };
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ row: line, column: '-', message: `The file is not valid CSV: ${message}` }] };
  }
}
