// The sections of the After-Action Report / Improvement Plan (HSEEP), in reading order. Every
// piece of text from the model is passed to h() as a string, so it is escaped on the way out.
import type { DebriefNote, DebriefObjective, DebriefPrompt } from '../../scoring/debrief-types.ts';
import { registerStatusText } from '../register-status.ts';
import {
  fmtClock,
  fmtDuration,
  fmtFraction,
  fmtPercent,
  fmtPoints,
  fmtSpeed,
  fmtWallTime,
  ratingLabel,
} from '../format.ts';
import { capReason, eegInForce, overallHeadline, overallLabel, overallOf, provisionalSentence } from '../overall.ts';
import { answerText, expectedText, metricStatus, participantsLine, pauseText, stepStatus, type ObjectiveView, type ReportView } from '../view.ts';
import { condenseTimeline } from '../condense.ts';
import { FEEDBACK_ACTIONS_NOTE, feedbackHeadline, fmtDistribution, fmtMedian, priorityLabel } from '../feedback.ts';
import { metricsChart, objectivesChart, timelineChart } from './charts.ts';
import { renderScenarioMarkdown } from './markdown.ts';
import { classToken, h, type Child, type Html } from './tags.ts';

function table(head: (string | [string, string])[], rows: Child[], cls?: string): Html {
  const ths = head.map((c) => (Array.isArray(c) ? h('th', { class: c[1] }, c[0]) : h('th', null, c)));
  return h('table', { class: cls }, h('thead', null, h('tr', null, ths)), h('tbody', null, rows));
}

function ratingBadge(rating: string | null): Html {
  return h('span', { class: `rating rating-${classToken(rating)}`, title: ratingLabel(rating) }, rating ?? '–');
}

function userText(text: string | null, empty = ''): Html {
  return text === null || text === '' ? h('span', { class: 'muted' }, empty) : h('span', { class: 'user' }, text);
}

/**
 * The overall rating first (scenario-format.md, version 1.1), and when the weakest objective capped
 * it, which objective and why: "Overall M: capped by Communicate (U). 78% would be S; ...".
 */
function overallStatement(view: ReportView): Html[] {
  const o = overallOf(view.debrief);
  const out: Html[] = [];
  if (o.cap) {
    out.push(h('p', { class: 'cap' },
      h('strong', null, overallLabel(o)), ': capped by ', h('em', null, h('bdi', null, o.cap.title)),
      ` (${o.cap.rating ?? 'not rated'}${o.cap.overridden ? ', set by the facilitator' : ''}). `, capReason(o)));
  }
  const provisional = provisionalSentence(o.provisional);
  if (provisional) out.push(h('p', { class: 'notice provisional' }, provisional));
  return out;
}

export function header(view: ReportView): Html {
  const { debrief } = view;
  const date = fmtWallTime(debrief.session.started_at);
  const o = overallOf(debrief);
  return h(
    'header',
    null,
    h('p', { class: 'kicker' }, 'After-Action Report / Improvement Plan'),
    h('h1', null, h('bdi', null, debrief.scenario.title)),
    h('p', { class: 'subtitle' }, date === '' ? 'Exercise date not recorded' : `Exercise of ${date}`, ` · session `, h('bdi', null, debrief.session.id)),
    h(
      'div',
      { class: 'summary' },
      h(
        'div',
        { class: 'card overall' },
        h('span', { class: 'big' }, ratingBadge(o.rating), ' ', fmtPercent(debrief.score.percent)),
        h('span', { class: 'label' }, overallHeadline(o)),
        h('span', { class: 'label points' }, `${fmtPoints(debrief.score.points)} of ${fmtPoints(debrief.score.possible)} points`),
      ),
      debrief.objectives.map((o) =>
        h('div', { class: 'card' }, h('span', { class: 'big' }, ratingBadge(o.rating), ' ', fmtPercent(o.percent)), h('span', { class: 'label' }, h('bdi', null, o.title))),
      ),
    ),
    overallStatement(view),
  );
}

