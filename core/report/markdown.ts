// renderMarkdown: the debrief for wikis and tickets. Same sections and order as the HTML report;
// our own structure is Markdown, and every piece of text from the model goes through mdText or
// mdCell (markdown-escape.ts), so hostile text shows as text. Scenario markdown (objective
// descriptions) is shown escaped too: a wiki may allow raw HTML that our renderer does not.
import type { Debrief, DebriefNote } from '../scoring/debrief-types.ts';
import {
  fmtClock,
  fmtDuration,
  fmtFraction,
  fmtPercent,
  fmtPoints,
  fmtSpeed,
  fmtWallTime,
  ratingLabel,
} from './format.ts';
import { mdCell, mdTable, mdText } from './markdown-escape.ts';
import { FEEDBACK_ACTIONS_NOTE, feedbackHeadline, fmtDistribution, fmtMedian, priorityLabel } from './feedback.ts';
import { registerStatusText } from './register-status.ts';
import { condenseTimeline } from './condense.ts';
import { applyOptions, type ReportOptions } from './options.ts';
import { capReason, eegInForce, overallHeadline, overallLabel, overallOf, provisionalSentence } from './overall.ts';
import { answerText, buildView, expectedText, metricStatus, participantsLine, pauseText, stepStatus, type ReportView } from './view.ts';

/** The overall rating first, then the cap and why, then how many answers are still provisional. */
function overallLines(debrief: Debrief): string[] {
  const o = overallOf(debrief);
  const out = [`**${mdCell(overallHeadline(o))}** (${fmtPercent(debrief.score.percent)}, ${fmtPoints(debrief.score.points)} of ${fmtPoints(debrief.score.possible)} points)`, ''];
  if (o.cap) {
    const by = `${mdCell(o.cap.rating ?? 'not rated')}${o.cap.overridden ? ', set by the facilitator' : ''}`;
    out.push(`${mdCell(overallLabel(o))}: capped by *${mdCell(o.cap.title)}* (${by}). ${capReason(o)}`, '');
  }
  const provisional = provisionalSentence(o.provisional);
  if (provisional) out.push(`*${provisional}*`, '');
  return out;
}

function notes(title: string, list: DebriefNote[], view: ReportView): string[] {
  if (list.length === 0) return [];
  return [
    `**${title}**`,
    '',
    ...list.map((n) => `- ${fmtClock(n.at_s)}${n.role ? ` · ${mdCell(view.roleTitle(n.role))}` : ''}: ${mdText(n.text)}`),
    '',
  ];
}

function overview(view: ReportView): string[] {
  const { debrief } = view;
  const s = debrief.session;
  const rows = [
    ['Scenario', `${mdCell(debrief.scenario.title)} (${mdCell(debrief.scenario.id)}, ${mdCell(debrief.scenario.level)})`],
    ['Scenario version', mdCell(debrief.scenario.content_hash ?? 'not recorded')],
    ['Session', mdCell(s.id)],
    ['Started', mdCell(fmtWallTime(s.started_at) || 'not recorded')],
    ['Ended', mdCell(fmtWallTime(s.ended_at) || 'not recorded')],
    ['Duration (exercise clock)', fmtDuration(s.duration_s)],
    ['Facilitator', mdCell(s.facilitator ?? 'not recorded')],
    ['Participants', participantsLine(view)],
    [
      'Pauses',
      debrief.controls.pauses.length === 0
        ? 'none'
        : debrief.controls.pauses
            .map((p) => `${pauseText(p)}${p.reason ? ` (${mdCell(p.reason)})` : ''}`)
            .join('; '),
    ],
    [
      'Speed changes',
      debrief.controls.speed_changes.length === 0
        ? 'none (real time)'
        : debrief.controls.speed_changes.map((c) => `${fmtClock(c.at_s)}: ${fmtSpeed(c.speed)}`).join('; '),
    ],
  ];
  const out = ['## Exercise overview', '', mdTable(['', ''], rows), '', '### Participants by role', ''];
  out.push(
    view.roles.length === 0
      ? 'No participants recorded.'
      : mdTable(['Role', 'Participants'], view.roles.map((r) => [mdCell(r.title), r.names.map(mdCell).join(', ')])),
    '',
  );
  const rejected = debrief.rejected ?? [];
  if (rejected.length > 0) {
    out.push('### Rejected script events (dry run)', '');
    out.push(mdTable(['At', 'Event', 'Reason'], rejected.map((r) => [fmtClock(r.at_s), mdCell(r.event), mdCell(r.reason)])), '');
  }
  return out;
}

