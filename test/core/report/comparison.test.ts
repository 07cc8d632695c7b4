// The comparison of runs as files (issue 18, item 4): CSV rows matched by objective id with the
// scenario version of each run, HTML side by side; names, titles and ids from scenario files and
// people are escaped in HTML and neutralized against formulas in CSV. The last test goes through
// the application service (sessions.exportComparison) on real runs.
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../core/protocol/bridge.ts';
import { renderComparisonCsv, renderComparisonHtml } from '../../../core/report/comparison.ts';
import { REPORT_CSP } from '../../../core/report/index.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { VirtualTimers } from '../../../core/engine/index.ts';

const HASH_1 = '1'.repeat(64);
const HASH_2 = '2'.repeat(64);

function comparison(): Comparison {
  return {
    scenarioId: 'evil-drill',
    scenarioTitle: '<script>alert("title")</script> & drill',
    runs: [
      {
        sessionId: 'run-one-00001', createdAt: Date.UTC(2026, 0, 5, 9), startedAt: Date.UTC(2026, 0, 5, 9, 30), facilitator: '=HYPERLINK("http://evil.example","x")',
        status: 'ended', percent: 75, rating: 'S', contentHash: HASH_1, origin: null,
        objectives: [
          { id: 'detect', title: 'Detect, "quickly"\nand well', percent: 100, rating: 'P' },
          { id: 'comms', title: '<img src=x onerror=alert(1)>', percent: 50, rating: 'M' },
        ],
        metrics: [{ name: 'detect', at_s: 95.4, target_s: 300 }],
      },
      {
        sessionId: 'run-two-00002', createdAt: Date.UTC(2026, 1, 5, 9), startedAt: null, facilitator: 'Bea',
        status: 'ended', percent: 40, rating: 'M', contentHash: HASH_2, origin: 'team-b <b>.drillbook',
        objectives: [
          { id: 'triage', title: 'Triage', percent: 0, rating: 'U' },
          { id: 'detect', title: 'Detect, "quickly"\nand well', percent: 80, rating: 'S' },
        ],
        metrics: [{ name: 'detect', at_s: null, target_s: 300 }],
      },
    ],
  };
}