export function overview(view: ReportView): Html {
  const { debrief } = view;
  const s = debrief.session;
  const pauses = debrief.controls.pauses.map((p) =>
    h('li', null, pauseText(p), p.reason ? [' — ', userText(p.reason)] : null),
  );
  const speeds = debrief.controls.speed_changes.map((c) => h('li', null, `${fmtClock(c.at_s)}: clock ${fmtSpeed(c.speed)}`));
  const rows: Html[] = [
    h('tr', null, h('th', null, 'Scenario'), h('td', null, userText(debrief.scenario.title), h('span', { class: 'muted' }, ` (${debrief.scenario.id}, ${debrief.scenario.level})`))),
    h('tr', null, h('th', null, 'Scenario version'), h('td', null, debrief.scenario.content_hash ?? 'not recorded')),
    h('tr', null, h('th', null, 'Session'), h('td', null, s.id)),
    h('tr', null, h('th', null, 'Started'), h('td', null, fmtWallTime(s.started_at) || 'not recorded')),
    h('tr', null, h('th', null, 'Ended'), h('td', null, fmtWallTime(s.ended_at) || 'not recorded')),
    h('tr', null, h('th', null, 'Duration (exercise clock)'), h('td', null, fmtDuration(s.duration_s))),
    h('tr', null, h('th', null, 'Facilitator'), h('td', null, userText(s.facilitator, 'not recorded'))),
    h('tr', null, h('th', null, 'Participants'), h('td', null, participantsLine(view))),
    h('tr', null, h('th', null, 'Pauses'), h('td', null, pauses.length > 0 ? h('ul', { class: 'notes' }, pauses) : 'none')),
    h('tr', null, h('th', null, 'Speed changes'), h('td', null, speeds.length > 0 ? h('ul', { class: 'notes' }, speeds) : 'none (real time)')),
  ];
  const roles = view.roles.map((r) =>
    h('tr', null, h('td', null, userText(r.title), h('span', { class: 'muted' }, ` (${r.role})`)), h('td', null, r.names.map((name, i) => [i > 0 ? ', ' : '', h('bdi', null, name)]))),
  );
  const rejected = debrief.rejected ?? [];
  return h(
    'section',
    { id: 'overview' },
    h('h2', null, 'Exercise overview'),
    h('table', { class: 'kv' }, h('tbody', null, rows)),
    h('h3', null, 'Participants by role'),
    roles.length > 0 ? table(['Role', 'Participants'], roles) : h('p', { class: 'muted' }, 'No participants recorded.'),
    rejected.length > 0
      ? [
          h('h3', null, 'Rejected script events (dry run)'),
          table([['At', 'time w-time'], 'Event', 'Reason'], rejected.map((r) => h('tr', null, h('td', { class: 'time' }, fmtClock(r.at_s)), h('td', null, userText(r.event)), h('td', null, userText(r.reason))))),
        ]
      : null,
    h('h3', null, 'Timeline at a glance'),
    timelineChart(view),
  );
}

/** The exercise evaluation guide's description of the rating in force, when the scenario has one. */
function eegCell(o: DebriefObjective): Html | null {
  const eeg = eegInForce(o);
  return eeg === null ? null : h('div', { class: 'eeg' }, h('span', { class: 'muted' }, `Evaluation guide, ${o.rating ?? ''}: `), renderScenarioMarkdown(eeg));
}

export function objectives(view: ReportView): Html {
  const rows = view.debrief.objectives.map((o) =>
    h(
      'tr',
      null,
      h('td', null, h('strong', null, userText(o.title)), o.description ? h('div', { class: 'desc' }, renderScenarioMarkdown(o.description)) : null),
      h('td', null, userText(o.capability, '—')),
      h('td', null, ratingBadge(o.rating), ' ', ratingLabel(o.rating), eegCell(o)),
      h('td', { class: 'num' }, `${fmtPoints(o.points)} / ${fmtPoints(o.possible)}`, h('br', null), h('strong', null, fmtPercent(o.percent))),
      h(
        'td',
        null,
        o.rating_override
          ? ['Set by the facilitator (computed: ', ratingBadge(o.computed_rating), '): ', userText(o.rating_override.reason)]
          : h('span', { class: 'muted' }, 'Computed from the score'),
      ),
    ),
  );
  return h(
    'section',
    { id: 'objectives' },
    h('h2', null, 'Objectives and ratings'),
    h('p', { class: 'muted' }, 'Ratings: P at 90% or more, S at 70%, M at 40%, else U; a facilitator may set a rating with a reason. The overall rating is at most one band above the weakest objective.'),
    objectivesChart(view),
    table([['Objective', 'w-objective'], ['Capability', 'w-cap'], ['Rating', 'w-rating'], ['Score', 'num w-pts'], 'How the rating was set'], rows),
  );
}

