// renderDecisionsCsv: one row per decision, for spreadsheets. RFC 4180: CRLF line ends, every
// field with a comma, quote, CR or LF quoted, quotes doubled.
//
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (and some with tab or CR)
// as a formula. Any cell that starts with one of those gets a leading apostrophe ('=SUM(...)),
// which spreadsheets show as text; the apostrophe is visible in plain-text readers, on purpose.
// The check is made on the cell as written and again after NFKC folding and trimming leading
// blanks (" =1+1", "＝1+1"), as spreadsheets read them.
// Numbers we write are never negative, so no number is touched. C0 control characters other than
// tab, CR and LF are shown as their Unicode control pictures (NUL -> U+2400).
//
// Rows: first the overall rating (kind `overall`: the rating, the objective that capped it and the
// sentence that says why), then the scored answer of every delivered prompt (or the prompt
// unanswered), every earlier answer to a prompt that a later one replaced, and every action taken,
// ordered by time. Then the participant feedback summary, anonymous (no role column filled): a
// `feedback` row saying how many gave it, a `feedback-rating` row per rating question (answer: the
// median; summary: the count and the distribution), a `feedback-text` row per grouped answer
// (answer: how many wrote it) and a `feedback-action` row per suggested corrective action.
import type { Debrief, DebriefPrompt, DebriefTimelineEntry } from '../scoring/debrief-types.ts';
import { visibleControls } from './escape.ts';
import { FEEDBACK_ACTIONS_NOTE, feedbackHeadline, fmtDistribution, fmtMedian, priorityLabel } from './feedback.ts';
import { fmtPoints } from './format.ts';
import { applyOptions, type ReportOptions } from './options.ts';
import { overallOf, overallSentence } from './overall.ts';
import { answerText, type ReportView, buildView } from './view.ts';

export const DECISION_COLUMNS = [
  'kind',
  'at_s',
  'role',
  'role_title',
  'prompt',
  'inject',
  'objective',
  'question',
  'type',
  'answer',
  'answer_text',
  'delivered_at_s',
  'response_time_s',
  'within_s',
  'correctness_pct',
  'timeliness_pct',
  'points',
  'possible',
  'graded_by_facilitator',
  'grade_reason',
  'needs_review',
  'expected_best',
  'expected_acceptable',
  'summary',
  // Version 1.1, appended so that the columns before keep their places.
  'rating',
  'avoided',
  'provisional',
] as const;

type Column = (typeof DECISION_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | boolean | null>>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, neutralized against formulas and quoted where RFC 4180 requires it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : visibleControls(String(value));
  // A spreadsheet skips leading blanks and folds full-width ＝＋－＠ to = + - @ before it decides
  // that a cell is a formula: so does the check.
  if (FORMULA_START.test(text) || FORMULA_START.test(text.normalize('NFKC').trimStart())) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function seconds(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

function promptRow(p: DebriefPrompt, view: ReportView): Row {
  return {
    kind: p.answer === null ? 'unanswered' : 'answer',
    at_s: seconds(p.answered_at_s),
    role: p.role,
    role_title: view.roleTitle(p.role),
    prompt: p.id,
    inject: p.inject,
    objective: p.objective,
    question: p.ask,
    type: p.type,
    answer: p.answer === null ? null : Array.isArray(p.answer) ? p.answer.join(';') : p.answer,
    answer_text: answerText(p),
    delivered_at_s: seconds(p.delivered_at_s),
    response_time_s: seconds(p.response_time_s),
    within_s: seconds(p.within_s),
    correctness_pct: Math.round(p.correctness * 100),
    timeliness_pct: Math.round(p.timeliness * 100),
    points: fmtPoints(p.points),
    possible: fmtPoints(p.possible),
    graded_by_facilitator: p.graded_by_facilitator,
    grade_reason: p.grade?.reason ?? null,
    needs_review: p.needs_review,
    expected_best: p.expected.best.join(';'),
    expected_acceptable: p.expected.acceptable.join(';'),
    avoided: p.avoided.join('; '),
    provisional: p.provisional,
  };
}

/** The overall rating, leading the file: `objective` names the objective that capped it. */
function overallRow(view: ReportView): Row {
  const { score } = view.debrief;
  return {
    kind: 'overall',
    objective: score.capped_by,
    points: fmtPoints(score.points),
    possible: fmtPoints(score.possible),
    summary: overallSentence(overallOf(view.debrief)),
    rating: score.rating,
  };
}

function timelineRow(kind: string, e: DebriefTimelineEntry, view: ReportView): Row {
  const role = e.role ?? (e.actor === 'facilitator' || e.actor === 'system' ? null : e.actor);
  return {
    kind,
    at_s: seconds(e.at_s),
    role,
    role_title: view.roleTitle(role),
    prompt: e.prompt,
    inject: e.inject,
    summary: e.summary,
  };
}

/** The rows in time order: [sort time, seq-like tiebreak, row]. */
function rows(view: ReportView): Row[] {
  const { debrief } = view;
  const scored = new Map(debrief.prompts.map((p) => [p.id, p] as const));
  const decisionsByPrompt = new Map<string, DebriefTimelineEntry[]>();
  const keyed: [number, number, Row][] = [];
  for (const e of debrief.timeline) {
    if (e.kind !== 'decision') continue;
    if (e.prompt === null) {
      keyed.push([e.at_s, e.seq, timelineRow('action', e, view)]);
      continue;
    }
    const list = decisionsByPrompt.get(e.prompt) ?? [];
    list.push(e);
    decisionsByPrompt.set(e.prompt, list);
  }
  for (const [promptId, list] of decisionsByPrompt) {
    // The last answer is the scored one (shown by its prompt row); the others were replaced.
    const earlier = scored.get(promptId)?.answer === null ? list : list.slice(0, -1);
    for (const e of earlier) keyed.push([e.at_s, e.seq, timelineRow('replaced-answer', e, view)]);
  }
  debrief.prompts.forEach((p, i) => {
    keyed.push([p.answered_at_s ?? debrief.session.duration_s, Number.MAX_SAFE_INTEGER - debrief.prompts.length + i, promptRow(p, view)]);
  });
  keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return [overallRow(view), ...keyed.map((k) => k[2]), ...feedbackRows(view)];
}

function feedbackRows(view: ReportView): Row[] {
  const f = view.debrief.feedback;
  if (!f) return [];
  const out: Row[] = [{ kind: 'feedback', answer: f.respondents, summary: feedbackHeadline(f) }];
  if (f.respondents === 0) return out;
  for (const q of f.scales) {
    out.push({ kind: 'feedback-rating', question: q.ask, answer: fmtMedian(q.median), summary: `${q.count} ${q.count === 1 ? 'answer' : 'answers'}; ${fmtDistribution(q.distribution)}` });
  }
  for (const q of f.texts) for (const a of q.answers) out.push({ kind: 'feedback-text', question: q.ask, answer: a.count, answer_text: a.text });
  for (const a of f.actions) {
    out.push({ kind: 'feedback-action', question: 'Suggested corrective action', answer: priorityLabel(a.priority), answer_text: a.action, summary: `Who should own it: ${a.owner || 'not said'}. ${FEEDBACK_ACTIONS_NOTE}` });
  }
  return out;
}

export function renderDecisionsCsv(input: Debrief, options: ReportOptions = {}): string {
  const view = buildView(applyOptions(input, options));
  const lines = [DECISION_COLUMNS.map(csvField).join(',')];
  for (const row of rows(view)) lines.push(DECISION_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
