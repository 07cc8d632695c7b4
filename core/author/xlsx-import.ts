// Read an events list from an .xlsx workbook into the same table as a CSV file (CsvTable), so the
// column mapper, the preview and the problems by row and column are the CSV import's own.
//
// Why not a spreadsheet library: exceljs and SheetJS are large for the renderer bundle, and the
// import needs four parts of the file only. An .xlsx is a zip of XML parts: this file reads the
// zip's directory itself, inflates with fflate (8 kB, plain ES, no Node) and reads
// xl/workbook.xml, its relationships, xl/sharedStrings.xml, xl/styles.xml (which cells are times)
// and one sheet with a small, strict XML scanner. It lives in core/ (no DOM, no Node), so the
// renderer, the CLI and the tests read a workbook the same way.
//
// Hostile files: the file, each part's inflated size and the rows are capped, and a part that
// inflates past its declared size is refused (a zip bomb stops at the cap, it is never inflated
// whole). A DOCTYPE is refused (no entity expansion). Formulas are never evaluated: a formula cell
// reads as the value the spreadsheet stored with it, or empty.
import { Inflate } from 'fflate';
import { CsvFileError, csvProblem, type CsvTable } from './csv-import.ts';
import { MAX_FILE_BYTES } from '../scenario/yaml-front.ts';
import { quote } from '../scenario/path.ts';

/** The largest .xlsx file read. */
export const MAX_XLSX_BYTES = 8 * 1024 * 1024;
/** The largest a part of the zip may inflate to. */
export const MAX_XLSX_PART_BYTES = 32 * 1024 * 1024;
/** Data rows an events list may have. */
export const MAX_XLSX_ROWS = 10_000;
/** Columns the header row may span. */
export const MAX_XLSX_COLUMNS = 256;

const fail = (message: string, row = 1): never => {
  throw new CsvFileError(csvProblem(row, null, message));
};
const notXlsx = (why: string): never => fail(`the file is not a readable .xlsx workbook: ${why}`);

// ---------------------------------------------------------------------------------------------
// The zip: its central directory, read strictly.

interface ZipEntry { name: string; method: number; flags: number; compressed: number; size: number; offset: number }

function zipEntries(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (data.length >= 8 && u32(0) === 0xe011cfd0 && u32(4) === 0xe11ab1a1) {
    notXlsx('it is an Excel 97-2003 .xls file or a password-protected workbook: save it as .xlsx without a password, or as CSV');
  }
  if (data.length < 22 || u32(0) !== 0x04034b50) notXlsx('it is not a zip archive (an .xlsx is one)');
  // The end-of-directory record: in the last 22 + 65535 bytes.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65535); at--) {
    if (u32(at) === 0x06054b50) { end = at; break; }
  }
  if (end < 0) notXlsx('the zip archive has no directory');
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) notXlsx('ZIP64 archives are not read (an events list is far smaller)');
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(at) !== 0x02014b50) notXlsx('its zip directory is damaged');
    const nameLength = u16(at + 28);
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/^\/+/, ''), {
      name, flags: u16(at + 8), method: u16(at + 10), compressed: u32(at + 20), size: u32(at + 24), offset: u32(at + 42),
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** One part of the zip as text; null when the archive has no such part. */
function readPart(data: Uint8Array, entries: Map<string, ZipEntry>, name: string): string | null {
  const entry = entries.get(name);
  if (!entry) return null;
  if (entry.flags & 1) notXlsx(`${quote(name)} is encrypted (a password-protected workbook): save it without a password`);
  if (entry.size > MAX_XLSX_PART_BYTES) {
    fail(`${quote(name)} would be ${(entry.size / 1048576).toFixed(1)} MiB unpacked; a part may be at most ${MAX_XLSX_PART_BYTES / 1048576} MiB`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (entry.offset + 30 > data.length || view.getUint32(entry.offset, true) !== 0x04034b50) notXlsx(`the zip entry of ${quote(name)} is damaged`);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressed > data.length) notXlsx(`${quote(name)} is cut short`);
  const packed = data.subarray(start, start + entry.compressed);
  let bytes: Uint8Array;
  if (entry.method === 0) bytes = packed;
  else if (entry.method === 8) {
    // Inflate in small steps, counting: a part that grows past its declared size (a zip bomb
    // lying about it) is refused at once, never inflated whole.
    const limit = entry.size;
    const chunks: Uint8Array[] = [];
    let total = 0;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > limit) fail(`${quote(name)} unpacks to more than the ${limit} bytes its zip entry declares: the file is damaged or hostile`);
      chunks.push(chunk);
    });
    try {
      const STEP = 16 * 1024;
      for (let i = 0; i < packed.length; i += STEP) inflate.push(packed.subarray(i, i + STEP), i + STEP >= packed.length);
      if (packed.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof CsvFileError) throw error;
      notXlsx(`${quote(name)} does not unpack (${String((error as Error).message ?? error)})`);
    }
    bytes = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) { bytes.set(c, o); o += c.length; }
  } else return notXlsx(`${quote(name)} uses zip compression method ${entry.method}; only stored and deflated parts are read`);
  return new TextDecoder('utf-8').decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// XML: a small, strict scanner. Elements and attributes by local name (prefixes dropped), text