function objectives(view: ReportView): string[] {
  const rows = view.debrief.objectives.map((o) => [
    mdCell(o.title),
    mdCell(o.capability ?? ''),
    `${mdCell(o.rating ?? 'n/a')}: ${mdCell(ratingLabel(o.rating))}${eegInForce(o) === null ? '' : ` (evaluation guide: ${mdCell(eegInForce(o) ?? '')})`}`,
    `${fmtPoints(o.points)} / ${fmtPoints(o.possible)} (${fmtPercent(o.percent)})`,
    o.rating_override
      ? `Set by the facilitator (computed ${mdCell(o.computed_rating ?? 'n/a')}): ${mdCell(o.rating_override.reason)}`
      : 'Computed from the score',
  ]);
  const out = ['## Objectives and ratings', '', 'Ratings: P at 90% or more, S at 70%, M at 40%, else U. The overall rating is at most one band above the weakest objective.', ''];
  out.push(mdTable(['Objective', 'Capability', 'Rating', 'Points (percent)', 'How the rating was set'], rows), '');
  for (const o of view.debrief.objectives) {
    if (o.description) out.push(`**${mdCell(o.title)}**: ${mdText(o.description)}`, '');
  }
  return out;
}

function analysis(view: ReportView, notesIncluded: boolean): string[] {
  const out = ['## Analysis of objectives', ''];
  if (!notesIncluded) out.push('*Facilitator notes are left out of this export.*', '');
  for (const group of view.objectives) {
    const o = group.objective;
    out.push(o ? `### ${mdCell(o.title)} (${mdCell(o.rating ?? 'n/a')}, ${fmtPercent(o.percent)})` : '### Not tied to an objective', '');
    out.push(...notes('Strengths', group.strengths, view));
    out.push(...notes('Areas for improvement', group.improvements, view));
    out.push(...notes('Observations', group.observations, view));
    if (group.prompts.length === 0) {
      out.push('No decisions were asked for this objective.', '');
      continue;
    }
    const rows = group.prompts.map((p) => [
      fmtClock(p.delivered_at_s),
      mdCell(view.roleTitle(p.role)),
      mdCell(p.ask),
      mdCell(expectedText(p) || 'no expectation'),
      mdCell(answerText(p) ?? 'no answer') + (p.needs_review ? ' (needs review)' : '') + (p.provisional ? ' (provisional: keyword credit, not graded)' : '')
        + p.avoided.map((why) => ` — Avoid: ${mdCell(why)}`).join(''),
      p.response_time_s === null ? '—' : fmtDuration(p.response_time_s) + (p.within_s === null ? '' : ` (within ${fmtDuration(p.within_s)})`),
      fmtFraction(p.correctness) + (p.grade ? ' (graded)' : ''),
      fmtFraction(p.timeliness),
      `${fmtPoints(p.points)} / ${fmtPoints(p.possible)}`,
    ]);
    out.push(mdTable(['Delivered', 'Role', 'Question', 'Expected', 'Actual', 'Response time', 'Correct', 'Timely', 'Points'], rows), '');
    // A grade's reason is a sentence: it gets a line of its own, not the narrow Correct column.
    const graded = group.prompts.filter((p) => p.grade !== null);
    if (graded.length > 0) {
      out.push('**Graded by the facilitator**', '');
      for (const p of graded) {
        out.push(`- ${fmtClock(p.delivered_at_s)} · ${mdCell(view.roleTitle(p.role))} · ${mdCell(p.ask)} — ${fmtFraction(p.grade?.credit ?? 0)} correct: ${mdText(p.grade?.reason ?? '')}`);
      }
      out.push('');
    }
  }
  return out;
}

function appendixEntries(view: ReportView, options: ReportOptions) {
  return options.appendix === 'condensed' ? condenseTimeline(view.debrief.timeline, (r) => view.roleTitle(r), (p) => view.promptLabel(p)).entries : view.debrief.timeline;
}

function appendixNote(view: ReportView, options: ReportOptions): string[] {
  const count = `${view.debrief.timeline.length} events, in the order they happened.`;
  if (options.appendix !== 'condensed') return [count, ''];
  const { folded } = condenseTimeline(view.debrief.timeline, (r) => view.roleTitle(r), (p) => view.promptLabel(p));
  return folded === 0 ? [count, ''] : [`${count} Condensed: ${folded} answers are folded into one line per prompt and role (the last answer is the scored one); debrief.json and decisions.csv list every one.`, ''];
}

function participantFeedback(debrief: Debrief): string[] {
  const f = debrief.feedback;
  if (!f) return [];
  const out = ['## Participant feedback', '', feedbackHeadline(f), ''];
  if (f.respondents === 0) return out;
  out.push(mdTable(['Rating (1 to 5)', 'Answers', 'Median', 'How many gave 1 to 5'], f.scales.map((q) => [mdCell(q.ask), String(q.count), fmtMedian(q.median), fmtDistribution(q.distribution)])), '');
  for (const q of f.texts) {
    out.push(`**${mdCell(q.ask)}**`, '');
    if (q.answers.length === 0) out.push('No answers.', '');
    else out.push(...q.answers.map((a) => `- ${mdText(a.text)}${a.count > 1 ? ` (×${a.count})` : ''}`), '');
  }
  out.push('### Suggested corrective actions', '');
  if (f.actions.length === 0) out.push('No corrective actions were suggested.', '');
  else out.push(FEEDBACK_ACTIONS_NOTE, '', mdTable(['Corrective action', 'Priority', 'Who should own it'], f.actions.map((a) => [mdCell(a.action), mdCell(priorityLabel(a.priority)), mdCell(a.owner || 'not said')])), '');
  return out;
}

