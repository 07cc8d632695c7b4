// The raw scenario format (drillbook/scenario@1) as written in YAML: strict at every level. This
// one definition checks files and generates scenarios/schema.json for editors. Meaning (references,
// cycles, which keys go with which prompt type) is checked afterwards, in check-scenario.ts.
import { z } from 'zod';
import { CHANNELS, FEEDBACK_TYPES, LEVELS, LINT_RULES, PROMPT_TYPES } from './types.ts';
import { describeValue, isRecord } from './path.ts';
import { duration, fraction, hasKey, keyed, listOf, oneOf, points, ref, slug, strict, text } from './schema-kit.ts';
import { didYouMean, listNames } from './suggest.ts';
import { describePromptTypes } from './prompt-types.ts';

export const SCENARIO_FORMAT = 'drillbook/scenario@1';

const formatLiteral = <const F extends string>(format: F) =>
  z.literal(format, { error: (iss) => `expected format: ${format}, got ${describeValue(iss.input)}` });

/** `lint: {allow: [rule...], why}`: silences `drillbook lint` rules for one element, with a reason. */
export const LintAllowSchema = strict('lint', {
  allow: listOf(oneOf(LINT_RULES, 'a lint rule'), 'lint rule ids', 1).describe('The lint rules silenced for this element.'),
  why: text().describe('Why the rule does not apply here; printed by drillbook lint --verbose.'),
});

const lint = () => LintAllowSchema.optional().describe('Silence drillbook lint rules for this element, with a reason.');

/** Version 1.1: an exercise evaluation guide, what each rating looks like for one objective. */
export const EegSchema = strict('eeg', {
  P: text().describe('Performed without challenges: what it looks like (markdown).'),
  S: text().describe('Performed with some challenges.'),
  M: text().describe('Performed with major challenges.'),
  U: text().describe('Unable to be performed.'),
});

export const ObjectiveSchema = strict('objective', {
  id: slug(),
  title: text(),
  description: text().optional(),
  capability: text().optional(),
  eeg: EegSchema.optional().describe('Version 1.1: what P, S, M and U look like for this objective.'),
  lint: lint(),
});

export const RoleSchema = strict('role', {
  id: slug(),
  title: text(),
  brief: text().optional(),
  lint: lint(),
});

export const ActionSchema = strict('action', {
  id: slug(),
  title: text(),
  description: text().optional(),
  roles: listOf(ref(), 'role ids', 1).optional().describe('Who may take it; default every role.'),
  lint: lint(),
});

const CONDITION_KEYS = ['answered', 'unanswered', 'action', 'met', 'missed', 'any', 'all'] as const;

export type RawCondition =
  | { answered: string; with?: string[] }
  | { unanswered: string; for: string | number }
  | { action: string; by?: string }
  | { met: string }
  | { missed: string }
  | { any: RawCondition[] }
  | { all: RawCondition[] };

export const ConditionSchema: z.ZodType<RawCondition> = keyed(
  'condition',
  [
    strict('condition', { answered: ref(), with: listOf(ref(), 'option ids', 1).optional() }),
    strict('condition', { unanswered: ref(), for: duration() }),
    strict('condition', { action: ref(), by: ref().optional() }),
    strict('condition', { met: ref() }),
    strict('condition', { missed: ref() }),
    strict('condition', {
      get any() {
        return listOf(ConditionSchema, 'conditions', 1);
      },
    }),
    strict('condition', {
      get all() {
        return listOf(ConditionSchema, 'conditions', 1);
      },
    }),
  ],
  {
    labels: ["'answered'", "'unanswered'", "'action'", "'met'", "'missed'", "'any'", "'all'"],
    matches: CONDITION_KEYS.map((k) => hasKey(k)),
    none: (value) => {
      const heads = listNames(CONDITION_KEYS);
      if (!isRecord(value)) return `expected a condition such as {answered: PROMPT}, got ${describeValue(value)}; a condition is one of: ${heads}`;
      const guess = Object.keys(value).map((k) => didYouMean(k, CONDITION_KEYS)).find((s) => s !== '');
      return `a condition needs one of: ${heads}${guess ?? ''}`;
    },
  },
  { id: 'condition', description: 'When an inject is delivered: the first moment this condition becomes true.' },
);

export const OptionSchema = strict('option', { id: slug(), label: text() });

const phrases = (what: string) =>
  z.array(text(), { error: (iss) => `${what} is a list of words or phrases, e.g. [never happen again]; got ${describeValue(iss.input)}` })
    .min(1, { error: `${what} needs at least one word or phrase` });

/** Version 1.1: phrases a text answer should not contain (matched like a keyword group), with the reason. */
export const AvoidGroupSchema = strict('avoid group', {
  any: phrases('an avoid group\'s any').describe('Words or phrases; the group matches when the answer contains any of them.'),
  why: text().describe('Why an answer should not say this; shown beside a matching answer.'),
});

