// Runs of one scenario side by side, as files (issue 18, item 4): CSV for spreadsheets and one
// self-contained HTML page. The same rules as History's Compare view: rows are matched by
// objective id and metric name, never by position, and a run of a scenario version without a row
// says so; runs of different scenario versions (content hashes) are named version 1, 2, ...
//
// CSV is one row per run and measure (a pivot table puts the runs side by side), RFC 4180 with
// formula neutralizing (csvField). HTML goes through the element builder, so every name, title and
// facilitator is escaped, with no script and a CSP that forbids everything else.
import type { Comparison, ComparisonRun, SessionStatus } from '../protocol/bridge.ts';
import type { Debrief } from '../scoring/debrief-types.ts';
import { csvField } from './csv.ts';
import { fmtClock, fmtPercent, fmtSessionStart } from './format.ts';
import { REPORT_CSP } from './html/document.ts';
import { REPORT_CSS } from './html/style.ts';
import { classToken, h, trusted, type Html } from './html/tags.ts';

/** What a comparison says of a run besides its debrief. */
export interface ComparedRunFacts {
  sessionId: string;
  createdAt: number;
  startedAt: number | null;
  status: SessionStatus;
  contentHash: string;
  origin: string | null;
}

/** One run's column of a comparison, from its debrief (the service's sessions.compare and the CLI's). */
export function comparisonRunOf(debrief: Debrief, facts: ComparedRunFacts): ComparisonRun {
  return {
    ...facts, facilitator: debrief.session.facilitator ?? '', percent: debrief.score.percent, rating: debrief.score.rating,
    objectives: debrief.objectives.map((o) => ({ id: o.id, title: o.title, percent: o.percent, rating: o.rating })),
    metrics: debrief.metrics.map((m) => ({ name: m.name, at_s: m.at_s, target_s: m.target_s })),
  };
}

/**
 * The runs side by side, or why they cannot be: only runs of one scenario (by id; its versions may
 * differ) are compared, each at most once.
 */
export function buildComparison(runs: readonly { debrief: Debrief; facts: ComparedRunFacts }[]): { ok: true; value: Comparison } | { ok: false; code: string; message: string } {
  const first = runs[0];
  if (!first) return { ok: false, code: 'not-found', message: 'No session to compare.' };
  const seen = new Set<string>();
  for (const { debrief, facts } of runs) {
    if (seen.has(facts.sessionId)) return { ok: false, code: 'invalid-request', message: `Run ${facts.sessionId} is named twice in the comparison; name each run once.` };
    seen.add(facts.sessionId);
    if (debrief.scenario.id !== first.debrief.scenario.id) {
      return { ok: false, code: 'mismatch', message: `Only runs of the same scenario can be compared: ${facts.sessionId} ran '${debrief.scenario.title}', not '${first.debrief.scenario.title}'.` };
    }
  }
  return { ok: true, value: { scenarioId: first.debrief.scenario.id, scenarioTitle: first.debrief.scenario.title, runs: runs.map((r) => comparisonRunOf(r.debrief, r.facts)) } };
}

/** A short name for each scenario version, in the order the runs first used it. */
export function comparisonVersions(c: Comparison): Map<string, string> {
  const labels = new Map<string, string>();
  for (const run of c.runs) if (!labels.has(run.contentHash)) labels.set(run.contentHash, `version ${labels.size + 1}`);
  return labels;
}

/** Every key of every run, in the order first seen (the first run's order leads). */
export function unionOf<T>(runs: readonly ComparisonRun[], rows: (r: ComparisonRun) => readonly T[], key: (row: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const run of runs) for (const row of rows(run)) if (!seen.has(key(row))) seen.set(key(row), row);
  return [...seen.values()];
}

