// drillbook guide's renderers (core/guide): the participant situation manual holds nothing a
// participant must not see, the facilitator guide holds everything the format page lists, and
// hostile scenario text stays inert in HTML (same CSP and checks as the reports) and in Markdown.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { GuideRoleError, guideFileName, participantManual, renderGuide, renderGuideHtml, renderGuideMarkdown } from '../../../core/guide/index.ts';
import { formatLoadError, loadScenario } from '../../../core/scenario/index.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { PAYLOADS } from '../../fixtures/debrief/hostile.ts';
import { liveContent, parseReport } from '../report/parse-html.ts';

const SCENARIOS_DIR = join(import.meta.dirname, '..', '..', '..', 'scenarios');

function load(file: string): Scenario {
  const result = loadScenario(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
  return result.value;
}

const shipped = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort().map(load);

/** The text a reader sees: HTML parsed, whitespace folded. */
function htmlText(html: string): string {
  return (parseReport(html).body.textContent ?? '').replace(/\s+/g, ' ');
}
/** The Markdown rendered by a permissive renderer, as text. */
function mdText(md: string): string {
  const html = new MarkdownIt({ html: true }).render(md);
  return (parseReport(`<!DOCTYPE html><html><body>${html}</body></html>`).body.textContent ?? '').replace(/\s+/g, ' ');
}

/** A scenario in which every field has its own marker: SECRET-* where participants must never see it. */
function marked(): Scenario {
  const base = load('training-pipeline-rollback.yaml');
  return {
    ...base,
    summary: 'OK-SUMMARY',
    groundRules: 'OK-RULES',
    assumptions: ['OK-ASSUMPTION'],
    objectives: base.objectives.map((o, n) => ({ ...o, title: `SECRET-OBJECTIVE-${n}`, description: `SECRET-OBJDESC-${n}`, eeg: { P: `SECRET-EEG-P-${n}`, S: `SECRET-EEG-S-${n}`, M: `SECRET-EEG-M-${n}`, U: `SECRET-EEG-U-${n}` } })),
    roles: base.roles.map((r) => ({ ...r, title: `OK-ROLE-${r.id}`, brief: `BRIEF-OF-${r.id}` })),
    actions: base.actions.map((a, n) => ({ ...a, title: `SECRET-ACTION-${n}` })),
    handouts: [
      { id: 'h-all', title: 'OK-HANDOUT-ALL', to: base.roles.map((r) => r.id), toAll: true, body: 'OK-HANDOUT-ALL-BODY' },
      ...base.roles.map((r) => ({ id: `h-${r.id}`, title: `HANDOUT-TITLE-${r.id}`, to: [r.id], toAll: false, body: `HANDOUT-BODY-${r.id}` })),
    ],
    characters: base.characters.map((c, n) => ({ ...c, name: `SECRET-CHARNAME-${n}`, plays: `SECRET-PLAYS-${n}`, script: `SECRET-SCRIPT-${n}` })),
    injects: base.injects.map((i, n) => ({
      ...i,
      title: `SECRET-INJECT-TITLE-${n}`,
      body: `SECRET-INJECT-BODY-${n}`,
      from: `SECRET-FROM-${n}`,
      facilitatorNotes: `SECRET-NOTES-${n}`,
      discussion: [`SECRET-DISCUSSION-${n}`],
      ...(i.table ? { table: { columns: [`SECRET-COLUMN-${n}`], rows: [[`SECRET-CELL-${n}`]] } } : {}),
      ...(i.chart ? { chart: { ...i.chart, label: `SECRET-CHART-${n}` } } : {}),
      prompts: i.prompts.map((p) => ({
        ...p,
        ask: `SECRET-ASK-${p.id}`,
        options: p.options.map((o) => ({ ...o, label: `SECRET-OPTION-${p.id}-${o.id}` })),
        expect: { ...p.expect, keywords: p.expect.keywords.map((g, k) => [`SECRET-KEYWORD-${p.id}-${k}`]), avoid: p.expect.avoid.map((g, k) => ({ any: [`SECRET-AVOID-${p.id}-${k}`], why: `SECRET-WHY-${p.id}-${k}` })) },
      })),
    })),
    runbook: base.runbook.map((s, n) => ({ ...s, step: `SECRET-STEP-${n}` })),
    debrief: { questions: ['SECRET-HOTWASH'] },
    feedback: { questions: [{ id: 'fb', ask: 'SECRET-FEEDBACK', type: 'text' }] },
  };
}

describe('the participant situation manual', () => {
  const scenario = marked();
  const roles = [undefined, ...scenario.roles.map((r) => r.id)];

  it.each(roles)('for role %s holds no expectation, answer, note, script or other role\'s brief, in HTML and Markdown', (role) => {
    const options = role === undefined ? {} : { role };
    for (const text of [htmlText(renderGuideHtml(scenario, 'participants', options)), mdText(renderGuideMarkdown(scenario, 'participants', options))]) {
      expect(text.match(/SECRET-[A-Z0-9-]+/g) ?? []).toEqual([]);
      for (const other of scenario.roles.filter((r) => r.id !== role)) {
        expect(text).not.toContain(`BRIEF-OF-${other.id}`);
        expect(text).not.toContain(`HANDOUT-BODY-${other.id}`);
      }
      // What it must hold: the situation, the rules, the roles, the common handout, and its own brief.
      for (const ok of ['OK-SUMMARY', 'OK-RULES', 'OK-ASSUMPTION', 'OK-HANDOUT-ALL', 'OK-HANDOUT-ALL-BODY', ...scenario.roles.map((r) => `OK-ROLE-${r.id}`)]) expect(text).toContain(ok);
      if (role !== undefined) {
        expect(text).toContain(`BRIEF-OF-${role}`);
        expect(text).toContain(`HANDOUT-BODY-${role}`);
      }
    }
  });

  it('schedules only injects whose time is known, with no content', () => {
    const manual = participantManual(scenario, { role: 'comms' });
    const timed = scenario.injects.filter((i) => i.trigger.kind === 'at');
    expect(manual.schedule.map((s) => s.at_s)).toEqual(timed.map((i) => (i.trigger.kind === 'at' ? i.trigger.at : 0)).sort((a, b) => a - b));
    expect(Object.keys(manual.schedule[0] ?? {}).sort()).toEqual(['at_s', 'audience', 'channel', 'storyTime']);
    expect(new Set(manual.schedule.map((s) => s.audience))).toEqual(new Set(['everyone', 'you', 'other roles']));
  });

  it('refuses a role the scenario does not have, naming its roles', () => {
    expect(() => participantManual(scenario, { role: 'nobody' })).toThrow(GuideRoleError);
    expect(() => participantManual(scenario, { role: 'nobody' })).toThrow(/ic, ml, ds, comms, biz/);
  });

  it.each(shipped.map((s) => [s.id, s] as const))('%s: no facilitator note, prompt or other brief in any role\'s manual', (_id, s) => {
    const secrets = [
      ...s.injects.flatMap((i) => [i.facilitatorNotes ?? '', ...i.discussion, ...i.prompts.flatMap((p) => [p.ask, ...p.options.map((o) => o.label)])]),
      ...s.characters.map((c) => c.script),
      ...s.objectives.flatMap((o) => (o.eeg ? [o.eeg.P, o.eeg.U] : [])),
    ].map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length >= 25);
    const briefs = new Map(s.roles.map((r) => [r.id, (r.brief ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)]));
    for (const role of [undefined, ...s.roles.map((r) => r.id)]) {
      // Rendered back to text, the Markdown reads as the scenario's source text.
      const text = mdText(renderGuideMarkdown(s, 'participants', role === undefined ? {} : { role }));
      for (const secret of secrets) expect(text, `${s.id} manual for ${role ?? 'everyone'}`).not.toContain(secret.slice(0, 60));
      for (const [other, brief] of briefs) {
        if (other === role || brief === '') continue;
        expect(text, `${s.id}: ${other}'s brief in ${role ?? 'everyone'}'s manual`).not.toContain(brief);
      }
      if (role !== undefined && briefs.get(role)) expect(text).toContain(briefs.get(role));
    }
  });
});