export const ExpectSchema = strict('expect', {
  best: listOf(ref(), 'option ids').optional(),
  acceptable: listOf(ref(), 'option ids').optional(),
  acceptable_credit: fraction('acceptable_credit').optional().describe('Credit for an acceptable answer; default 0.5.'),
  keywords: listOf(
    z.array(text(), { error: (iss) => `each keyword group is a list of words or phrases, e.g. [rollback, roll back]; got ${describeValue(iss.input)}` })
      .min(1, { error: 'a keyword group needs at least one word or phrase' }),
    'keyword groups',
  ).optional(),
  avoid: listOf(AvoidGroupSchema, 'avoid groups').optional().describe('Version 1.1, text prompts: each matched group takes 0.5 off the keyword credit.'),
  within: duration().optional().describe('Full timeliness when answered within this time of delivery.'),
});

export const PromptSchema = strict('prompt', {
  id: slug(),
  role: ref().describe("The role that answers; must be in the inject's to."),
  ask: text(),
  type: oneOf(PROMPT_TYPES, 'a prompt type').describe(describePromptTypes()),
  options: listOf(OptionSchema, 'options').optional(),
  expect: ExpectSchema.optional(),
  objective: ref().optional(),
  points: points().optional().describe('Default 10.'),
  lint: lint(),
});

const cell = z.union([z.string(), z.number()], { error: (iss) => `a table cell is text or a number, got ${describeValue(iss.input)}` });

export const TableSchema = strict('table', {
  columns: listOf(z.string({ error: (iss) => `a column name is text, got ${describeValue(iss.input)}` }), 'column names', 1),
  rows: listOf(z.array(cell, { error: (iss) => `a table row is a list of cells, got ${describeValue(iss.input)}` }), 'rows'),
});

const chartNumber = z.number({ error: (iss) => `a chart point is [seconds, value] with two numbers, got ${describeValue(iss.input)}` });

export const ChartSchema = strict('chart', {
  label: text(),
  unit: text().optional(),
  points: listOf(
    z.tuple([chartNumber.min(0, { error: 'a chart point\'s seconds are never negative' }), chartNumber], {
      error: (iss) => `a chart point is [seconds, value], got ${describeValue(iss.input)}`,
    }),
    'points [seconds, value]',
  ),
});

export const InjectSchema = strict('inject', {
  id: slug(),
  at: duration().optional().describe('Delivered at this exercise time (one of at, after, when).'),
  after: ref().optional().describe('Delivered when this inject is delivered, plus delay.'),
  when: ConditionSchema.optional().describe('Delivered when this condition first becomes true, plus delay.'),
  delay: duration().optional().describe('With after or when only; default 0.'),
  to: z.union(
    [
      z.literal('all', { error: (iss) => `expected a list of role ids or all, got ${describeValue(iss.input)}` }),
      listOf(ref(), 'role ids', 1),
    ],
    { error: (iss) => `expected a list of role ids or all, got ${describeValue(iss.input)}` },
  ),
  channel: oneOf(CHANNELS, 'a channel').describe('How the inject appears.'),
  from: text().optional(),
  title: text(),
  body: text().describe('Markdown, rendered without raw HTML.'),
  story_time: text().optional().describe('The time in the story, e.g. Month 3.'),
  facilitator_notes: text().optional().describe('Markdown seen only by facilitators.'),
  table: TableSchema.optional(),
  chart: ChartSchema.optional(),
  prompts: listOf(PromptSchema, 'prompts').optional(),
  discussion: listOf(text(), 'discussion questions').optional().describe('Version 1.1: questions the facilitator can ask the room when this inject lands.'),
  lint: lint(),
});

const promptEntry = () => strict('met_by entry', { prompt: ref(), with: listOf(ref(), 'option ids', 1).optional() });
const actionEntry = () => strict('met_by entry', { action: ref() });

/** A version-1 met_by entry: the only forms allowed inside `{all: [...]}` (no nesting). */
export const SimpleMetBySchema = keyed(
  'met_by entry',
  [promptEntry(), actionEntry()],
  {
    labels: ["'prompt'", "'action'"],
    matches: [hasKey('prompt'), hasKey('action')],
    none: (value) =>
      isRecord(value)
        ? Object.hasOwn(value, 'all')
          ? "an entry inside 'all' is {prompt: ID, with: [OPTION...]}, {prompt: ID} or {action: ID}; 'all' does not nest"
          : `an entry inside 'all' is {prompt: ID, with: [OPTION...]}, {prompt: ID} or {action: ID}${Object.keys(value).map((k) => didYouMean(k, ['prompt', 'action', 'with'])).find((s) => s !== '') ?? ''}`
        : `expected a met_by entry such as {action: ID}, got ${describeValue(value)}`,
  },
);

