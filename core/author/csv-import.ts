// Import a master scenario events list from CSV: a column mapping (which column is the time, the
// recipients, the channel...), one inject per row, and every problem named by its spreadsheet row
// (the header is row 1) and column. Parsing is csv-parse's browser build (plain ES, no Node), so
// this runs in core/ and the renderer alike.
//
// A cell the export protected against formula injection ('=..., '+..., '-..., '@...) loses its
// apostrophe again. An empty body takes the title (the format requires a body). Prompts are not
// part of an events list: they are added in the editor.
import { parse } from 'csv-parse/browser/esm/sync';
import { quote, isRecord } from '../scenario/path.ts';
import { formatDuration, parseDuration } from '../scenario/duration.ts';
import { CHANNELS, type Channel } from '../scenario/types.ts';
import { closest, listNames } from '../scenario/suggest.ts';
import { parseEventTime, type ClockForm } from './event-time.ts';
import { parseText } from './yaml-text.ts';
import { MAX_FILE_BYTES, utf8Length } from '../scenario/yaml-front.ts';

/** The inject fields an events list can fill. */
export const EVENT_FIELDS = ['id', 'time', 'after', 'delay', 'when', 'to', 'channel', 'from', 'story_time', 'title', 'body', 'facilitator_notes'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** Field -> the header of the column that holds it. `title` is required; a time, `after` or `when` per row. */
export type ColumnMapping = Partial<Record<EventField, string>>;

export interface CsvImportOptions {
  mapping: ColumnMapping;
  /** How a two-part time such as 1:30 reads. Default 'mm:ss'. */
  clock?: ClockForm;
  /** The scenario's roles (id and title): `to` cells name them by either. */
  roles: readonly { id: string; title?: string }[];
  /** Inject ids already in the scenario (new ids avoid them; `after` may name them). */
  existingIds?: readonly string[];
  /** Used when a row's cell is empty or its column is not mapped. */
  defaults?: { channel?: Channel; to?: 'all' | string[] };
  /** How many injects the preview shows. Default 5. */
  previewRows?: number;
}

/** An inject as the format writes it, keys in the format's order. */
export type ImportedInject = Record<string, unknown> & { id: string; title: string };

export interface CsvProblem {
  /** Spreadsheet row: the header is row 1. */
  row: number;
  /** The column's header; null for the whole row or file. */
  column: string | null;
  message: string;
  /** "row 12, column 'time': ..." */
  text: string;
}

export interface CsvImport {
  headers: string[];
  /** Every row that had no problem, as an inject. */
  injects: ImportedInject[];
  /** The first rows as injects, for the preview (rows with problems left out). */
  preview: ImportedInject[];
  problems: CsvProblem[];
  /** Data rows read (blank rows not counted). */
  rows: number;
}

const problem = (row: number, column: string | null, message: string): CsvProblem => ({
  row,
  column,
  message,
  text: column === null ? `row ${row}: ${message}` : `row ${row}, column ${quote(column)}: ${message}`,
});
/** A problem at a row (and column), as the import reports it: the .xlsx reader's file problems too. */
export const csvProblem = problem;

export interface CsvTable {
  headers: string[];
  /** The header's spreadsheet row: 1 for CSV; a sheet's first non-empty row for .xlsx. */
  headerRow?: number;
  /** Data rows, each with its spreadsheet row number. */
  rows: { row: number; cells: string[] }[];
}

/** Read a CSV text into a header and rows; throws CsvFileError with a row for a broken file. */
export function readCsvTable(text: string): CsvTable {
  // The bound of a scenario file: an events list that big would make a scenario too big to load.
  if (text.length > MAX_FILE_BYTES || utf8Length(text, MAX_FILE_BYTES) > MAX_FILE_BYTES) {
    throw new CsvFileError(problem(1, null, `the file is ${(utf8Length(text) / 1048576).toFixed(2)} MiB; an events list may be at most 1 MiB, as a scenario file`));
  }
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const e = error as { message?: string; records?: number; lines?: number };
    const row = typeof e.records === 'number' ? e.records + 1 : 1;
    const what = String(e.message ?? error).replace(/^[^:]*: /, '');
    throw new CsvFileError(problem(row, null, `the file is not valid CSV: ${what}`));
  }
  const [header, ...rest] = records;
  if (!header || header.every((h) => h.trim() === '')) throw new CsvFileError(problem(1, null, 'the file has no header row: the first row names the columns (time, to, channel, title, body...)'));
  return {
    headers: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

export class CsvFileError extends Error {
  override name = 'CsvFileError';
  constructor(readonly problem: CsvProblem) {
    super(problem.text);
  }
}

const GUESSES: Record<EventField, RegExp> = {
  id: /^(id|inject|inject[ _-]?id|event[ _-]?id|ref)$/i,
  time: /^(time|at|when[ _-]?time|exercise[ _-]?time|t|offset|start|scheduled)$/i,
  after: /^(after|follows|depends[ _-]?on)$/i,
  delay: /^(delay|wait)$/i,
  when: /^(when|condition|trigger)$/i,
  to: /^(to|recipients?|audience|roles?|for|player|players)$/i,
  channel: /^(channel|medium|method|type|via)$/i,
  from: /^(from|sender|source)$/i,
  story_time: /^(story[ _-]?time|scenario[ _-]?time|story)$/i,
  title: /^(title|subject|headline|summary|event|inject[ _-]?title)$/i,
  body: /^(body|message|description|details|content|text)$/i,
  facilitator_notes: /^(facilitator[ _-]?notes|notes|controller[ _-]?notes|expected[ _-]?action)$/i,
};

/** A first mapping from the headers' names, for the column mapper to show and the author to correct. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const field of EVENT_FIELDS) {
    const header = headers.find((h) => !taken.has(h) && GUESSES[field].test(h.trim()));
    if (header !== undefined) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return mapping;
}

const CHANNEL_ALIASES: Record<string, Channel> = {
  slack: 'chat', teams: 'chat', message: 'chat', 'e-mail': 'email', mail: 'email', phone: 'call', 'phone call': 'call',
  'status page': 'status-page', statuspage: 'status-page', page: 'alert', pager: 'alert', alarm: 'alert', press: 'news',
  media: 'news', jira: 'ticket', issue: 'ticket', grafana: 'dashboard', graph: 'dashboard', memo: 'note',
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** Undo csvField's guard: an apostrophe before what a spreadsheet would run as a formula. */
function unguard(raw: string): string {
  if (!raw.startsWith("'")) return raw;
  const rest = raw.slice(1);
  return FORMULA_START.test(rest) || FORMULA_START.test(rest.normalize('NFKC').trimStart()) ? rest : raw;
}

const slugify = (text: string): string =>
  text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '') || 'inject';

/** Turn the rows of an events list into injects, with a problem per bad cell. */
export function importEvents(text: string, options: CsvImportOptions): CsvImport {
  let table: CsvTable;
  try {
    table = readCsvTable(text);
  } catch (error) {
    if (error instanceof CsvFileError) return { headers: [], injects: [], preview: [], problems: [error.problem], rows: 0 };
    throw error;
  }
  return importTable(table, options);
}

export function importTable(table: CsvTable, options: CsvImportOptions): CsvImport {
  const { headers } = table;
  const headerRow = table.headerRow ?? 1;
  const { mapping } = options;
  const clock = options.clock ?? 'mm:ss';
  const problems: CsvProblem[] = [];

  // The mapping itself: every mapped header exists, no column twice, a title and a trigger.
  const columnOf = new Map<EventField, number>();
  for (const field of EVENT_FIELDS) {
    const header = mapping[field];
    if (header === undefined || header === '') continue;
    const index = headers.indexOf(header);
    if (index === -1) problems.push(problem(headerRow, header, `no column is called ${quote(header)} (mapped to ${field}); the columns are: ${listNames(headers.map((h) => quote(h)))}`));
    else columnOf.set(field, index);
  }
  if (!columnOf.has('title') && mapping.title === undefined) problems.push(problem(headerRow, null, 'map a column to the title: every inject needs one'));
  if (!columnOf.has('time') && !columnOf.has('after') && !columnOf.has('when') && mapping.time === undefined) problems.push(problem(headerRow, null, "map a column to the time (or to 'after' or 'when'): every inject needs one"));
  if (problems.length > 0) return { headers, injects: [], preview: [], problems, rows: table.rows.length };

  const roleIds = options.roles.map((r) => r.id);
  const roleByName = new Map<string, string>();
  for (const r of options.roles) {
    roleByName.set(r.id.toLowerCase(), r.id);
    if (r.title) roleByName.set(r.title.trim().toLowerCase(), r.id);
  }
  const usedIds = new Set(options.existingIds ?? []);
  const rowIds = new Set<string>();
  const allIds = new Set<string>([...usedIds]);
  // Ids named in the id column, so that `after` may point forward to a later row.
  if (columnOf.has('id')) for (const r of table.rows) allIds.add((r.cells[columnOf.get('id') ?? -1] ?? '').trim());

  const injects: ImportedInject[] = [];
  let previous: number | undefined;
  /** The row whose time could not be read (or counted from one that could not), for the `+` rows after it. */
  let previousTimeBad: number | undefined;
  for (const { row, cells } of table.rows) {
    const cell = (field: EventField): string => {
      const index = columnOf.get(field);
      const raw = index === undefined ? '' : (cells[index] ?? '');
      return unguard(raw);
    };
    const header = (field: EventField) => mapping[field] ?? field;
    const before = problems.length;
    const bad = (field: EventField | null, message: string) => problems.push(problem(row, field === null ? null : header(field), message));

    const title = cell('title').trim();
    if (title === '') bad('title', 'the title is empty; every inject needs one');

    let id = cell('id').trim();
    if (id !== '') {
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) bad('id', `${quote(id)} is not an id: use lowercase letters, digits and '-' (at most 64)`);
      else if (rowIds.has(id)) bad('id', `${quote(id)} is the id of an earlier row too`);
      else if (usedIds.has(id)) bad('id', `the scenario already has an inject ${quote(id)}`);
    } else {
      const base = slugify(title);
      id = base;
      for (let n = 2; usedIds.has(id) || rowIds.has(id) || allIds.has(id); n++) id = `${base}-${n}`;
    }

    // The trigger: a time, or `after` another inject, or a `when` condition.
    const timeCell = cell('time').trim();
    const afterCell = cell('after').trim();
    const whenCell = cell('when').trim();
    const given = [timeCell && 'time', afterCell && 'after', whenCell && 'when'].filter(Boolean) as EventField[];
    let trigger: Record<string, unknown> = {};
    let rowTime: number | undefined;
    let timeBad = false;
    if (given.length === 0) bad(columnOf.has('time') ? 'time' : null, 'no time: give a time like 5:00, 1:05:00 or +5m' + (columnOf.has('after') ? ", or an 'after'" : ''));
    else if (given.length > 1) bad(given[1] ?? null, `a row has one of time, after or when; this one has ${given.join(' and ')}`);
    else if (timeCell) {
      const t = parseEventTime(timeCell, clock, previous);
      if (!t.ok && timeCell.startsWith('+') && previousTimeBad !== undefined) {
        bad('time', `${quote(timeCell)} counts from row ${previousTimeBad}, whose time has a problem; fix that row first`);
        timeBad = true;
      } else if (t.ok) {
        rowTime = t.seconds;
        trigger = { at: formatDuration(t.seconds) };
      } else {
        bad('time', t.message);
        timeBad = true;
      }
    } else if (afterCell) {
      if (!allIds.has(afterCell) && !rowIds.has(afterCell)) bad('after', `no inject is called ${quote(afterCell)}${closest(afterCell, [...allIds, ...rowIds]) ? `; did you mean ${quote(closest(afterCell, [...allIds, ...rowIds]) ?? '')}?` : ''}`);
      trigger = { after: afterCell };
    } else {
      const parsed = parseText(whenCell);
      const value: unknown = parsed.doc.errors.length === 0 ? parsed.doc.toJS({ maxAliasCount: 0 }) : undefined;
      if (!isRecord(value)) bad('when', `${quote(whenCell)} is not a condition such as {answered: PROMPT} or {action: ACTION}`);
      trigger = { when: value };
    }
    const delayCell = cell('delay').trim();
    if (delayCell !== '') {
      if (!('after' in trigger) && !('when' in trigger)) bad('delay', "a delay goes with 'after' or 'when' only; with a time, write the time itself");
      else if (parseDuration(delayCell) === null || /^\d+$/.test(delayCell)) bad('delay', `${quote(delayCell)} is not a delay like 90s, 5m or 1h30m`);
      else trigger.delay = delayCell;
    }

    // Recipients: all, or roles by id or title, separated by commas or semicolons.
    let to: 'all' | string[] | undefined;
    const toCell = cell('to').trim();
    if (toCell === '') {
      to = options.defaults?.to;
      if (to === undefined) bad(columnOf.has('to') ? 'to' : null, "no recipients: write 'all' or role ids such as " + listNames(roleIds.slice(0, 3)));
    } else if (toCell.toLowerCase() === 'all' || toCell.toLowerCase() === 'everyone') to = 'all';
    else {
      const names = toCell.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
      const ids: string[] = [];
      for (const name of names) {
        const idFor = roleByName.get(name.toLowerCase());
        if (idFor === undefined) {
          const guess = closest(name, roleIds);
          bad('to', `unknown role ${quote(name)}; roles are: ${listNames(roleIds)}${guess ? `; did you mean ${quote(guess)}?` : ''}`);
        } else if (!ids.includes(idFor)) ids.push(idFor);
      }
      to = ids;
    }

    let channel: string | undefined;
    const channelCell = cell('channel').trim().toLowerCase();
    if (channelCell === '') {
      channel = options.defaults?.channel;
      if (channel === undefined) bad(columnOf.has('channel') ? 'channel' : null, `no channel: one of ${listNames(CHANNELS)}`);
    } else {
      channel = (CHANNELS as readonly string[]).includes(channelCell) ? channelCell : CHANNEL_ALIASES[channelCell];
      if (channel === undefined) {
        const guess = closest(channelCell, CHANNELS);
        bad('channel', `unknown channel ${quote(channelCell)}; channels are: ${listNames(CHANNELS)}${guess ? `; did you mean ${quote(guess)}?` : ''}`);
      }
    }

    previousTimeBad = timeBad ? (timeCell.startsWith('+') && previousTimeBad !== undefined ? previousTimeBad : row) : undefined;
    if (problems.length > before) {
      // A row with a problem still names its id, for later rows' `after`; its time cannot anchor a `+` row.
      rowIds.add(id);
      previous = rowTime;
      continue;
    }
    rowIds.add(id);
    previous = rowTime;
    // Keys in the order the format lists them.
    const inject: Record<string, unknown> = { id, ...trigger, to, channel };
    const from = cell('from').trim();
    if (from !== '') inject.from = from;
    const storyTime = cell('story_time').trim();
    if (storyTime !== '') inject.story_time = storyTime;
    inject.title = title;
    const body = cell('body').replace(/\r\n?/g, '\n');
    inject.body = body.trim() === '' ? title : body;
    const notes = cell('facilitator_notes').replace(/\r\n?/g, '\n');
    if (notes.trim() !== '') inject.facilitator_notes = notes;
    injects.push(inject as ImportedInject);
  }
  return { headers, injects, preview: injects.slice(0, options.previewRows ?? 5), problems, rows: table.rows.length };
}