function noteList(title: string, notes: DebriefNote[], view: ReportView): Html | null {
  if (notes.length === 0) return null;
  return h(
    'div',
    null,
    h('h4', null, title),
    h('ul', { class: 'notes' }, notes.map((note) => h('li', null, h('span', { class: 'muted' }, `${fmtClock(note.at_s)}${note.role ? ` · ${view.roleTitle(note.role)}` : ''} — `), userText(note.text)))),
  );
}

const DECISION_COLUMNS = 8;

/**
 * A decision's row, and when the facilitator graded it, a row of its own under it for the grade and
 * its reason: a sentence does not fit the narrow Correct column (issue 14, item 18).
 */
function decisionRows(p: DebriefPrompt, view: ReportView): Html[] {
  const main = decisionRow(p, view);
  if (!p.grade) return [main];
  return [
    main,
    h('tr', { class: 'grade' }, h('td', { colspan: DECISION_COLUMNS },
      h('span', { class: 'muted' }, `Graded by the facilitator: ${fmtFraction(p.grade.credit)} correct — `), userText(p.grade.reason))),
  ];
}

function decisionRow(p: DebriefPrompt, view: ReportView): Html {
  const answer = answerText(p);
  const within = p.within_s === null ? '' : `within ${fmtDuration(p.within_s)}`;
  return h(
    'tr',
    { class: p.grade ? 'graded' : undefined },
    h('td', null, h('span', { class: 'time' }, fmtClock(p.delivered_at_s)), h('div', null, userText(view.roleTitle(p.role)))),
    h('td', null, userText(p.ask)),
    h('td', null, userText(expectedText(p), 'no expectation')),
    h(
      'td',
      null,
      userText(answer, 'no answer'),
      p.needs_review ? h('div', { class: 'late' }, 'needs review') : null,
      p.provisional ? h('div', { class: 'provisional' }, 'provisional: keyword credit, not graded') : null,
      p.avoided.map((why) => h('div', { class: 'avoided' }, h('span', { class: 'late' }, 'Avoid: '), userText(why))),
    ),
    h('td', null, p.response_time_s === null ? '—' : fmtDuration(p.response_time_s), within ? h('div', { class: 'muted' }, within) : null),
    h('td', { class: 'num' }, fmtFraction(p.correctness), p.grade ? h('div', { class: 'muted' }, 'graded') : null),
    h('td', { class: 'num' }, fmtFraction(p.timeliness)),
    h('td', { class: 'num' }, `${fmtPoints(p.points)} / ${fmtPoints(p.possible)}`),
  );
}

function objectiveAnalysis(group: ObjectiveView, view: ReportView): Html {
  const o = group.objective;
  const title = o === null ? 'Not tied to an objective' : o.title;
  const noNotes = group.strengths.length + group.improvements.length + group.observations.length === 0;
  return h(
    'section',
    { class: 'objective' },
    h('h3', null, o ? [ratingBadge(o.rating), ' '] : null, userText(title), o ? h('span', { class: 'muted' }, ` — ${fmtPercent(o.percent)}`) : null),
    noteList('Strengths', group.strengths, view),
    noteList('Areas for improvement', group.improvements, view),
    noteList('Observations', group.observations, view),
    noNotes ? h('p', { class: 'muted' }, 'No facilitator notes for this objective.') : null,
    h('h4', null, 'Decisions'),
    group.prompts.length > 0
      ? table(
          [['Delivered, to', 'w-who'], 'Question', 'Expected', 'Actual', ['Response', 'w-resp'], ['Correct', 'num w-num'], ['Timely', 'num w-num'], ['Points', 'num w-pts']],
          group.prompts.flatMap((p) => decisionRows(p, view)),
        )
      : h('p', { class: 'muted' }, 'No decisions were asked for this objective.'),
  );
}

