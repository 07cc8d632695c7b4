// The events list from an .xlsx workbook: the same table as CSV (so the same mapping, injects and
// problems by row and column), rows numbered as the spreadsheet shows them, times stored as
// fractions of a day read as times, formulas as their stored values, and hostile files refused.
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { workbook, type Cell } from '../../fixtures/xlsx-workbook.ts';
import { repoRoot } from '../scenario/helpers.ts';
import { describe, expect, it } from 'vitest';
import { CsvFileError, excelTimeText, formatKind, guessMapping, importEvents, importTable, openXlsx, readXlsxTable, MAX_XLSX_ROWS } from '../../../core/author/index.ts';

const ROLES = [{ id: 'ic', title: 'Incident commander' }, { id: 'eng', title: 'Engineer' }];

const HEADER: Cell[] = ['Time', 'Recipients', 'Channel', 'Title', 'Description'];

describe('reading an .xlsx events list', () => {
  it('gives the same injects and the same problems by row and column as the CSV of the same list', () => {
    // Rows as a spreadsheet holds them: the header on row 3 (the first row with something in it), a blank row, a time cell
    // stored as a fraction of a day ([m]:ss holding 5 minutes is 5/1440), a relative text time,
    // a number where a time belongs (refused, as in CSV), a formula with its stored value, a
    // shared string, an inline string and a boolean.
    const xlsx = workbook([{
      name: 'MSEL',
      rows: {
        2: [null, ''],
        3: HEADER,
        4: [{ time: 0 }, 'all', 'alert', 'Pager fires', 'CPU at 100% & <rising>'],
        5: [{ time: 5 / 1440 }, 'ic; Engineer', 'Slack', 'Status?', { formula: 'CONCAT("Wh","at now?")', cached: 'What now?' }],
        7: ['+2m', 'eng', 'email', { inline: 'Vendor mail' }, null],
        8: [5, 'eng', 'chat', 'Bare number', 'x'],
        9: [{ time: (1 * 3600 + 5 * 60 + 30) / 86400 }, 'all', 'emial', 'Misspelt channel', true],
        10: [{ formula: 'NOW()' }, 'all', 'note', 'Formula without a stored value', 'x'],
      },
    }]);
    const table = readXlsxTable(xlsx);
    expect(table.headerRow).toBe(3);
    expect(table.headers).toEqual(['Time', 'Recipients', 'Channel', 'Title', 'Description']);
    expect(table.rows.map((r) => r.row)).toEqual([4, 5, 7, 8, 9, 10]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['0:00:00', 'all', 'alert', 'Pager fires', 'CPU at 100% & <rising>'],
      ['0:05:00', 'ic; Engineer', 'Slack', 'Status?', 'What now?'],
      ['+2m', 'eng', 'email', 'Vendor mail', ''],
      ['5', 'eng', 'chat', 'Bare number', 'x'],
      ['1:05:30', 'all', 'emial', 'Misspelt channel', 'TRUE'],
      ['', 'all', 'note', 'Formula without a stored value', 'x'],
    ]);

    const options = { mapping: guessMapping(table.headers), roles: ROLES };
    const fromXlsx = importTable(table, options);
    
    // The same list as CSV: blank lines where the sheet has other rows, so row numbers agree.
    const csvText = [
      'Time,Recipients,Channel,Title,Description', '', '',
      '0:00:00,all,alert,Pager fires,CPU at 100% & <rising>',
      '0:05:00,ic; Engineer,Slack,Status?,What now?', '',
      '+2m,eng,email,Vendor mail,',
      '5,eng,chat,Bare number,x',
      '1:05:30,all,emial,Misspelt channel,TRUE',
      ',all,note,Formula without a stored value,x',
    ].join('\n');
    const fromCsv = importEvents(csvText, options);
    expect(fromXlsx.injects).toEqual(fromCsv.injects);
    expect(fromXlsx.problems).toEqual(fromCsv.problems);
    expect(fromXlsx.problems.map((p) => p.text)).toEqual([
      "row 8, column 'Time': '5' is not a time like 5:00, 1:05:00 or +5m (a bare number could be minutes or seconds: write 5m or 5s)",
      "row 9, column 'Channel': unknown channel 'emial'; channels are: alert, chat, email, ticket, status-page, news, call, dashboard, note; did you mean 'email'?",
      "row 10, column 'Time': no time: give a time like 5:00, 1:05:00 or +5m",
    ]);
    expect(fromXlsx.injects).toEqual([
      { id: 'pager-fires', at: '0s', to: 'all', channel: 'alert', title: 'Pager fires', body: 'CPU at 100% & <rising>' },
      { id: 'status', at: '5m', to: ['ic', 'eng'], channel: 'chat', title: 'Status?', body: 'What now?' },
      { id: 'vendor-mail', at: '7m', to: ['eng'], channel: 'email', title: 'Vendor mail', body: 'Vendor mail' },
    ]);
    expect(fromXlsx.preview).toEqual(fromXlsx.injects);
    // A mapping problem names the sheet's header row.
    expect(importTable(table, { mapping: { time: 'Time' }, roles: ROLES }).problems.map((p) => p.text)).toEqual(['row 3: map a column to the title: every inject needs one']);
  });

  it('reads times as the events list writes them, whatever the cell shows', () => {
    expect(excelTimeText(5 / 1440)).toBe('0:05:00');
    expect(excelTimeText(0.00347)).toBe('0:05:00'); // 299.8 s, as a rounded [m]:ss cell shows it
    expect(excelTimeText(25.5 / 24)).toBe('25:30:00');
    expect(formatKind('[m]:ss')).toBe('time');
    expect(formatKind('"at "h:mm')).toBe('time');
    expect(formatKind('mm:ss.0')).toBe('time');
    expect(formatKind('yyyy-mm-dd hh:mm')).toBe('datetime');
    expect(formatKind('d-mmm')).toBe('date');
    expect(formatKind('0.00')).toBe('number');
    expect(formatKind('0.00E+00')).toBe('number');
    expect(formatKind('"Day" 0')).toBe('number');
    // Style 2 is "at "h:mm: a time of day 1:30 reads 1 h 30 min with either clock.
    const xlsx = workbook([{ name: 'S', rows: { 1: ['time', 'title'], 2: [{ time: 1.5 / 24 }, 'A'] } }]);
    expect(readXlsxTable(xlsx).rows[0]?.cells[0]).toBe('1:30:00');
  });

  it('reads a workbook another program wrote (openpyxl 3.1.5: inline strings, [m]:ss and [hh]:mm:ss cells, a formula with no stored value)', () => {
    // test/fixtures/author/openpyxl-events.xlsx was written by:
    //   ws.title = "Events"; ws.append(["Time", "To", "Channel", "Title", "Body"])
    //   ws.append([datetime.time(0,5,0), "all", "alert", "Pager fires", "CPU high"]); ws["A2"].number_format = "[m]:ss"
    //   ws.append(["+2m", "ic", "chat", "Status?", '=CONCAT("a","b")'])
    //   ws.append([datetime.timedelta(minutes=90), "all", "email", "Mail", True]); ws.append([3, "all", "chat", "Bare", 1.5])
    //   wb.create_sheet("Other")
    const book = openXlsx(new Uint8Array(readFileSync(`${repoRoot}test/fixtures/author/openpyxl-events.xlsx`)));
    expect(book.sheets).toEqual(['Events', 'Other']);
    const table = book.table();
    expect(table).toEqual({
      headers: ['Time', 'To', 'Channel', 'Title', 'Body'],
      headerRow: 1,
      rows: [
        { row: 2, cells: ['0:05:00', 'all', 'alert', 'Pager fires', 'CPU high'] },
        { row: 3, cells: ['+2m', 'ic', 'chat', 'Status?', ''] },
        { row: 4, cells: ['1:30:00', 'all', 'email', 'Mail', 'TRUE'] },
        { row: 5, cells: ['3', 'all', 'chat', 'Bare', '1.5'] },
      ],
    });
    const result = importTable(table, { mapping: guessMapping(table.headers), roles: ROLES });
    expect(result.injects.map((i) => [i.id, i.at])).toEqual([['pager-fires', '5m'], ['status', '7m'], ['mail', '1h30m']]);
    expect(result.problems.map((p) => p.text)).toEqual([
      "row 5, column 'Time': '3' is not a time like 5:00, 1:05:00 or +5m (a bare number could be minutes or seconds: write 3m or 3s)",
    ]);
  });

  it("reads what XML allows and a spreadsheet writes: '>' in an attribute value, prefixed names, formatted empty rows beyond the row cap", () => {
    const styles = '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts><x:numFmt numFmtId="170" formatCode=\'[>=0.04166]h:mm:ss;mm:ss\'/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>';
    const emptyRows = Array.from({ length: MAX_XLSX_ROWS + 5 }, (_, i) => `<x:row r="${i + 3}" s="1" customFormat="1"><x:c r="A${i + 3}" s="1"/></x:row>`).join('');
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>time</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>title</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>${10 / 1440}</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">Ten &amp; counting_x000D_</x:t></x:is></x:c></x:row>${emptyRows}</x:sheetData></x:worksheet>`;
    const table = readXlsxTable(workbook([{ name: 'S', rows: {} }], { 'xl/styles.xml': styles, 'xl/worksheets/sheet1.xml': sheet }));
    expect(table.rows).toEqual([{ row: 2, cells: ['0:10:00', 'Ten & counting\r'] }]);
  });

  it('reads date cells as dates (a story time), in the 1900 and the 1904 date systems', () => {
    const serial = (Date.UTC(2026, 2, 14, 9, 30) - Date.UTC(1899, 11, 30)) / 86400000;
    const styles = '<styleSheet><numFmts><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="166"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet = (v1: number, v2: number) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>story time</t></is></c><c r="B1" t="inlineStr"><is><t>day</t></is></c></row><row r="2"><c r="A2" s="1"><v>${v1}</v></c><c r="B2" s="2"><v>${v2}</v></c></row></sheetData></worksheet>`;
    const read = (extra: Record<string, string>) => readXlsxTable(workbook([{ name: 'S', rows: {} }], { 'xl/styles.xml': styles, ...extra })).rows[0]?.cells;
    expect(read({ 'xl/worksheets/sheet1.xml': sheet(serial, Math.floor(serial)) })).toEqual(['2026-03-14 09:30', '2026-03-14']);
    // Serial 1 is 1 January 1900; 61 is 1 March 1900 (Excel counts a 29 February 1900 that never was).
    expect(read({ 'xl/worksheets/sheet1.xml': sheet(1, 61) })).toEqual(['1900-01-01 00:00', '1900-03-01']);
    expect(read({
      'xl/worksheets/sheet1.xml': sheet(serial - 1462, 1),
      'xl/workbook.xml': '<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    })).toEqual(['2026-03-14 09:30', '1904-01-02']);
  });

  it('lets the author pick a sheet, and says which sheets there are', () => {
    const xlsx = workbook([
      { name: 'Notes', rows: { 1: ['Read me'] } },
      { name: 'Events', rows: { 1: ['time', 'title'], 2: ['1:00', 'A'] } },
    ]);
    const book = openXlsx(xlsx);
    expect(book.sheets).toEqual(['Notes', 'Events']);
    expect(book.table().headers).toEqual(['Read me']);
    expect(book.table('Events').rows).toEqual([{ row: 2, cells: ['1:00', 'A'] }]);
    expect(book.table(1).headers).toEqual(['time', 'title']);
    expect(() => book.table('Nope')).toThrow("row 1: the workbook has no sheet 'Nope'; its sheets are: 'Notes', 'Events'");
  });
});

describe('refusing what is not an events list workbook', () => {
  const refusal = (bytes: Uint8Array) => {
    try {
      readXlsxTable(bytes);
    } catch (error) {
      if (error instanceof CsvFileError) return error.message;
      throw error;
    }
    return 'read';
  };

  it('refuses a zip bomb at the cap, before it is inflated whole', () => {
    // 40 MiB of zeros compress to ~40 kB: more than a part may unpack to.
    const huge = new Uint8Array(40 * 1024 * 1024);
    const bomb = zipSync({ 'xl/workbook.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(bomb)).toBe("row 1: 'xl/workbook.xml' would be 40.0 MiB unpacked; a part may be at most 32 MiB");
  });

  it('refuses a part that unpacks past the size its zip entry declares', () => {
    const honest = workbook([{ name: 'S', rows: { 1: ['time', 'title'] } }], { 'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${'<row/>'.repeat(100)}</sheetData></worksheet>` });
    // Rewrite the declared size of the sheet in the central directory to 10 bytes.
    const bytes = honest.slice();
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let at = bytes.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50 && view.getUint16(at + 28, true) === name.length && name.every((b, i) => bytes[at + 46 + i] === b)) {
        view.setUint32(at + 24, 10, true);
      }
    }
    expect(refusal(bytes)).toBe("row 1: 'xl/worksheets/sheet1.xml' unpacks to more than the 10 bytes its zip entry declares: the file is damaged or hostile");
  });

  it('refuses a sheet with too many rows, too wide a header, or a DOCTYPE, and a file that is not a workbook', () => {
    const rows: Record<number, Cell[]> = { 1: ['time', 'title'] };
    for (let r = 2; r <= MAX_XLSX_ROWS + 3; r++) rows[r] = ['1:00', 'x'];
    expect(refusal(workbook([{ name: 'Big', rows }]))).toBe(`row ${MAX_XLSX_ROWS + 2}: the sheet 'Big' has more than ${MAX_XLSX_ROWS} rows; an events list may have at most ${MAX_XLSX_ROWS}`);
    expect(refusal(workbook([{ name: 'S', rows: {} }], { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row></sheetData></worksheet>' })))
      .toBe('row 1: the header row spans 16384 columns (to XFD); an events list may have at most 256');
    expect(refusal(workbook([{ name: 'S', rows: {} }], { 'xl/worksheets/sheet1.xml': '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>' })))
      .toBe("row 1: the file is not a readable .xlsx workbook: 'xl/worksheets/sheet1.xml' has a DOCTYPE or declaration, which a workbook never has");
    expect(refusal(workbook([{ name: 'S', rows: {} }]))).toBe("row 1: the sheet 'S' is empty: its first row names the columns (time, to, channel, title, body...)");
    expect(refusal(new TextEncoder().encode('time,title\n1:00,A\n'))).toBe('row 1: the file is not a readable .xlsx workbook: it is not a zip archive (an .xlsx is one)');
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)])))
      .toBe('row 1: the file is not a readable .xlsx workbook: it is an Excel 97-2003 .xls file or a password-protected workbook: save it as .xlsx without a password, or as CSV');
    expect(refusal(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toBe("row 1: the file is not a readable .xlsx workbook: it has no 'xl/workbook.xml' (is it an .xlsx saved by a spreadsheet?)");
    expect(refusal(new Uint8Array(9 * 1024 * 1024))).toBe('row 1: the file is 9.00 MiB; an .xlsx events list may be at most 8 MiB');
  });
});
