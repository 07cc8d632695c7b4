// What each printed document of a scenario's facilitator pack may hold (scenario format 1.1,
// "Facilitator pack"). The participant situation manual is built from a view that copies only the
// fields a participant may see, so that no expectation, answer, note, script or other role's brief
// can reach it whatever the renderer does; the facilitator and evaluator guide gets everything.
import { PROMPT_TYPES, type Channel, type Condition, type Handout, type MetBy, type Scenario, type SimpleMetBy, type Trigger } from '../scenario/types.ts';
import { PROMPT_TYPE_SPECS } from '../scenario/prompt-types.ts';

export const GUIDE_AUDIENCES = ['participants', 'facilitator'] as const;
export type GuideAudience = (typeof GUIDE_AUDIENCES)[number];

export const GUIDE_FORMATS = ['html', 'md', 'pdf'] as const;
export type GuideFormat = (typeof GUIDE_FORMATS)[number];
/** The formats core renders to text; pdf is printed from the HTML by a host. */
export type TextGuideFormat = Exclude<GuideFormat, 'pdf'>;

export interface GuideOptions {
  /** Participants only: the manual of this role (its brief and its handouts); none: the common manual, no briefs. */
  role?: string;
}

/** One line of the participants' schedule: when something is planned to arrive, never what. */
export interface ScheduleRow {
  at_s: number;
  storyTime?: string;
  channel: Channel;
  /** 'everyone', 'you', 'other roles' (with a role) or 'some roles' (without). */
  audience: string;
}

export interface ParticipantManual {
  scenario: { id: string; title: string; level: string; duration_s: number };
  summary: string;
  groundRules?: string;
  assumptions: string[];
  /** Every role's title; the brief only for the manual's own role. */
  roles: { id: string; title: string; brief?: string; yours: boolean }[];
  /** The role the manual is for, or null for the common manual. */
  role: { id: string; title: string } | null;
  handouts: { id: string; title: string; body: string; toAll: boolean }[];
  schedule: ScheduleRow[];
}

export class GuideRoleError extends Error {}

/** The exercise time of an inject whose time is known in advance (`at`, or `after` a chain that starts with `at`). */
export function plannedTime(scenario: Scenario, injectId: string, seen = new Set<string>()): number | null {
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject || seen.has(injectId)) return null;
  seen.add(injectId);
  const t: Trigger = inject.trigger;
  if (t.kind === 'at') return t.at;
  if (t.kind === 'after') {
    const base = plannedTime(scenario, t.inject, seen);
    return base === null ? null : base + t.delay;
  }
  return null;
}

function handoutFor(handout: Handout, role: string | null): boolean {
  return handout.toAll || (role !== null && handout.to.includes(role));
}

export function participantManual(scenario: Scenario, options: GuideOptions = {}): ParticipantManual {
  const roleId = options.role ?? null;
  const role = roleId === null ? null : scenario.roles.find((r) => r.id === roleId);
  if (role === undefined) {
    throw new GuideRoleError(`no role '${roleId}' in ${scenario.id}; its roles: ${scenario.roles.map((r) => r.id).join(', ')}`);
  }
  const schedule: ScheduleRow[] = [];
  for (const inject of scenario.injects) {
    const at = plannedTime(scenario, inject.id);
    // Injects that depend on the team's decisions are not announced: they are part of the exercise.
    if (at === null) continue;
    const audience = inject.toAll ? 'everyone' : role === null ? 'some roles' : inject.to.includes(role.id) ? 'you' : 'other roles';
    schedule.push({ at_s: at, ...(inject.storyTime !== undefined ? { storyTime: inject.storyTime } : {}), channel: inject.channel, audience });
  }
  schedule.sort((a, b) => a.at_s - b.at_s);
  return {
    scenario: { id: scenario.id, title: scenario.title, level: scenario.level, duration_s: scenario.duration },
    summary: scenario.summary,
    ...(scenario.groundRules !== undefined ? { groundRules: scenario.groundRules } : {}),
    assumptions: [...scenario.assumptions],
    roles: scenario.roles.map((r) => ({
      id: r.id,
      title: r.title,
      yours: r.id === role?.id,
      ...(r.id === role?.id && r.brief !== undefined ? { brief: r.brief } : {}),
    })),
    role: role === null ? null : { id: role.id, title: role.title },
    handouts: scenario.handouts.filter((h) => handoutFor(h, role?.id ?? null)).map((h) => ({ id: h.id, title: h.title, body: h.body, toAll: h.toAll })),
    schedule,
  };
}

