// The events list to and from CSV: times as spreadsheets hold them, a column mapping, problems by
// row and column, a preview, and an export that imports back to the same scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthorDocument, eventsToCsv, guessMapping, importEvents, parseEventTime, readCsvTable } from '../../../core/author/index.ts';
import { formatLoadError, loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { fixture, repoRoot } from '../scenario/helpers.ts';

const shipped = readdirSync(`${repoRoot}scenarios`).filter((f) => f.endsWith('.yaml')).sort();
const read = (file: string) => readFileSync(`${repoRoot}scenarios/${file}`, 'utf8');
const SMALL = fixture('author/small.yaml');
const ROLES = [{ id: 'ic', title: 'Incident commander' }, { id: 'eng', title: 'Engineer' }];

function loads(text: string): Scenario {
  const result = loadScenario(text, 'imported.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
  return result.value;
}

describe('event times', () => {
  it('reads m:ss, h:mm:ss and the format durations; h:mm only when the import says so', () => {
    const at = (cell: string, clock: 'mm:ss' | 'h:mm' = 'mm:ss', previous?: number) => {
      const r = parseEventTime(cell, clock, previous);
      return r.ok ? r.seconds : r.message;
    };
    expect(at('5:00')).toBe(300);
    expect(at('05:30')).toBe(330);
    expect(at('1:30', 'h:mm')).toBe(5400);
    expect(at('1:30')).toBe(90);
    expect(at('1:05:00')).toBe(3900);
    expect(at('1:05:00', 'h:mm')).toBe(3900);
    expect(at(' 90s ')).toBe(90);
    expect(at('1h30m')).toBe(5400);
    expect(at('+5m', 'mm:ss', 600)).toBe(900);
    expect(at('+2:30', 'mm:ss', 60)).toBe(210);
    expect(at('+0:30', 'h:mm', 60)).toBe(1860);
    expect(at('7:7x')).toBe("'7:7x' is not a time like 5:00, 1:05:00 or +5m");
    expect(at('5:60')).toBe("'5:60' is not a time like 5:00, 1:05:00 or +5m");
    expect(at('5')).toBe("'5' is not a time like 5:00, 1:05:00 or +5m (a bare number could be minutes or seconds: write 5m or 5s)");
    expect(at('-5m')).toMatch(/is not a time/);
    expect(at('+5m')).toBe("'+5m' is relative to the row before, which has no time to add to; give this row a time like 5:00");
  });
});

/** A 60-row events list; `bad` replaces cells: row number (header is row 1) -> column -> text. */
function sixtyRows(bad: Record<number, Record<string, string>> = {}): string {
  const header = ['Time', 'Recipients', 'Channel', 'Title', 'Description', 'Notes'];
  const channels = ['alert', 'chat', 'Email', 'ticket', 'Slack', 'news', 'call', 'dashboard'];
  const lines = [header.join(',')];
  for (let n = 0; n < 60; n++) {
    const row = n + 2;
    const cells: Record<string, string> = {
      // Absolute every fifth row, relative in between; a few in h:mm:ss.
      Time: n % 5 === 0 ? (n >= 40 ? `1:${String(n).padStart(2, '0')}:00` : `${n}:00`) : '+1m',
      Recipients: n % 3 === 0 ? 'all' : n % 3 === 1 ? 'ic; Engineer' : 'eng',
      Channel: channels[n % channels.length] ?? 'chat',
      Title: `Event ${n + 1}${n % 7 === 0 ? ', with a comma' : ''}`,
      Description: n % 4 === 0 ? `"Line one of ${n + 1}.\nLine ""two""."` : `Body ${n + 1}`,
      Notes: n % 10 === 0 ? 'Watch the IC' : '',
      ...bad[row],
    };
    lines.push(header.map((h) => (cells[h]?.startsWith('"') || !/[,\n"]/.test(cells[h] ?? '') ? cells[h] : `"${cells[h]}"`)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('importing an events list', () => {
  it('imports 60 rows, reporting the two bad rows by row and column, and previews the first injects', () => {
    // Row 16 is a '+1m' row followed by an absolute one; row 40 is any row.
    const csv = sixtyRows({ 16: { Time: '7:7x' }, 40: { Channel: 'emial' } });
    const { headers } = readCsvTable(csv);
    const mapping = guessMapping(headers);
    expect(mapping).toEqual({ time: 'Time', to: 'Recipients', channel: 'Channel', title: 'Title', body: 'Description', facilitator_notes: 'Notes' });
    const result = importEvents(csv, { mapping, roles: ROLES });
    expect(result.rows).toBe(60);
    expect(result.problems.map((p) => p.text)).toEqual([
      "row 16, column 'Time': '7:7x' is not a time like 5:00, 1:05:00 or +5m",
      "row 40, column 'Channel': unknown channel 'emial'; channels are: alert, chat, email, ticket, status-page, news, call, dashboard, note; did you mean 'email'?",
    ]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[16, 'Time'], [40, 'Channel']]);
    expect(result.injects).toHaveLength(58);
    expect(result.preview).toEqual(result.injects.slice(0, 5));
    expect(result.preview[0]).toEqual({ id: 'event-1-with-a-comma', at: '0s', to: 'all', channel: 'alert', title: 'Event 1, with a comma', body: 'Line one of 1.\nLine "two".', facilitator_notes: 'Watch the IC' });
    expect(result.preview[1]).toMatchObject({ id: 'event-2', at: '1m', to: ['ic', 'eng'], channel: 'chat' });
    expect(result.preview[4]).toMatchObject({ id: 'event-5', at: '4m', channel: 'chat' }); // Slack reads as chat
    const ids = result.injects.map((i) => i.id);
    expect(new Set(ids).size).toBe(58);
    expect(ids).not.toContain('event-15');
    expect(ids).not.toContain('event-39');
    expect(result.injects.find((i) => i.id === 'event-16')).toMatchObject({ at: '15m' });
  });

  it('a bad time makes the relative rows after it wait: each says which row to fix', () => {
    const result = importEvents(sixtyRows({ 12: { Time: '7:7x' } }), { mapping: guessMapping(readCsvTable(sixtyRows()).headers), roles: ROLES });
    expect(result.problems.map((p) => p.text)).toEqual([
      "row 12, column 'Time': '7:7x' is not a time like 5:00, 1:05:00 or +5m",
      ...[13, 14, 15, 16].map((row) => `row ${row}, column 'Time': '+1m' counts from row 12, whose time has a problem; fix that row first`),
    ]);
    expect(result.injects).toHaveLength(55);
  });

  it('an imported list goes into the scenario, which then loads', () => {
    const csv = sixtyRows();
    const result = importEvents(csv, { mapping: guessMapping(readCsvTable(csv).headers), roles: ROLES, existingIds: ['page', 'followup', 'escalate'] });
    expect(result.problems).toEqual([]);
    const doc = AuthorDocument.open(SMALL);
    expect(doc.importInjects(result.injects).added).toHaveLength(60);
    const s = loads(doc.toString());
    expect(s.injects).toHaveLength(63);
    expect(s.injects[62]?.trigger).toEqual({ kind: 'at', at: 3600 + 55 * 60 + 4 * 60 });
    expect(doc.toString().startsWith(SMALL.slice(0, SMALL.indexOf('runbook:')).trimEnd())).toBe(true);
  });

  it('says what is wrong with a mapping, a cell or the file', () => {
    const csv = 'When,Who,How,What\n5:00,ic,chat,Hello\n';
    expect(importEvents(csv, { mapping: { time: 'When', to: 'Who', channel: 'How', title: 'Title' }, roles: ROLES }).problems.map((p) => p.text))
      .toEqual(["row 1, column 'Title': no column is called 'Title' (mapped to title); the columns are: 'When', 'Who', 'How', 'What'"]);
    expect(importEvents(csv, { mapping: { to: 'Who', title: 'What' }, roles: ROLES }).problems.map((p) => p.text))
      .toEqual(["row 1: map a column to the time (or to 'after' or 'when'): every inject needs one"]);
    const rows = [
      'id,time,after,to,channel,title',
      'first,5:00,,ic,chat,One',
      'first,6:00,,ic,chat,Two',
      'third,,frist,ic,chat,Three',
      'Bad Id,7:00,,boss,chat,Four',
      'fifth,,,ic,chat,Five',
      'sixth,8:00,first,ic,,',
    ].join('\n');
    expect(importEvents(rows, { mapping: guessMapping(rows.split('\n')[0]?.split(',') ?? []), roles: ROLES }).problems.map((p) => p.text)).toEqual([
      "row 3, column 'id': 'first' is the id of an earlier row too",
      "row 4, column 'after': no inject is called 'frist'; did you mean 'first'?",
      "row 5, column 'id': 'Bad Id' is not an id: use lowercase letters, digits and '-' (at most 64)",
      "row 5, column 'to': unknown role 'boss'; roles are: ic, eng",
      "row 6, column 'time': no time: give a time like 5:00, 1:05:00 or +5m, or an 'after'",
      "row 7, column 'title': the title is empty; every inject needs one",
      "row 7, column 'after': a row has one of time, after or when; this one has time and after",
      'row 7, column \'channel\': no channel: one of alert, chat, email, ticket, status-page, news, call, dashboard, note',
    ]);
    expect(importEvents('time,title\n5:00,"unclosed\n', { mapping: { time: 'time', title: 'title' }, roles: ROLES }).problems.map((p) => p.text))
      .toEqual([expect.stringMatching(/^row 2: the file is not valid CSV: /)]);
    expect(importEvents(`time,title\n${'5:00,x\n'.repeat(200_000)}`, { mapping: { time: 'time', title: 'title' }, roles: ROLES }).problems.map((p) => p.text))
      .toEqual(['row 1: the file is 1.34 MiB; an events list may be at most 1 MiB, as a scenario file']);
    expect(importEvents('', { mapping: {}, roles: ROLES }).problems.map((p) => p.text)).toEqual(['row 1: the file has no header row: the first row names the columns (time, to, channel, title, body...)']);
  });

  it('fills empty cells from the defaults, reads h:mm when told, and takes conditions and delays', () => {
    const csv = 'time,title,to,channel,when,delay\n1:30,Late,,,,\n,Reply,ic,,{answered: sev},2m\n';
    const result = importEvents(csv, { mapping: guessMapping(['time', 'title', 'to', 'channel', 'when', 'delay']), clock: 'h:mm', roles: ROLES, defaults: { channel: 'note', to: 'all' } });
    expect(result.problems).toEqual([]);
    expect(result.injects).toEqual([
      { id: 'late', at: '1h30m', to: 'all', channel: 'note', title: 'Late', body: 'Late' },
      { id: 'reply', when: { answered: 'sev' }, delay: '2m', to: ['ic'], channel: 'note', title: 'Reply', body: 'Reply' },
    ]);
  });
});

describe('export, and import back', () => {
  it.each(shipped)('%s: its events list exports to CSV and merges back without changing a byte', (file) => {
    const text = read(file);
    const doc = AuthorDocument.open(text);
    const csv = eventsToCsv(doc.value());
    const table = readCsvTable(csv);
    expect(table.rows).toHaveLength(loads(text).injects.length);
    const original = loads(text);
    const result = importEvents(csv, {
      mapping: guessMapping(table.headers),
      roles: original.roles,
      existingIds: original.injects.map((i) => i.id),
    });
    // Every id is already in the scenario: as new injects they are refused, merged they update.
    expect(result.problems.map((p) => p.message).every((m) => m.startsWith('the scenario already has an inject'))).toBe(true);
    const merged = importEvents(csv, { mapping: guessMapping(table.headers), roles: original.roles });
    expect(merged.problems).toEqual([]);
    expect(doc.importInjects(merged.injects, 'merge')).toEqual({ added: [], updated: original.injects.map((i) => i.id) });
    expect(doc.toString() === text).toBe(true);
  });

  it('an edited export merges back: changed times, channels and texts land, prompts stay', () => {
    const doc = AuthorDocument.open(SMALL);
    const csv = eventsToCsv(doc.value())
      .replace('page,5:00,', 'page,6:15,')
      .replace(',chat,,,Still down,', ',email,,,"=Still down, worse",');
    const result = importEvents(csv, { mapping: guessMapping(readCsvTable(csv).headers), roles: ROLES });
    expect(result.problems).toEqual([]);
    doc.importInjects(result.injects, 'merge');
    const s = loads(doc.toString());
    expect(s.injects[0]?.trigger).toEqual({ kind: 'at', at: 375 });
    expect(s.injects[0]?.prompts.map((p) => p.id)).toEqual(['sev']);
    expect(s.injects[1]?.channel).toBe('email');
    expect(s.injects[1]?.title).toBe('=Still down, worse');
    expect(doc.toString()).toContain('# keep this comment');
  });

  it('guards formulas on export and reads them back as written', () => {
    const doc = AuthorDocument.open(SMALL);
    doc.setField('inject', 'page', 'title', '=HYPERLINK("x")');
    doc.setField('inject', 'page', 'body', '- first\n- second\n');
    const csv = eventsToCsv(doc.value());
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`"'- first\n- second\n"`);
    const back = importEvents(csv, { mapping: guessMapping(readCsvTable(csv).headers), roles: ROLES });
    expect(back.injects[0]).toMatchObject({ title: '=HYPERLINK("x")', body: '- first\n- second\n' });
  });
});