// with the five named entities and character references; a DOCTYPE or another entity is refused.

interface XmlHandler {
  open(name: string, attrs: Record<string, string>, empty: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, part: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{1,10});|&/g, (whole, name: string | undefined) => {
    if (name === undefined) return notXlsx(`${quote(part)} has a bare '&'`);
    if (name in ENTITIES) return ENTITIES[name] ?? '';
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return notXlsx(`${quote(part)} has an unknown entity ${quote(whole)}`);
    return String.fromCodePoint(code);
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const OPEN_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s/>]+)\s*>/y;

function scanXml(xml: string, part: string, handler: XmlHandler): void {
  const stack: string[] = [];
  let at = 0;
  const n = xml.length;
  while (at < n) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > at && handler.text && stack.length > 0) handler.text(decodeEntities(xml.slice(at, textEnd), part));
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) notXlsx(`${quote(part)} ends inside a declaration`);
      at = e + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) notXlsx(`${quote(part)} ends inside a comment`);
      at = e + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) notXlsx(`${quote(part)} ends inside a CDATA section`);
      if (handler.text && stack.length > 0) handler.text(xml.slice(lt + 9, e));
      at = e + 3;
    } else if (xml.startsWith('<!', lt)) {
      return notXlsx(`${quote(part)} has a DOCTYPE or declaration, which a workbook never has`);
    } else if (xml.startsWith('</', lt)) {
      CLOSE_TAG.lastIndex = lt;
      const m = CLOSE_TAG.exec(xml) ?? notXlsx(`${quote(part)} has a malformed closing tag at character ${lt}`);
      const name = localName(m[1] ?? '');
      if (stack.pop() !== name) notXlsx(`${quote(part)} closes <${name}> where it did not open one`);
      handler.close?.(name);
      at = lt + m[0].length;
    } else {
      // The tag's end is found by the pattern, so a '>' inside a quoted attribute value is not one.
      OPEN_TAG.lastIndex = lt;
      const m = OPEN_TAG.exec(xml) ?? notXlsx(`${quote(part)} has a malformed tag at character ${lt}`);
      const name = localName(m[1] ?? '');
      const empty = m[3] === '/';
      const attrs: Record<string, string> = {};
      if (m[2]) for (const a of m[2].matchAll(ATTR)) attrs[localName(a[1] ?? '')] = decodeEntities(a[2] ?? a[3] ?? '', part);
      at = lt + m[0].length;
      handler.open(name, attrs, empty);
      if (empty) handler.close?.(name);
      else stack.push(name);
    }
  }
  if (stack.length > 0) notXlsx(`${quote(part)} ends before <${stack.at(-1) ?? ''}> closes`);
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
const unescapeOoxml = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// ---------------------------------------------------------------------------------------------
// The workbook: its sheets in order, the shared strings and which styles are dates or times.

export interface XlsxWorkbook {
  /** The worksheets' names, in the workbook's order. */
  sheets: string[];
  /** One sheet (by name or index; the first by default) as a table: the first non-empty row is the header. */
  table(sheet?: string | number): CsvTable;
}

type CellKind = 'number' | 'time' | 'date' | 'datetime';

/** What a number format shows: a time of day or a duration, a date, both, or a plain number. */
export function formatKind(code: string): CellKind {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  const date = /[yd]|e(?![+-])/.test(bare);
  const time = /[hs]/.test(bare);
  return date && time ? 'datetime' : date ? 'date' : time ? 'time' : 'number';
}

const BUILTIN_KINDS: Record<number, CellKind> = {
  14: 'date', 15: 'date', 16: 'date', 17: 'date', 18: 'time', 19: 'time', 20: 'time', 21: 'time', 22: 'datetime',
  45: 'time', 46: 'time', 47: 'time',
};
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]) BUILTIN_KINDS[id] = 'date';
for (const id of [32, 33, 55, 56]) BUILTIN_KINDS[id] = 'time';

const pad = (n: number) => String(n).padStart(2, '0');