export function analysis(view: ReportView, notesIncluded: boolean): Html {
  return h(
    'section',
    { id: 'analysis' },
    h('h2', { class: 'new-page' }, 'Analysis of objectives'),
    notesIncluded ? null : h('p', { class: 'notice' }, 'Facilitator notes are left out of this export.'),
    view.objectives.map((group) => objectiveAnalysis(group, view)),
  );
}

export function runbook(view: ReportView): Html {
  const steps = view.debrief.steps;
  const rows = steps.map((s) => {
    const status = stepStatus(s);
    return h(
      'tr',
      null,
      h('td', null, userText(s.step)),
      h('td', null, userText(view.objectiveTitle(s.objective), '—')),
      h('td', { class: 'time' }, fmtClock(s.by_s)),
      h('td', { class: 'time' }, s.met_at_s === null ? '—' : fmtClock(s.met_at_s)),
      h('td', null, h('span', { class: status === 'on time' ? 'ok' : status === 'late' ? 'late' : 'missed' }, status)),
      h('td', { class: 'num' }, `${fmtPoints(s.points)} / ${fmtPoints(s.possible)}`),
    );
  });
  return h(
    'section',
    { id: 'runbook' },
    h('h2', null, 'Runbook coverage'),
    steps.length > 0
      ? table(['Step', ['Objective', 'w-obj'], ['Expected by', 'time w-time2'], ['Met at', 'time w-time'], ['Status', 'w-status'], ['Points', 'num w-pts']], rows)
      : h('p', { class: 'muted' }, 'This scenario has no runbook steps.'),
  );
}

export function metrics(view: ReportView): Html {
  const list = view.debrief.metrics;
  const rows = list.map((m) => {
    const status = metricStatus(m.at_s, m.target_s);
    return h(
      'tr',
      null,
      h('td', null, userText(m.name)),
      h('td', null, userText(view.debrief.steps.find((s) => s.id === m.step)?.step ?? m.step)),
      h('td', { class: 'time' }, fmtClock(m.target_s)),
      h('td', { class: 'time' }, m.at_s === null ? '—' : fmtClock(m.at_s)),
      h('td', null, h('span', { class: status === 'on target' ? 'ok' : status === 'late' ? 'late' : 'missed' }, status)),
    );
  });
  return h(
    'section',
    { id: 'metrics' },
    h('h2', null, 'Time-to metrics'),
    list.length > 0
      ? [metricsChart(view), table([['Metric', 'w-obj'], 'Runbook step', ['Target', 'time w-time2'], ['Reached at', 'time w-time2'], ['Status', 'w-status']], rows)]
      : h('p', { class: 'muted' }, 'This scenario defines no time-to metrics.'),
  );
}

export function hotwash(view: ReportView): Html {
  const items = view.debrief.hotwash;
  return h(
    'section',
    { id: 'hotwash' },
    h('h2', null, 'Hotwash'),
    items.length > 0
      ? items.map((item) => h('div', { class: 'qa' }, h('h4', { class: 'question' }, userText(item.question)), h('p', null, userText(item.answer, 'No answer recorded.'))))
      : h('p', { class: 'muted' }, 'No hotwash questions were recorded.'),
  );
}

export function improvementPlan(view: ReportView): Html {
  const items = view.debrief.improvement_plan;
  const tracked = items.some((item) => item.register !== undefined);
  const rows = items.map((item) =>
    h(
      'tr',
      null,
      h('td', null, userText(item.issue)),
      h('td', null, userText(view.objectiveTitle(item.objective), '—')),
      h('td', null, userText(item.corrective_action)),
      h('td', null, userText(item.owner, 'unassigned')),
      h('td', { class: 'time' }, userText(item.due, 'no date')),
      tracked ? h('td', { class: 'register-status' }, userText(registerStatusText(item), '—')) : null,
    ),
  );
  const head: Parameters<typeof table>[0] = ['Issue', ['Objective', 'w-obj'], 'Corrective action', ['Owner', 'w-role'], ['Due', 'w-date']];
  return h(
    'section',
    { id: 'improvement-plan' },
    h('h2', null, 'Improvement plan'),
    items.length > 0
      ? table(tracked ? [...head, 'Status'] : head, rows)
      : h('p', { class: 'muted' }, 'No improvement items were recorded.'),
  );
}