export const MetBySchema = keyed(
  'met_by entry',
  [promptEntry(), actionEntry(), strict('met_by entry', { all: listOf(SimpleMetBySchema, 'met_by entries', 1) })],
  {
    labels: ["'prompt'", "'action'", "'all'"],
    matches: [hasKey('prompt'), hasKey('action'), hasKey('all')],
    none: (value) =>
      isRecord(value)
        ? `a met_by entry is {prompt: ID, with: [OPTION...]}, {prompt: ID}, {action: ID} or {all: [ENTRY...]}${Object.keys(value).map((k) => didYouMean(k, ['prompt', 'action', 'with', 'all'])).find((s) => s !== '') ?? ''}`
        : `expected a met_by entry such as {action: ID}, got ${describeValue(value)}`,
  },
);

export const StepSchema = strict('runbook step', {
  id: slug(),
  step: text(),
  objective: ref().optional(),
  by: duration().describe('The exercise time by which the runbook expects it.'),
  metric: slug().optional().describe('A time-to metric this step marks: detect, triage, mitigate, communicate, recover, or another slug.'),
  met_by: listOf(MetBySchema, 'met_by entries', 1).describe('The step is met at the first decision that satisfies any of these.'),
  points: points().optional(),
  lint: lint(),
});

export const HandoutSchema = strict('handout', {
  id: slug(),
  title: text(),
  to: z.union(
    [
      z.literal('all', { error: (iss) => `expected a list of role ids or all, got ${describeValue(iss.input)}` }),
      listOf(ref(), 'role ids', 1),
    ],
    { error: (iss) => `expected a list of role ids or all, got ${describeValue(iss.input)}` },
  ).describe('Who gets it: role ids, or all.'),
  body: text().describe('Markdown.'),
});

export const CharacterSchema = strict('character', {
  id: slug(),
  name: text(),
  plays: text().describe('Who they are in the story, e.g. the vendor\'s account manager.'),
  script: text().describe('Markdown: what they know, want and say.'),
});

export const FeedbackQuestionSchema = strict('feedback question', {
  id: slug(),
  ask: text(),
  type: oneOf(FEEDBACK_TYPES, 'a feedback question type').describe('scale (1 to 5) or text.'),
});

export const ScenarioFileSchema = strict('scenario', {
  format: formatLiteral(SCENARIO_FORMAT).describe('Format and version.'),
  id: slug().describe('Stable identity of the scenario.'),
  title: text(),
  level: oneOf(LEVELS, 'a level').optional().describe('Default beginner.'),
  duration: duration().describe('Planned length; the clock may run past it.'),
  summary: text().describe('Markdown shown to everyone before the start.'),
  tags: listOf(z.string({ error: (iss) => `a tag is text, got ${describeValue(iss.input)}` }), 'tags').optional(),
  objectives: listOf(ObjectiveSchema, 'objectives', 1),
  roles: listOf(RoleSchema, 'roles', 1),
  actions: listOf(ActionSchema, 'actions').optional().describe('Buttons that roles may press at any time.'),
  injects: listOf(InjectSchema, 'injects', 1).describe('The master scenario events list.'),
  runbook: listOf(StepSchema, 'runbook steps').optional().describe('What the runbook expects, and by when.'),
  debrief: strict('debrief', { questions: listOf(text(), 'questions') }).optional(),
  ground_rules: text().optional().describe('Version 1.1: markdown, the rules read out at the start.'),
  assumptions: listOf(text(), 'assumptions').optional().describe('Version 1.1: assumptions and artificialities of the exercise.'),
  handouts: listOf(HandoutSchema, 'handouts').optional().describe('Version 1.1: material participants get before or at the start.'),
  characters: listOf(CharacterSchema, 'characters').optional().describe('Version 1.1: people the facilitator voices.'),
  feedback: strict('feedback', { questions: listOf(FeedbackQuestionSchema, 'feedback questions') }).optional()
    .describe('Version 1.1: questions added to the participant feedback form.'),
  lint: lint(),
}, { title: 'Drillbook scenario', description: 'A tabletop exercise in the Drillbook scenario format, version 1 (with the optional keys of version 1.1).' });

export type RawScenario = z.infer<typeof ScenarioFileSchema>;
export type RawInject = z.infer<typeof InjectSchema>;
export type RawPrompt = z.infer<typeof PromptSchema>;
export type RawStep = z.infer<typeof StepSchema>;
export type RawMetBy = z.infer<typeof MetBySchema>;
export type RawSimpleMetBy = z.infer<typeof SimpleMetBySchema>;
export { formatLiteral };