export const COMPARISON_COLUMNS = [
  'session_id', 'run_started', 'facilitator', 'scenario_version', 'content_hash', 'kind', 'id', 'title',
  'in_version', 'percent', 'rating', 'at_s', 'target_s',
] as const;
type Column = (typeof COMPARISON_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | boolean | null>>;

const runStart = (r: ComparisonRun): number => r.startedAt ?? r.createdAt;

export function renderComparisonCsv(c: Comparison): string {
  const versions = comparisonVersions(c);
  const objectives = unionOf(c.runs, (r) => r.objectives, (o) => o.id);
  const metrics = unionOf(c.runs, (r) => r.metrics, (m) => m.name);
  const rows: Row[] = [];
  for (const run of c.runs) {
    const base: Row = {
      session_id: run.sessionId, run_started: new Date(runStart(run)).toISOString(), facilitator: run.facilitator,
      scenario_version: versions.get(run.contentHash) ?? null, content_hash: run.contentHash,
    };
    rows.push({ ...base, kind: 'overall', id: '', title: 'Overall', in_version: true, percent: round(run.percent), rating: run.rating ?? null });
    for (const o of objectives) {
      const ro = run.objectives.find((x) => x.id === o.id);
      rows.push({ ...base, kind: 'objective', id: o.id, title: ro?.title ?? o.title, in_version: ro !== undefined, percent: round(ro?.percent ?? null), rating: ro?.rating ?? null });
    }
    for (const m of metrics) {
      const rm = run.metrics.find((x) => x.name === m.name);
      rows.push({ ...base, kind: 'metric', id: m.name, title: `Time to ${m.name}`, in_version: rm !== undefined, at_s: rm?.at_s == null ? null : Math.round(rm.at_s), target_s: rm?.target_s ?? null });
    }
  }
  const lines = [COMPARISON_COLUMNS.join(','), ...rows.map((row) => COMPARISON_COLUMNS.map((col) => csvField(row[col])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function round(percent: number | null): number | null {
  return percent === null ? null : Math.round(percent * 10) / 10;
}

const NOT_IN_VERSION = (): Html => h('span', { class: 'muted' }, 'not in this version');

export function renderComparisonHtml(c: Comparison): string {
  const versions = comparisonVersions(c);
  const mixed = versions.size > 1;
  const objectives = unionOf(c.runs, (r) => r.objectives, (o) => o.id);
  const metrics = unionOf(c.runs, (r) => r.metrics, (m) => m.name);
  const head = h('tr', null,
    h('th', { scope: 'col' }, 'Measure'),
    c.runs.map((r) => h('th', { scope: 'col' },
      fmtSessionStart(runStart(r)), h('br', null), h('span', { class: 'muted' }, r.facilitator),
      h('br', null), h('span', { class: 'muted', title: `Scenario content hash ${r.contentHash}` }, `Scenario ${versions.get(r.contentHash) ?? ''}`),
      r.origin ? [h('br', null), h('span', { class: 'muted' }, `Imported: ${r.origin}`)] : null)));
  const ratingBadge = (rating: string | null | undefined): Html | null => (rating ? h('span', { class: `badge r-${classToken(rating)}` }, rating) : null);
  const body = [
    h('tr', null, h('th', { scope: 'row' }, 'Overall'), c.runs.map((r) => h('td', null, h('strong', null, fmtPercent(r.percent)), ' ', ratingBadge(r.rating)))),
    ...objectives.map((o) => h('tr', null, h('th', { scope: 'row' }, o.title, h('br', null), h('code', null, o.id)), c.runs.map((r) => {
      const ro = r.objectives.find((x) => x.id === o.id);
      return h('td', null, ro ? [fmtPercent(ro.percent), ' ', ratingBadge(ro.rating)] : NOT_IN_VERSION());
    }))),
    ...metrics.map((m) => h('tr', null, h('th', { scope: 'row' }, `Time to ${m.name} (target ${fmtClock(m.target_s)})`), c.runs.map((r) => {
      const rm = r.metrics.find((x) => x.name === m.name);
      return h('td', null, rm === undefined ? NOT_IN_VERSION() : rm.at_s === null ? 'not met' : fmtClock(rm.at_s));
    }))),
  ];
  const page = h('html', { lang: 'en' },
    h('head', null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: REPORT_CSP }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('meta', { name: 'generator', content: 'Drillbook (comparison of runs)' }),
      h('title', null, `Compare runs: ${c.scenarioTitle}`),
      h('style', null, trusted(REPORT_CSS))),
    h('body', null,
      h('p', { class: 'kicker' }, 'Comparison of runs'),
      h('h1', null, c.scenarioTitle),
      h('p', { class: 'subtitle' }, `Scenario ${c.scenarioId}, ${c.runs.length} runs. Objectives are matched by id, metrics by name.`),
      mixed
        ? h('p', { class: 'warn', role: 'note' }, `These runs used ${versions.size} different versions of the scenario (its text changed between them): a row a version does not have says so. Compare the scores with care. `,
          [...versions].map(([hash, label], i) => [i > 0 ? '; ' : '', `${label}: `, h('code', null, hash)]))
        : null,
      h('table', null, h('thead', null, head), h('tbody', null, body))));
  return `<!DOCTYPE html>\n${page.value}\n`;
}

export const COMPARISON_FORMATS = ['csv', 'html'] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

export function renderComparison(c: Comparison, format: ComparisonFormat): string {
  return format === 'csv' ? renderComparisonCsv(c) : renderComparisonHtml(c);
}

/** The file name of a comparison export. */
export function comparisonFileName(c: Comparison, format: ComparisonFormat): string {
  return `${c.scenarioId}-comparison.${format}`;
}