export function renderMarkdown(input: Debrief, options: ReportOptions = {}): string {
  const debrief = applyOptions(input, options);
  const view = buildView(debrief);
  const out: string[] = [
    `# After-Action Report: ${mdCell(debrief.scenario.title)}`,
    '',
    ...overallLines(debrief),
    ...debrief.objectives.map((o) => `- ${mdCell(o.title)}: **${mdCell(o.rating ?? 'n/a')}** ${fmtPercent(o.percent)}`),
    '',
    ...overview(view),
    ...objectives(view),
    ...analysis(view, options.includeNotes !== false),
    '## Runbook coverage',
    '',
    debrief.steps.length === 0
      ? 'This scenario has no runbook steps.'
      : mdTable(
          ['Step', 'Objective', 'Expected by', 'Met at', 'Status', 'Points'],
          debrief.steps.map((s) => [
            mdCell(s.step),
            mdCell(view.objectiveTitle(s.objective)),
            fmtClock(s.by_s),
            s.met_at_s === null ? '—' : fmtClock(s.met_at_s),
            stepStatus(s),
            `${fmtPoints(s.points)} / ${fmtPoints(s.possible)}`,
          ]),
        ),
    '',
    '## Time-to metrics',
    '',
    debrief.metrics.length === 0
      ? 'This scenario defines no time-to metrics.'
      : mdTable(
          ['Metric', 'Runbook step', 'Target', 'Reached at', 'Status'],
          debrief.metrics.map((m) => [
            mdCell(m.name),
            mdCell(debrief.steps.find((s) => s.id === m.step)?.step ?? m.step),
            fmtClock(m.target_s),
            m.at_s === null ? '—' : fmtClock(m.at_s),
            metricStatus(m.at_s, m.target_s),
          ]),
        ),
    '',
    '## Hotwash',
    '',
    ...(debrief.hotwash.length === 0
      ? ['No hotwash questions were recorded.', '']
      : debrief.hotwash.flatMap((item) => [`**${mdCell(item.question)}**`, '', mdText(item.answer ?? 'No answer recorded.'), ''])),
    '## Improvement plan',
    '',
    debrief.improvement_plan.length === 0
      ? 'No improvement items were recorded.'
      : debrief.improvement_plan.some((i) => i.register !== undefined)
        ? mdTable(
            ['Issue', 'Objective', 'Corrective action', 'Owner', 'Due', 'Status'],
            debrief.improvement_plan.map((i) => [mdCell(i.issue), mdCell(view.objectiveTitle(i.objective)), mdCell(i.corrective_action), mdCell(i.owner || 'unassigned'), mdCell(i.due || 'no date'), mdCell(registerStatusText(i) || '—')]),
          )
        : mdTable(
            ['Issue', 'Objective', 'Corrective action', 'Owner', 'Due'],
            debrief.improvement_plan.map((i) => [mdCell(i.issue), mdCell(view.objectiveTitle(i.objective)), mdCell(i.corrective_action), mdCell(i.owner || 'unassigned'), mdCell(i.due || 'no date')]),
          ),
    '',
    ...participantFeedback(debrief),
    ...((debrief.validated_actions ?? []).length === 0
      ? []
      : [
          '## Corrective actions tested in this run',
          '',
          mdTable(
            ['Corrective action', 'Capability', 'Owner', 'Verdict', 'Note', 'Register id'],
            (debrief.validated_actions ?? []).map((a) => [mdCell(a.corrective_action || a.issue), mdCell(a.capability ?? '—'), mdCell(a.owner || 'unassigned'), a.validated ? 'Validated' : 'Not validated', mdCell(a.note || '—'), mdCell(a.id)]),
          ),
          '',
        ]),
    '## Appendix: timeline',
    '',
    ...appendixNote(view, options),
    mdTable(
      ['At', 'Kind', 'Who', 'What happened'],
      appendixEntries(view, options).map((e) => [
        fmtClock(e.at_s),
        mdCell(e.kind),
        mdCell(e.actor === 'facilitator' || e.actor === 'system' ? e.actor : view.roleTitle(e.actor)),
        mdCell(e.summary),
      ]),
    ),
    '',
    `*Generated by Drillbook from ${mdCell(debrief.format)}${options.anonymize ? '; participants anonymized' : ''}${options.includeNotes === false ? '; facilitator notes left out' : ''}.*`,
    '',
  ];
  return out.join('\n');
}