/** RFC 4180 parsing, enough for the test: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

describe('comparison export', () => {
  it('CSV: one row per run and measure, matched by objective id, naming each run\'s scenario version', () => {
    const csv = renderComparisonCsv(comparison());
    expect(csv.endsWith('\r\n')).toBe(true);
    const [head, ...rows] = parseCsv(csv);
    expect(head).toEqual(['session_id', 'run_started', 'facilitator', 'scenario_version', 'content_hash', 'kind', 'id', 'title', 'in_version', 'percent', 'rating', 'at_s', 'target_s']);
    const col = (name: string) => head!.indexOf(name);
    const find = (session: string, kind: string, id: string) => rows.find((r) => r[0] === session && r[col('kind')] === kind && r[col('id')] === id)!;
    // Each run has overall + 3 objectives (the union, by id) + 1 metric.
    expect(rows).toHaveLength(2 * 5);
    expect(find('run-one-00001', 'objective', 'detect')).toEqual(expect.arrayContaining(['100', 'P', 'yes']));
    expect(find('run-two-00002', 'objective', 'detect')[col('percent')]).toBe('80');
    expect(find('run-two-00002', 'objective', 'detect')[col('rating')]).toBe('S');
    // A run of a version without the objective says so, with no score borrowed from a neighbour.
    const missing = find('run-one-00001', 'objective', 'triage');
    expect([missing[col('in_version')], missing[col('percent')], missing[col('rating')]]).toEqual(['no', '', '']);
    expect(find('run-one-00001', 'overall', '')[col('scenario_version')]).toBe('version 1');
    expect(find('run-two-00002', 'overall', '')[col('scenario_version')]).toBe('version 2');
    expect(find('run-two-00002', 'overall', '')[col('content_hash')]).toBe(HASH_2);
    // Started: the clock's start, or the set-up time of a run never started.
    expect(find('run-one-00001', 'overall', '')[col('run_started')]).toBe('2026-01-05T09:30:00.000Z');
    expect(find('run-two-00002', 'overall', '')[col('run_started')]).toBe('2026-02-05T09:00:00.000Z');
    expect(find('run-one-00001', 'metric', 'detect')[col('at_s')]).toBe('95');
    expect(find('run-two-00002', 'metric', 'detect')[col('at_s')]).toBe('');
    // Text survives quoting (comma, quotes, newline) and a formula is neutralized.
    expect(find('run-one-00001', 'objective', 'detect')[col('title')]).toBe('Detect, "quickly"\nand well');
    expect(find('run-one-00001', 'overall', '')[col('facilitator')]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('HTML: side by side, every text escaped, no script, the versions named', () => {
    const html = renderComparisonHtml(comparison());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="${REPORT_CSP.replace(/'/g, '&#39;')}"`);
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; drill');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Imported: team-b &lt;b&gt;.drillbook');
    expect(html).toContain('These runs used 2 different versions of the scenario');
    expect(html).toContain(HASH_1);
    // The Triage row: the first run's version has no such objective.
    const triageRow = /<tr><th scope="row">Triage.*?<\/tr>/s.exec(html)?.[0] ?? '';
    expect(triageRow).toContain('not in this version');
    expect(triageRow).toContain('0%');
    const detectRow = /<tr><th scope="row">Detect.*?<\/tr>/s.exec(html)?.[0] ?? '';
    expect(detectRow.indexOf('100%')).toBeLessThan(detectRow.indexOf('80%'));
  });

  it('through the service: sessions.exportComparison on two real runs, and the refusals', async () => {
    const timers = new VirtualTimers(0);
    let n = 0;
    const service = new AppService({ storage: createMemoryStorage(), timers, wall: () => 1_790_000_000_000 + timers.now(), newId: () => `sess-${++n}-0000000000` });
    const text = `format: drillbook/scenario@1
id: export-drill
title: "Export <drill>"
duration: 10m
summary: One question.
objectives:
  - id: detect
    title: "=Detect"
roles:
  - id: ic
    title: IC
injects:
  - id: first
    at: 0s
    to: [ic]
    channel: alert
    title: Pager
    body: Something broke.
    prompts:
      - id: q
        role: ic
        type: choice
        ask: What broke?
        options:
          - {id: right, label: The cache}
          - {id: wrong, label: The moon}
        expect: {best: [right]}
        objective: detect
        points: 10
`;
    const entry = await service.request('library.import', { fileName: 'export.yaml', text });
    if (!entry.ok) throw new Error(entry.error.message);
    const ids: string[] = [];
    for (const answer of ['right', 'wrong']) {
      const s = await service.request('sessions.create', { entryId: entry.value.entryId, facilitator: 'Ada', participants: [{ name: 'Bo', roles: ['ic'] }] });
      if (!s.ok) throw new Error(s.error.message);
      const id = s.value.sessionId;
      await service.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.start' } });
      timers.advanceBy(1000);
      await service.request('live.dispatch', { sessionId: id, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'q', answer } });
      await service.request('live.dispatch', { sessionId: id, actor: 'facilitator', command: { type: 'session.end' } });
      ids.push(id);
    }
    const csv = await service.request('sessions.exportComparison', { sessionIds: ids, format: 'csv' });
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.value).toMatchObject({ format: 'csv', fileName: 'export-drill-comparison.csv', mime: 'text/csv', encoding: 'utf8' });
    const rows = parseCsv(csv.value.content).filter((r) => r[5] === 'objective');
    expect(rows.map((r) => [r[0], r[7], r[9], r[10]])).toEqual([[ids[0], "'=Detect", '100', 'P'], [ids[1], "'=Detect", '0', 'U']]);
    const html = await service.request('sessions.exportComparison', { sessionIds: ids, format: 'html' });
    if (!html.ok) throw new Error(html.error.message);
    expect(html.value.fileName).toBe('export-drill-comparison.html');
    expect(html.value.content).toContain('Export &lt;drill&gt;');
    const twice = await service.request('sessions.exportComparison', { sessionIds: [ids[0]!, ids[0]!], format: 'csv' });
    expect(twice.ok ? null : twice.error.code).toBe('invalid-request');
    const unknown = await service.request('sessions.exportComparison', { sessionIds: [ids[0]!, 'nope-000000'], format: 'html' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found');
    const badFormat = await service.request('sessions.exportComparison', { sessionIds: ids, format: 'pdf' } as never);
    expect(badFormat.ok ? null : badFormat.error.code).toBe('invalid-request');
    service.dispose();
  });
});