describe('the facilitator and evaluator guide', () => {
  const scenario = marked();

  it('holds everything: events with notes and discussion, prompts with expectations, runbook, EEG, characters, every brief, scoring rules', () => {
    for (const text of [htmlText(renderGuideHtml(scenario, 'facilitator')), mdText(renderGuideMarkdown(scenario, 'facilitator'))]) {
      const expected = [
        ...scenario.objectives.flatMap((o) => [o.title, o.eeg?.P, o.eeg?.S, o.eeg?.M, o.eeg?.U]),
        ...scenario.roles.map((r) => r.brief),
        ...scenario.characters.flatMap((c) => [c.name, c.plays, c.script]),
        ...scenario.injects.flatMap((i) => [i.title, i.body, i.facilitatorNotes, ...i.discussion, ...i.prompts.flatMap((p) => [p.ask, ...p.options.map((o) => o.label), ...p.expect.keywords.flat(), ...p.expect.avoid.flatMap((g) => [...g.any, g.why])])]),
        ...scenario.runbook.map((s) => s.step),
        'SECRET-HOTWASH', 'SECRET-FEEDBACK', 'Scoring rules', 'best',
      ];
      const missing = expected.filter((e): e is string => e !== undefined && !text.includes(e));
      expect(missing).toEqual([]);
    }
  });

  it('gives each inject its time or its condition and each step its by time', () => {
    const s = load('training-pipeline-rollback.yaml');
    const text = htmlText(renderGuideHtml(s, 'facilitator'));
    expect(text).toContain('when runbook step guard-paused is missed (not met by its time) + 1:00');
    expect(text).toContain('when partner-reply is still unanswered 8:00 after its inject');
    expect(text).toContain('all of (internal-status (text, credit 0.5 or more) and action publish-internal-status)');
    expect(text).toMatch(/14:00\s*Pause the guard's automatic rollback/);
  });

  it('names its files after the scenario and the audience', () => {
    expect(guideFileName('x', 'participants', 'pdf')).toBe('x-situation-manual.pdf');
    expect(guideFileName('x', 'participants', 'html', 'ic')).toBe('x-situation-manual-ic.html');
    expect(guideFileName('x', 'facilitator', 'md')).toBe('x-facilitator-guide.md');
  });
});

/** Every text field of the scenario set to the payload with a field marker. */
function poisoned(payload: string): Scenario {
  const base = load('latency-runbook-101.yaml');
  let n = 0;
  const p = () => `${payload} [f${n++}]`;
  return {
    ...base,
    title: p(), summary: p(), groundRules: p(), assumptions: [p()],
    objectives: base.objectives.map((o) => ({ ...o, title: p(), description: p(), capability: p(), eeg: { P: p(), S: p(), M: p(), U: p() } })),
    roles: base.roles.map((r) => ({ ...r, title: p(), brief: p() })),
    actions: base.actions.map((a) => ({ ...a, title: p() })),
    handouts: base.handouts.map((h) => ({ ...h, title: p(), body: p() })),
    characters: base.characters.map((c) => ({ ...c, name: p(), plays: p(), script: p() })),
    injects: base.injects.map((i) => ({
      ...i, title: p(), body: p(), from: p(), storyTime: p(), facilitatorNotes: p(), discussion: [p()],
      table: { columns: [p(), p()], rows: [[p(), p()]] },
      chart: { label: p(), unit: p(), points: [[0, 1]] },
      prompts: i.prompts.map((q) => ({
        ...q, ask: p(),
        options: q.options.map((o) => ({ ...o, label: p() })),
        expect: { ...q.expect, keywords: [[p(), p()]], avoid: [{ any: [p()], why: p() }] },
      })),
    })),
    runbook: base.runbook.map((s) => ({ ...s, step: p() })),
    debrief: { questions: [p()] },
    feedback: { questions: [{ id: 'fb', ask: p(), type: 'scale' }] },
  };
}

describe.each(PAYLOADS)('hostile scenario text: %j', (payload) => {
  const scenario = poisoned(payload);
  const cases = [
    ['facilitator', {}],
    ['participants', {}],
    ['participants', { role: 'comms' }],
  ] as const;

  it.each(cases)('HTML for %s %j: nothing live, one CSP, no other meta http-equiv', (audience, options) => {
    const doc = parseReport(renderGuide(scenario, audience, 'html', options));
    expect(liveContent(doc)).toEqual([]);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(doc.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
    // The marker of every field still reads as text: nothing was swallowed as markup.
    expect((doc.body.textContent ?? '').match(/\[f\d+\]/g)?.length ?? 0).toBeGreaterThan(10);
  });

  it.each(cases)('Markdown for %s %j: no raw tag, and nothing live even where raw HTML is allowed', (audience, options) => {
    const md = renderGuide(scenario, audience, 'md', options);
    expect(md).not.toMatch(/<[a-zA-Z!/?]/);
    // A permissive wiki: raw HTML allowed and bare URLs made links.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(liveContent(parseReport(`<!DOCTYPE html><html><head><style></style></head><body>${html}</body></html>`))).toEqual([]);
  });
});
