// Every format for every shipped play: the real loader, engine and scoring behind the reports,
// and `drillbook simulate --format html,md,csv,json,pdf` end to end for one of them.
import { parse as parseCsv } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECISION_COLUMNS, renderDecisionsCsv, renderHtml, renderJson, renderMarkdown } from '../../../core/report/index.ts';
import { fmtPercent, fmtPoints } from '../../../core/report/format.ts';
import { loadPlay, loadScenario } from '../../../core/scenario/index.ts';
import { simulatePlay } from '../../../core/scoring/index.ts';
import { main } from '../../../electron/cli/main.ts';
import { liveContent, parseReport } from '../../core/report/parse-html.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const playsDir = join(root, 'scenarios', 'plays');
const plays = readdirSync(playsDir).filter((f) => f.endsWith('.yaml')).sort();
const out = mkdtempSync(join(tmpdir(), 'drillbook-plays-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function debriefOf(playFile: string) {
  const playText = readFileSync(join(playsDir, playFile), 'utf8');
  const play = loadPlay(playText, playFile);
  if (!play.ok) throw new Error(`${playFile} does not load`);
  const scenarioFile = `${playFile.split('.')[0]}.yaml`;
  const scenario = loadScenario(readFileSync(join(root, 'scenarios', scenarioFile), 'utf8'), scenarioFile);
  if (!scenario.ok) throw new Error(`${scenarioFile} does not load`);
  return simulatePlay(scenario.value, play.value, { wallStart: Date.UTC(2026, 10, 20, 9) }).debrief;
}

describe('reports of the shipped plays', () => {
  it('there are plays to report on', () => {
    expect(plays.length).toBeGreaterThan(0);
  });

  it.each(plays)('%s: every text format', (playFile) => {
    const debrief = debriefOf(playFile);
    const doc = parseReport(renderHtml(debrief));
    expect(liveContent(doc)).toEqual([]);
    const summary = doc.querySelector('header .summary')?.textContent ?? '';
    expect(summary).toContain(fmtPercent(debrief.score.percent));
    // The overall rating leads; a cap is explained right under it, naming the weakest objective.
    expect(doc.querySelector('header .card.overall .rating')?.textContent).toBe(debrief.score.rating ?? '–');
    const capped = debrief.objectives.find((o) => o.id === debrief.score.capped_by);
    expect(doc.querySelector('header p.cap em')?.textContent ?? null).toBe(capped ? capped.title : null);
    const ratings = Array.from(doc.querySelectorAll('#objectives tbody tr')).map((tr) => tr.querySelector('.rating')?.textContent);
    expect(ratings).toEqual(debrief.objectives.map((o) => o.rating ?? '–'));
    expect(doc.querySelectorAll('#timeline tbody tr')).toHaveLength(debrief.timeline.length);

    const md = renderMarkdown(debrief);
    expect(md).toContain(`**Overall ${debrief.score.rating}: `);
    expect(md).toContain(`** (${fmtPercent(debrief.score.percent)}, `);
    if (capped) expect(md).toContain(`Overall ${debrief.score.rating}: capped by *${capped.title}* (${capped.rating}`);
    else expect(md).not.toContain('capped by');
    expect(md).not.toMatch(/<[a-zA-Z!/?]/);

    const rows = parseCsv(renderDecisionsCsv(debrief), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...DECISION_COLUMNS]);
    const scoredRows = rows.filter((r) => r.kind === 'answer' || r.kind === 'unanswered');
    expect(scoredRows.map((r) => r.prompt).sort()).toEqual(debrief.prompts.map((p) => p.id).sort());
    const actions = debrief.timeline.filter((e) => e.kind === 'decision' && e.prompt === null).length;
    expect(rows.filter((r) => r.kind === 'action')).toHaveLength(actions);

    expect(JSON.parse(renderJson(debrief))).toEqual(JSON.parse(JSON.stringify(debrief)));
  });

  it('drillbook simulate --format html,md,csv,json,pdf writes all five, the PDF with the figures', async () => {
    const playFile = plays.find((p) => p.startsWith('recsys-null-results.')) ?? plays[0]!;
    const scenarioFile = join(root, 'scenarios', `${playFile.split('.')[0]}.yaml`);
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await main(['simulate', scenarioFile, '--play', join(playsDir, playFile), '--out', 'out', '--format', 'html,md,csv,json,pdf'], {
      out: (t) => lines.push(t),
      err: (t) => errors.push(t),
      cwd: out,
    });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(join(out, 'out')).sort()).toEqual(['debrief.html', 'debrief.json', 'debrief.md', 'debrief.pdf', 'decisions.csv']);
    const debrief = JSON.parse(readFileSync(join(out, 'out', 'debrief.json'), 'utf8')) as ReturnType<typeof debriefOf>;
    const text = execFileSync('pdftotext', [join(out, 'out', 'debrief.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The overall figure (summary card) and each objective's percent and rating (chart labels).
    expect(text).toContain(fmtPercent(debrief.score.percent));
    expect(text).toContain(`Overall ${debrief.score.rating}: `);
    expect(text).toContain(`${fmtPoints(debrief.score.points)} of ${fmtPoints(debrief.score.possible)} points`);
    for (const o of debrief.objectives) expect(text).toContain(`${fmtPercent(o.percent)} ${o.rating ?? ''}`.trim());
    expect(lines.filter((l) => l.startsWith('Wrote '))).toHaveLength(5);
  });

  it('drillbook simulate without Chromium: the other formats are written, the message says what to install', async () => {
    const playFile = plays[0]!;
    const scenarioFile = join(root, 'scenarios', `${playFile.split('.')[0]}.yaml`);
    const errors: string[] = [];
    const saved = process.env.DRILLBOOK_CHROMIUM;
    process.env.DRILLBOOK_CHROMIUM = '/nonexistent/chromium';
    try {
      const code = await main(['simulate', scenarioFile, '--play', join(playsDir, playFile), '--out', 'nochrome', '--format', 'pdf,html,csv'], {
        out: () => undefined,
        err: (t) => errors.push(t),
        cwd: out,
      });
      expect(code).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.DRILLBOOK_CHROMIUM;
      else process.env.DRILLBOOK_CHROMIUM = saved;
    }
    expect(errors.join('\n')).toContain("DRILLBOOK_CHROMIUM is set to '/nonexistent/chromium', which is not an executable file");
    expect(readdirSync(join(out, 'nochrome')).sort()).toEqual(['debrief.html', 'decisions.csv']);
  });
});