export function participantFeedback(view: ReportView): Html | null {
  const f = view.debrief.feedback;
  if (!f) return null;
  const scales = f.scales.map((q) => h('tr', null,
    h('td', null, userText(q.ask)), h('td', { class: 'num' }, String(q.count)), h('td', { class: 'num' }, fmtMedian(q.median)), h('td', null, fmtDistribution(q.distribution))));
  return h(
    'section',
    { id: 'participant-feedback' },
    h('h2', null, 'Participant feedback'),
    h('p', { class: f.respondents === 0 ? 'muted' : null }, feedbackHeadline(f)),
    f.respondents === 0 ? null : [
      table(['Rating (1 to 5)', ['Answers', 'w-status'], ['Median', 'w-status'], 'How many gave 1 to 5'], scales),
      f.texts.map((q) => h('div', { class: 'qa' },
        h('h4', { class: 'question' }, userText(q.ask)),
        q.answers.length === 0
          ? h('p', { class: 'muted' }, 'No answers.')
          : h('ul', null, q.answers.map((a) => h('li', null, userText(a.text), a.count > 1 ? h('span', { class: 'muted' }, ` (×${a.count})`) : null))))),
      h('h3', null, 'Suggested corrective actions'),
      f.actions.length === 0
        ? h('p', { class: 'muted' }, 'No corrective actions were suggested.')
        : [h('p', { class: 'muted' }, FEEDBACK_ACTIONS_NOTE),
          table(['Corrective action', ['Priority', 'w-status'], ['Who should own it', 'w-role']],
            f.actions.map((a) => h('tr', null, h('td', null, userText(a.action)), h('td', null, priorityLabel(a.priority)), h('td', null, userText(a.owner, 'not said')))))],
    ],
  );
}

/** The corrective actions from earlier runs that this run tested; nothing when it tested none. */
export function validatedActions(view: ReportView): Html | null {
  const actions = view.debrief.validated_actions ?? [];
  if (actions.length === 0) return null;
  const rows = actions.map((a) =>
    h(
      'tr',
      null,
      h('td', null, userText(a.corrective_action || a.issue)),
      h('td', null, userText(a.capability ?? '', '—')),
      h('td', null, userText(a.owner, 'unassigned')),
      h('td', null, a.validated ? 'Validated' : 'Not validated'),
      h('td', null, userText(a.note, '—')),
      h('td', { class: 'muted' }, userText(a.id)),
    ),
  );
  return h(
    'section',
    { id: 'validated-actions' },
    h('h2', null, 'Corrective actions tested in this run'),
    table(['Corrective action', 'Capability', ['Owner', 'w-role'], 'Verdict', 'Note', 'Register id'], rows),
  );
}

export function appendixTimeline(view: ReportView, condensed: boolean): Html {
  const all = view.debrief.timeline;
  const { entries, folded } = condensed ? condenseTimeline(all, (role) => view.roleTitle(role), (p) => view.promptLabel(p)) : { entries: all, folded: 0 };
  const rows = entries.map((e) =>
    h(
      'tr',
      null,
      h('td', { class: 'time' }, fmtClock(e.at_s)),
      h('td', null, e.kind),
      h('td', null, userText(e.actor === 'facilitator' || e.actor === 'system' ? e.actor : view.roleTitle(e.actor))),
      h('td', null, userText(e.summary)),
    ),
  );
  return h(
    'section',
    { id: 'timeline' },
    h('h2', { class: 'new-page' }, 'Appendix: timeline'),
    h('p', { class: 'muted' }, `${all.length} events, in the order they happened.`),
    folded > 0
      ? h('p', { class: 'notice' }, `Condensed: ${folded} answers are folded into one line per prompt and role (the last answer is the scored one). The HTML report, debrief.json and decisions.csv list every one.`)
      : null,
    table([['At', 'time w-time'], ['Kind', 'w-kind'], ['Who', 'w-role'], 'What happened'], rows, 'timeline'),
  );
}