// ---- words for the facilitator guide ----

function list(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

function clock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'answered': return c.with ? `${c.prompt} is answered with ${list(c.with)}` : `${c.prompt} is answered`;
    case 'unanswered': return `${c.prompt} is still unanswered ${clock(c.for)} after its inject`;
    case 'action': return c.by ? `${c.by} takes the action ${c.action}` : `the action ${c.action} is taken`;
    case 'met': return `runbook step ${c.step} is met`;
    case 'missed': return `runbook step ${c.step} is missed (not met by its time)`;
    case 'any': return `any of: ${c.conditions.map(describeCondition).join('; ')}`;
    case 'all': return `all of: ${c.conditions.map(describeCondition).join('; ')}`;
  }
}

export function describeTrigger(t: Trigger): string {
  const delay = (d: number) => (d > 0 ? ` + ${clock(d)}` : '');
  switch (t.kind) {
    case 'at': return `at ${clock(t.at)}`;
    case 'after': return `after ${t.inject}${delay(t.delay)}`;
    case 'when': return `when ${describeCondition(t.condition)}${delay(t.delay)}`;
  }
}

/** The time column of the events list: the planned time, or "branch". */
export function whenColumn(scenario: Scenario, injectId: string): string {
  const at = plannedTime(scenario, injectId);
  return at === null ? 'branch' : clock(at);
}

function simpleMetBy(m: SimpleMetBy): string {
  if (m.kind === 'action') return `action ${m.action}`;
  return m.with ? `${m.prompt} answered with ${list(m.with)}` : `${m.prompt} (text, credit 0.5 or more)`;
}

export function describeMetBy(entries: readonly MetBy[]): string {
  return entries.map((m) => (m.kind === 'all' ? `all of (${m.entries.map(simpleMetBy).join(' and ')})` : simpleMetBy(m))).join('; or ');
}

export { clock as guideClock };

/** The scoring rules, on one page of the guide (scenario format, "Scoring" and "Version 1.1"). */
export const SCORING_RULES: { title: string; items: string[] }[] = [
  {
    title: 'Prompts',
    items: [
      'The scored answer is the last one submitted; its response time r is from the inject\'s delivery to that answer.',
      ...PROMPT_TYPES.map((type) => PROMPT_TYPE_SPECS[type].rule),
      'A facilitator\'s grade (0 to 1, with a reason) replaces c; it never changes the time.',
      'Timeliness t is 1 within the prompt\'s window; after it, t = 1 − 0.5 × overrun / window, never below 0.5 (an answer at twice the window gets 0.5).',
      'Prompt score = points × c × t. A delivered prompt left unanswered scores 0; prompts of injects never delivered count for nothing.',
    ],
  },
  {
    title: 'Runbook steps',
    items: [
      'A step scores its points when met by its time, half its points when met later, 0 when never met.',
      'A step is met at the first decision that satisfies one of its entries: a choice answered with a listed option, a text answer with credit 0.5 or more (or a grade of 0.5 or more), or the action taken. An "all of" entry is met when every part is, at the latest of their times: words and the act.',
    ],
  },
  {
    title: 'Objectives and the overall rating',
    items: [
      'An objective\'s percent is its points over its possible points, prompts and steps together. P at 90% or more, S at 70%, M at 40%, else U. The facilitator may set an objective\'s rating by hand, with a reason.',
      'The overall rating is the band of the overall percent, lowered where needed to one band above the weakest objective in force (U → at most M, M → at most S). The report names the objective that capped it.',
      'Each runbook step with a metric gives a time-to metric: when it was met, beside its target.',
    ],
  },
];
