// The facilitator pack as ONE self-contained HTML file, built like the reports: every element through
// h() (text escaped, no event attribute, no URL attribute), scenario markdown through the reports'
// safe renderer (no raw HTML, no image, links only to web and mail addresses), no script, inline CSS
// and the reports' Content-Security-Policy. The participant manual is rendered from
// participantManual() only, never from the scenario itself.
import { REPORT_CSP } from '../report/html/document.ts';
import { REPORT_CSS } from '../report/html/style.ts';
import { h, trusted, type Child, type Html } from '../report/html/tags.ts';
import { fmtDuration, RATING_LABELS } from '../report/format.ts';
import type { Inject, Prompt, Scenario } from '../scenario/types.ts';
import { RATINGS } from '../scenario/types.ts';
import { renderScenarioMarkdown as renderGuideMarkdownHtml } from '../report/html/markdown.ts';
import {
  describeMetBy, describeTrigger, guideClock, participantManual, SCORING_RULES, whenColumn,
  type GuideAudience, type GuideOptions, type ParticipantManual,
} from './model.ts';

const GUIDE_CSS = `
.md > :first-child { margin-top: 0; } .md > :last-child { margin-bottom: 0; }
.md table { table-layout: auto; }
.md th, .md td { overflow-wrap: break-word; }
.box > h3:first-child { margin-top: 0; }
.md pre { background: var(--bg-alt); padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
.md blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid var(--line); color: var(--ink); }
.box { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 10px 0 16px; }
.inject { break-inside: auto; }
.inject h3 { margin-top: 0; }
.facnote { border-left: 4px solid var(--accent); background: #eef4fa; padding: 6px 10px; margin: 8px 0; }
.prompt { border-top: 1px dashed var(--line); margin-top: 8px; padding-top: 6px; }
.tag { display: inline-block; font-size: 0.8rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin-right: 4px; color: var(--muted); }
.best { color: var(--P); font-weight: 600; } .acceptable { color: var(--M); font-weight: 600; }
.warning { border: 2px solid var(--U); color: var(--U); font-weight: 600; padding: 4px 10px; display: inline-block; border-radius: 4px; }
table.narrow { width: auto; min-width: 35%; }
.w-eeg { width: 8%; } .w-at { width: 9%; } .w-story { width: 12%; } .w-chan { width: 11%; } .w-to { width: 18%; }
@media print {
  .box, .prompt, .facnote { break-inside: avoid; }
  .inject.box { break-inside: auto; }
  .md table { font-size: 8pt; }
  .facnote, .warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function md(text: string): Html {
  return h('div', { class: 'md' }, renderGuideMarkdownHtml(text));
}

function table(head: (string | [string, string])[], rows: Child[]): Html {
  const ths = head.map((c) => (Array.isArray(c) ? h('th', { class: c[1] }, c[0]) : h('th', null, c)));
  return h('table', null, h('thead', null, h('tr', null, ths)), h('tbody', null, rows));
}

function page(title: string, kicker: string, body: Child[]): string {
  const doc = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: REPORT_CSP }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: 'Drillbook (drillbook guide)' }),
      h('title', null, `${kicker}: ${title}`),
      h('style', null, trusted(REPORT_CSS + GUIDE_CSS)),
    ),
    h('body', null, body),
  );
  return `<!DOCTYPE html>\n${doc.value}\n`;
}

function facts(level: string, duration: number, extra: string[]): string {
  return [`Level: ${level}`, `planned ${fmtDuration(duration)}`, ...extra].join(' · ');
}

// ---- participant situation manual ----

function participantsHtml(m: ParticipantManual): string {
  const forWho = m.role === null ? 'For every participant' : `For the ${m.role.title}`;
  const body: Child[] = [
    h('header', null,
      h('p', { class: 'kicker' }, 'Situation manual'),
      h('h1', null, h('bdi', null, m.scenario.title)),
      h('p', { class: 'subtitle' }, forWho, ' · ', facts(m.scenario.level, m.scenario.duration_s, [`${m.roles.length} roles`])),
    ),
    h('main', null,
      h('h2', null, 'The situation'), md(m.summary),
      m.groundRules ? [h('h2', null, 'Ground rules'), md(m.groundRules)] : null,
      m.assumptions.length > 0 ? [h('h2', null, 'Assumptions and artificialities'), h('ul', null, m.assumptions.map((a) => h('li', null, a)))] : null,
      h('h2', null, 'Roles'),
      h('ul', null, m.roles.map((r) => h('li', null, h('bdi', null, r.title), r.yours ? [' ', h('strong', null, '(you)')] : null))),
      m.roles.filter((r) => r.brief !== undefined).map((r) => [h('h3', null, 'Your brief: ', h('bdi', null, r.title)), h('div', { class: 'box' }, md(r.brief ?? ''))]),
      m.role === null ? h('p', { class: 'muted' }, 'Each role gets its own brief from the facilitator.') : null,
      h('h2', null, 'Schedule'),
      h('p', null, 'Times are on the exercise clock, which starts when the facilitator starts the session and stops while it is paused. More may happen than is listed here: what arrives depends on what you decide.'),
      table([['Exercise time', 'w-at'], ['Story time', 'w-story'], ['Channel', 'w-chan'], 'For'], [
        h('tr', null, h('td', { class: 'time' }, 'before'), h('td', null, ''), h('td', null, ''), h('td', null, 'Briefing: ground rules, roles, handouts')),
        m.schedule.map((s) => h('tr', null, h('td', { class: 'time' }, guideClock(s.at_s)), h('td', null, s.storyTime ?? ''), h('td', null, s.channel), h('td', null, s.audience))),
        h('tr', null, h('td', { class: 'time' }, guideClock(m.scenario.duration_s)), h('td', null, ''), h('td', null, ''), h('td', null, 'Planned end of play, then the hotwash and the feedback form')),
      ]),
      m.handouts.length > 0 ? [
        h('h2', { class: 'new-page' }, 'Handouts'),
        m.handouts.map((x) => h('section', { class: 'box' }, h('h3', null, h('bdi', null, x.title)), md(x.body))),
      ] : null,
    ),
    h('footer', null, `Generated by Drillbook from scenario ${m.scenario.id}. Situation manual: holds no expected answers.`),
  ];
  return page(m.scenario.title, 'Situation manual', body);
}

// ---- facilitator and evaluator guide ----

function optionMark(prompt: Prompt, optionId: string): Html | null {
  if (prompt.expect.best.includes(optionId)) return h('span', { class: 'best' }, 'best');
  if (prompt.expect.acceptable.includes(optionId)) return h('span', { class: 'acceptable' }, `acceptable (${prompt.expect.acceptableCredit})`);
  return null;
}

function promptBlock(scenario: Scenario, prompt: Prompt): Html {
  const role = scenario.roles.find((r) => r.id === prompt.role)?.title ?? prompt.role;
  const objective = scenario.objectives.find((o) => o.id === prompt.objective)?.title;
  const e = prompt.expect;
  return h('div', { class: 'prompt' },
    h('p', null, h('span', { class: 'tag' }, prompt.type), h('span', { class: 'tag' }, prompt.id), h('strong', null, h('bdi', null, role)), ': ', h('bdi', null, prompt.ask)),
    prompt.options.length > 0 ? h('ul', null, prompt.options.map((o) => h('li', null, h('bdi', null, o.label), ' ', h('span', { class: 'muted' }, `(${o.id})`), ' ', optionMark(prompt, o.id)))) : null,
    e.keywords.length > 0 ? [h('p', null, h('strong', null, 'Keyword groups'), ' (one word or phrase from each):'), h('ul', null, e.keywords.map((g) => h('li', null, g.join(' / '))))] : null,
    e.avoid.length > 0 ? [h('p', null, h('strong', null, 'Avoid'), ' (each group matched takes 0.5 off):'), h('ul', null, e.avoid.map((g) => h('li', null, g.any.join(' / '), ' — ', h('em', null, g.why))))] : null,
    h('p', { class: 'muted' }, [
      e.within !== undefined ? `Within ${guideClock(e.within)}` : 'No time limit',
      ` · ${prompt.points} points`,
      objective ? ` · objective: ${objective}` : '',
    ].join('')),
  );
}

function injectBlock(scenario: Scenario, inject: Inject): Html {
  const to = inject.toAll ? 'everyone (room screen)' : inject.to.map((r) => scenario.roles.find((x) => x.id === r)?.title ?? r).join(', ');
  return h('section', { class: 'inject box', id: `inject-${inject.id}` },
    h('h3', null, `${whenColumn(scenario, inject.id)} · `, h('bdi', null, inject.title)),
    h('table', { class: 'kv' }, h('tbody', null,
      h('tr', null, h('th', null, 'Id'), h('td', null, inject.id)),
      h('tr', null, h('th', null, 'Delivered'), h('td', null, describeTrigger(inject.trigger))),
      inject.storyTime ? h('tr', null, h('th', null, 'Story time'), h('td', null, inject.storyTime)) : null,
      h('tr', null, h('th', null, 'To'), h('td', null, to)),
      h('tr', null, h('th', null, 'Channel'), h('td', null, inject.channel, inject.from ? [' · from ', h('bdi', null, inject.from)] : null)),
    )),
    inject.body.trim() !== '' ? md(inject.body) : null,
    inject.table ? table(inject.table.columns, inject.table.rows.map((r) => h('tr', null, r.map((c) => h('td', null, String(c)))))) : null,
    inject.chart ? [
      h('p', null, h('strong', null, 'Chart: '), h('bdi', null, inject.chart.label), inject.chart.unit ? ` (${inject.chart.unit})` : ''),
      h('table', { class: 'narrow' }, h('thead', null, h('tr', null, h('th', null, 'Time from the chart\'s start'), h('th', null, 'Value'))),
        h('tbody', null, inject.chart.points.map(([t, v]) => h('tr', null, h('td', { class: 'num' }, guideClock(t)), h('td', { class: 'num' }, String(v)))))),
    ] : null,
    inject.facilitatorNotes ? h('div', { class: 'facnote' }, h('strong', null, 'Facilitator notes'), md(inject.facilitatorNotes)) : null,
    inject.discussion.length > 0 ? [h('p', null, h('strong', null, 'Discussion questions')), h('ul', null, inject.discussion.map((q) => h('li', null, q)))] : null,
    inject.prompts.map((p) => promptBlock(scenario, p)),
  );
}

function facilitatorHtml(s: Scenario): string {
  const roleTitle = (id: string) => s.roles.find((r) => r.id === id)?.title ?? id;
  const objectiveTitle = (id: string | undefined) => (id === undefined ? '' : s.objectives.find((o) => o.id === id)?.title ?? id);
  const branches = s.injects.filter((i) => whenColumn(s, i.id) === 'branch').length;
  const body: Child[] = [
    h('header', null,
      h('p', { class: 'kicker' }, 'Facilitator and evaluator guide'),
      h('h1', null, h('bdi', null, s.title)),
      h('p', { class: 'subtitle' }, facts(s.level, s.duration, [`${s.roles.length} roles`, `${s.injects.length} injects (${branches} on the team's decisions)`, `${s.runbook.length} runbook steps`])),
      h('p', { class: 'warning' }, 'For facilitators and evaluators only: holds the expected answers. Do not hand out.'),
    ),
    h('main', null,
      h('h2', null, 'The situation'), md(s.summary),
      s.groundRules ? [h('h2', null, 'Ground rules'), md(s.groundRules)] : null,
      s.assumptions.length > 0 ? [h('h2', null, 'Assumptions and artificialities'), h('ul', null, s.assumptions.map((a) => h('li', null, a)))] : null,
      h('h2', { class: 'new-page' }, 'Objectives and exercise evaluation guide'),
      s.objectives.map((o) => h('section', { class: 'box' },
        h('h3', null, h('bdi', null, o.title), ' ', h('span', { class: 'muted' }, `(${o.id})`)),
        o.capability ? h('p', null, h('strong', null, 'Capability: '), o.capability) : null,
        o.description ? md(o.description) : null,
        o.eeg
          ? table([['Rating', 'w-eeg'], 'What it looks like'], RATINGS.map((r) => h('tr', null, h('td', null, h('span', { class: `rating rating-${r}`, title: RATING_LABELS[r] }, r)), h('td', null, md(o.eeg?.[r] ?? '')))))
          : h('p', { class: 'muted' }, 'No evaluation guide in this scenario for this objective.'),
      )),
      h('h2', { class: 'new-page' }, 'Roles and briefs'),
      s.roles.map((r) => h('section', { class: 'box' }, h('h3', null, h('bdi', null, r.title), ' ', h('span', { class: 'muted' }, `(${r.id})`)), r.brief ? md(r.brief) : h('p', { class: 'muted' }, 'No brief.'))),
      s.actions.length > 0 ? [
        h('h3', null, 'Actions (buttons)'),
        table(['Action', ['Id', 'w-story'], ['Who', 'w-to']], s.actions.map((a) => h('tr', null, h('td', null, h('bdi', null, a.title)), h('td', null, a.id), h('td', null, a.roles.map(roleTitle).join(', '))))),
      ] : null,
      s.handouts.length > 0 ? [
        h('h2', { class: 'new-page' }, 'Handouts'),
        s.handouts.map((x) => h('section', { class: 'box' }, h('h3', null, h('bdi', null, x.title)), h('p', { class: 'muted' }, `For: ${x.toAll ? 'everyone' : x.to.map(roleTitle).join(', ')}`), md(x.body))),
      ] : null,
      s.characters.length > 0 ? [
        h('h2', { class: 'new-page' }, 'Characters the facilitator plays'),
        s.characters.map((c) => h('section', { class: 'box' }, h('h3', null, h('bdi', null, c.name)), h('p', { class: 'muted' }, c.plays), md(c.script))),
      ] : null,
      h('h2', { class: 'new-page' }, 'Master scenario events list'),
      table([['When', 'w-at'], ['Story time', 'w-story'], ['Channel', 'w-chan'], ['To', 'w-to'], 'Inject'], s.injects
        .map((i) => ({ i, at: whenColumn(s, i.id) }))
        .map(({ i, at }) => h('tr', null, h('td', { class: 'time' }, at), h('td', null, i.storyTime ?? ''), h('td', null, i.channel), h('td', null, i.toAll ? 'everyone' : i.to.map(roleTitle).join(', ')), h('td', null, h('bdi', null, i.title))))),
      s.injects.map((i) => injectBlock(s, i)),
      s.runbook.length > 0 ? [
        h('h2', { class: 'new-page' }, 'Runbook'),
        table([['By', 'w-at'], 'Step', ['Objective', 'w-story'], ['Metric', 'w-story'], 'Met by', ['Points', 'w-at']], s.runbook.map((st) => h('tr', null,
          h('td', { class: 'time' }, guideClock(st.by)), h('td', null, h('bdi', null, st.step)), h('td', { title: objectiveTitle(st.objective) }, st.objective ?? ''), h('td', null, st.metric ?? ''), h('td', null, describeMetBy(st.metBy)), h('td', { class: 'num' }, String(st.points))))),
      ] : null,
      s.debrief.questions.length > 0 ? [h('h2', null, 'Hotwash questions'), h('ol', null, s.debrief.questions.map((q) => h('li', null, q)))] : null,
      s.feedback.questions.length > 0 ? [h('h2', null, 'Feedback questions'), h('ul', null, s.feedback.questions.map((q) => h('li', null, q.ask, h('span', { class: 'muted' }, ` (${q.type === 'scale' ? '1 to 5' : 'text'})`))))] : null,
      h('h2', { class: 'new-page' }, 'Scoring rules'),
      SCORING_RULES.map((group) => [h('h3', null, group.title), h('ul', null, group.items.map((item) => h('li', null, item)))]),
    ),
    h('footer', null, `Generated by Drillbook from scenario ${s.id}. Facilitator and evaluator guide.`),
  ];
  return page(s.title, 'Facilitator and evaluator guide', body);
}

export function renderGuideHtml(scenario: Scenario, audience: GuideAudience, options: GuideOptions = {}): string {
  return audience === 'participants' ? participantsHtml(participantManual(scenario, options)) : facilitatorHtml(scenario);
}