/** A time-formatted number (a fraction of a day) as the events list's h:mm:ss, which reads the same with either clock. */
export function excelTimeText(fraction: number): string {
  const seconds = Math.round(fraction * 86400);
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

function excelDateText(serial: number, kind: 'date' | 'datetime', date1904: boolean): string {
  // The 1900 system counts a 29 February 1900 that never was: from day 61 the epoch is 30 December 1899.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = epoch + Math.round(serial * 86400) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (kind === 'date') return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ''}`;
}

/** "B12" -> column index 1 (A is 0), row 12. */
function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

const columnName = (col: number): string => {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Open an .xlsx file: its worksheets' names, and each sheet as a table on demand. Throws CsvFileError. */
export function openXlsx(bytes: Uint8Array): XlsxWorkbook {
  if (bytes.length > MAX_XLSX_BYTES) fail(`the file is ${(bytes.length / 1048576).toFixed(2)} MiB; an .xlsx events list may be at most ${MAX_XLSX_BYTES / 1048576} MiB`);
  const entries = zipEntries(bytes);
  const part = (name: string) => readPart(bytes, entries, name);

  const workbookXml = part('xl/workbook.xml') ?? notXlsx("it has no 'xl/workbook.xml' (is it an .xlsx saved by a spreadsheet?)");
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  scanXml(workbookXml, 'xl/workbook.xml', {
    open(name, attrs) {
      if (name === 'sheet' && attrs.name !== undefined && attrs.id !== undefined) sheets.push({ name: attrs.name, rid: attrs.id });
      if (name === 'workbookPr' && (attrs.date1904 === '1' || attrs.date1904 === 'true')) date1904 = true;
    },
  });
  const targets = new Map<string, string>();
  scanXml(part('xl/_rels/workbook.xml.rels') ?? notXlsx("it has no 'xl/_rels/workbook.xml.rels'"), 'xl/_rels/workbook.xml.rels', {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Id && attrs.Target && /\/worksheet$/.test(attrs.Type ?? '') && attrs.TargetMode !== 'External') {
        targets.set(attrs.Id, resolveTarget(attrs.Target));
      }
    },
  });
  const worksheets = sheets.filter((s) => targets.has(s.rid));
  if (worksheets.length === 0) notXlsx('it has no worksheet');

  let shared: string[] | null = null;
  const sharedStrings = (): string[] => {
    if (shared) return shared;
    shared = [];
    const xml = part('xl/sharedStrings.xml');
    if (xml === null) return shared;
    let inSi = false;
    let phonetic = 0;
    let inT = false;
    let text = '';
    const list = shared;
    scanXml(xml, 'xl/sharedStrings.xml', {
      open(name, _attrs, empty) {
        if (name === 'si') { inSi = true; text = ''; if (empty) list.push(''); }
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !empty) inT = true;
      },
      close(name) {
        if (name === 'si' && inSi) { inSi = false; list.push(unescapeOoxml(text)); }
        else if (name === 'rPh') phonetic--;
        else if (name === 't') inT = false;
      },
      text(t) { if (inSi && inT && phonetic === 0) text += t; },
    });
    return shared;
  };

  let kinds: CellKind[] | null = null;
  const styleKinds = (): CellKind[] => {
    if (kinds) return kinds;
    kinds = [];
    const xml = part('xl/styles.xml');
    if (xml === null) return kinds;
    const custom = new Map<number, CellKind>();
    const list = kinds;
    let inCellXfs = false;
    scanXml(xml, 'xl/styles.xml', {
      open(name, attrs, empty) {
        if (name === 'numFmt' && attrs.numFmtId !== undefined) custom.set(Number(attrs.numFmtId), formatKind(attrs.formatCode ?? ''));
        else if (name === 'cellXfs' && !empty) inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attrs.numFmtId ?? 0);
          list.push(custom.get(id) ?? BUILTIN_KINDS[id] ?? 'number');
        }
      },
      close(name) { if (name === 'cellXfs') inCellXfs = false; },
    });
    return kinds;
  };

  function table(which: string | number = 0): CsvTable {
    const sheet = typeof which === 'number' ? worksheets[which] : worksheets.find((s) => s.name === which);
    if (!sheet) return fail(`the workbook has no sheet ${typeof which === 'number' ? `number ${which + 1}` : quote(which)}; its sheets are: ${worksheets.map((s) => quote(s.name)).join(', ')}`);
    const path = targets.get(sheet.rid) ?? '';
    const xml = part(path) ?? notXlsx(`the sheet ${quote(sheet.name)} is missing (${quote(path)})`);
    const strings = sharedStrings();
    const styles = styleKinds();

    // Only rows with something in them are kept (and counted against the cap): a sheet may carry
    // thousands of formatted but empty rows.
    const rows: { row: number; cells: Map<number, string> }[] = [];
    let rowNumber = 0;
    let current: { row: number; cells: Map<number, string>; kept: boolean } | null = null;
    let col = -1;
    let type = 'n';
    let style = 0;
    let value: string | null = null;
    let inline = '';
    let inV = false;
    let inIs = false;
    let inT = false;
    let phonetic = 0;
    let bytes = 0;
    const finishCell = () => {
      if (!current) return;
      let text: string;
      if (type === 'inlineStr') text = unescapeOoxml(inline);
      else if (value === null) return;
      else if (type === 's') {
        const index = Number(value);
        const s = strings[index];
        if (!Number.isInteger(index) || s === undefined) notXlsx(`the cell ${columnName(col)}${rowNumber} names shared string ${value}, which the workbook does not have`);
        text = s ?? '';
      } else if (type === 'b') text = value.trim() === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'e' || type === 'd') text = unescapeOoxml(value);
      else {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n)) text = value;
        else {
          const kind = styles[style] ?? 'number';
          text = kind === 'time' ? excelTimeText(n) : kind === 'date' || kind === 'datetime' ? excelDateText(n, kind, date1904) : String(Number(n.toPrecision(15)));
        }
      }
      if (text.trim() === '') return;
      bytes += text.length;
      if (bytes > MAX_FILE_BYTES) fail(`the sheet ${quote(sheet.name)} holds more than 1 MiB of text; an events list may be at most 1 MiB, as a scenario file`, rowNumber);
      if (!current.kept) {
        current.kept = true;
        rows.push(current);
        if (rows.length > MAX_XLSX_ROWS + 1) fail(`the sheet ${quote(sheet.name)} has more than ${MAX_XLSX_ROWS} rows; an events list may have at most ${MAX_XLSX_ROWS}`, rowNumber);
      }
      current.cells.set(col, text);
    };
    scanXml(xml, path, {
      open(name, attrs, empty) {
        if (name === 'row') {
          const r = attrs.r !== undefined ? Number(attrs.r) : rowNumber + 1;
          if (!Number.isInteger(r) || r <= rowNumber) notXlsx(`the sheet ${quote(sheet.name)} has its rows out of order near row ${rowNumber + 1}`);
          rowNumber = r;
          current = { row: r, cells: new Map(), kept: false };
          col = -1;
        } else if (name === 'c' && current) {
          const ref = attrs.r !== undefined ? cellRef(attrs.r) : { col: col + 1, row: rowNumber };
          if (!ref || ref.row !== rowNumber) return notXlsx(`the sheet ${quote(sheet.name)} has a cell ${quote(attrs.r ?? '')} in row ${rowNumber}`);
          col = ref.col;
          type = attrs.t ?? 'n';
          style = Number(attrs.s ?? 0);
          value = null;
          inline = '';
          if (empty) finishCell();
        } else if (name === 'v' && !empty) { inV = true; value = ''; }
        else if (name === 'is') inIs = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && !empty) inT = true;
        // <f>: the formula itself is never read, let alone run; its cached <v> is the value.
      },
      close(name) {
        if (name === 'c') finishCell();
        else if (name === 'row') current = null;
        else if (name === 'v') inV = false;
        else if (name === 'is') inIs = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 't') inT = false;
      },
      text(t) {
        if (inV) value += t;
        else if (inIs && inT && phonetic === 0) inline += t;
      },
    });

    const [header, ...rest] = rows;
    if (!header) return fail(`the sheet ${quote(sheet.name)} is empty: its first row names the columns (time, to, channel, title, body...)`);
    const width = Math.max(...header.cells.keys()) + 1;
    if (width > MAX_XLSX_COLUMNS) fail(`the header row spans ${width} columns (to ${columnName(width - 1)}); an events list may have at most ${MAX_XLSX_COLUMNS}`, header.row);
    const line = (cells: Map<number, string>) => Array.from({ length: width }, (_, i) => cells.get(i) ?? '');
    return {
      headers: line(header.cells).map((h) => h.trim()),
      headerRow: header.row,
      rows: rest.map((r) => ({ row: r.row, cells: line(r.cells) })),
    };
  }

  return { sheets: worksheets.map((s) => s.name), table };
}

/** The first (or the named) worksheet of an .xlsx file as a table. Throws CsvFileError. */
export function readXlsxTable(bytes: Uint8Array, sheet?: string | number): CsvTable {
  return openXlsx(bytes).table(sheet);
}
