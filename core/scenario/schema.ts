// The raw scenario format (drillbook/scenario@1) as written in YAML: strict at every level. This
// one definition checks files and generates scenarios/schema.json for editors. Meaning (references,
// cycles, which keys go with which prompt type) is checked afterwards, in check-scenario.ts.
import { z } from 'zod';
import { CHANNELS, LEVELS, PROMPT_TYPES } from './types.ts';
import { describeValue, isRecord } from './path.ts';
import { duration, fraction, hasKey, keyed, listOf, oneOf, points, ref, slug, strict, text } from './schema-kit.ts';
import { didYouMean, listNames } from './suggest.ts';

export const SCENARIO_FORMAT = 'drillbook/scenario@1';

const formatLiteral = <const F extends string>(format: F) =>
  z.literal(format, { error: (iss) => `expected format: ${format}, got ${describeValue(iss.input)}` });

export const ObjectiveSchema = strict('objective', {
  id: slug(),
  title: text(),
  description: text().optional(),
  capability: text().optional(),
});

export const RoleSchema = strict('role', {
  id: slug(),
  title: text(),
  brief: text().optional(),
});

export const ActionSchema = strict('action', {
  id: slug(),
  title: text(),
  description: text().optional(),
  roles: listOf(ref(), 'role ids', 1).optional(),
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

export const ExpectSchema = strict('expect', {
  best: listOf(ref(), 'option ids').optional(),
  acceptable: listOf(ref(), 'option ids').optional(),
  acceptable_credit: fraction('acceptable_credit').optional(),
  keywords: listOf(
    z.array(text(), { error: (iss) => `each keyword group is a list of words or phrases, e.g. [rollback, roll back]; got ${describeValue(iss.input)}` })
      .min(1, { error: 'a keyword group needs at least one word or phrase' }),
    'keyword groups',
  ).optional(),
  within: duration().optional(),
});

export const PromptSchema = strict('prompt', {
  id: slug(),
  role: ref(),
  ask: text(),
  type: oneOf(PROMPT_TYPES, 'a prompt type'),
  options: listOf(OptionSchema, 'options').optional(),
  expect: ExpectSchema.optional(),
  objective: ref().optional(),
  points: points().optional(),
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
  at: duration().optional(),
  after: ref().optional(),
  when: ConditionSchema.optional(),
  delay: duration().optional(),
  to: z.union(
    [
      z.literal('all', { error: (iss) => `expected a list of role ids or all, got ${describeValue(iss.input)}` }),
      listOf(ref(), 'role ids', 1),
    ],
    { error: (iss) => `expected a list of role ids or all, got ${describeValue(iss.input)}` },
  ),
  channel: oneOf(CHANNELS, 'a channel'),
  from: text().optional(),
  title: text(),
  body: text(),
  story_time: text().optional(),
  facilitator_notes: text().optional(),
  table: TableSchema.optional(),
  chart: ChartSchema.optional(),
  prompts: listOf(PromptSchema, 'prompts').optional(),
});

export const MetBySchema = keyed(
  'met_by entry',
  [
    strict('met_by entry', { prompt: ref(), with: listOf(ref(), 'option ids', 1).optional() }),
    strict('met_by entry', { action: ref() }),
  ],
  {
    labels: ["'prompt'", "'action'"],
    matches: [hasKey('prompt'), hasKey('action')],
    none: (value) =>
      isRecord(value)
        ? `a met_by entry is {prompt: ID, with: [OPTION...]}, {prompt: ID} or {action: ID}${Object.keys(value).map((k) => didYouMean(k, ['prompt', 'action', 'with'])).find((s) => s !== '') ?? ''}`
        : `expected a met_by entry such as {action: ID}, got ${describeValue(value)}`,
  },
);

export const StepSchema = strict('runbook step', {
  id: slug(),
  step: text(),
  objective: ref().optional(),
  by: duration(),
  metric: slug().optional(),
  met_by: listOf(MetBySchema, 'met_by entries', 1),
  points: points().optional(),
});

export const ScenarioFileSchema = strict('scenario', {
  format: formatLiteral(SCENARIO_FORMAT),
  id: slug(),
  title: text(),
  level: oneOf(LEVELS, 'a level').optional(),
  duration: duration(),
  summary: text(),
  tags: listOf(z.string({ error: (iss) => `a tag is text, got ${describeValue(iss.input)}` }), 'tags').optional(),
  objectives: listOf(ObjectiveSchema, 'objectives', 1),
  roles: listOf(RoleSchema, 'roles', 1),
  actions: listOf(ActionSchema, 'actions').optional(),
  injects: listOf(InjectSchema, 'injects', 1),
  runbook: listOf(StepSchema, 'runbook steps').optional(),
  debrief: strict('debrief', { questions: listOf(text(), 'questions') }).optional(),
}, { title: 'Drillbook scenario', description: 'A tabletop exercise in the Drillbook scenario format, version 1.' });

export type RawScenario = z.infer<typeof ScenarioFileSchema>;
export type RawInject = z.infer<typeof InjectSchema>;
export type RawPrompt = z.infer<typeof PromptSchema>;
export type RawStep = z.infer<typeof StepSchema>;
export type RawMetBy = z.infer<typeof MetBySchema>;
export { formatLiteral };
