// The raw play-script format (drillbook/play@1): a list of timed events, each exactly one kind.
import { z } from 'zod';
import { NOTE_TAGS, RATINGS } from './types.ts';
import { describeValue, isRecord, quote } from './path.ts';
import { formatLiteral } from './schema.ts';
import { duration, fraction, hasKey, keyed, listOf, oneOf, ref, slug, strict, text } from './schema-kit.ts';
import { didYouMean, listNames } from './suggest.ts';

export const PLAY_FORMAT = 'drillbook/play@1';

export const FACILITATOR_EVENTS = ['grade', 'note', 'deliver', 'skip', 'rate', 'pause', 'resume', 'end'] as const;

const facilitator = <const K extends (typeof FACILITATOR_EVENTS)[number], S extends z.ZodRawShape>(kind: K, shape: S) =>
  strict(`${kind} event`, { at: duration(), facilitator: z.literal(kind), ...shape });

const answer = z.union(
  [
    z.string({ error: (iss) => `an answer is text, an option id, or a list of option ids; got ${describeValue(iss.input)}` }),
    z.array(ref(), { error: (iss) => `an answer is text, an option id, or a list of option ids; got ${describeValue(iss.input)}` }),
  ],
  { error: (iss) => `an answer is text, an option id, or a list of option ids; got ${describeValue(iss.input)}` },
);

const isFacilitator = (kind: string) => (v: Record<string, unknown>) => v.facilitator === kind;
const participant = (key: string) => (v: Record<string, unknown>) => hasKey(key)(v) && !hasKey('facilitator')(v);

export const PlayEventSchema = keyed(
  'event',
  [
    strict('answer event', { at: duration(), role: ref(), prompt: ref(), answer }),
    strict('action event', { at: duration(), role: ref(), action: ref() }),
    strict('chat event', { at: duration(), role: ref(), text: text() }),
    facilitator('grade', { prompt: ref(), credit: fraction('credit'), reason: text() }),
    facilitator('note', { text: text(), tag: oneOf(NOTE_TAGS, 'a note tag'), objective: ref().optional(), role: ref().optional() }),
    facilitator('deliver', { inject: ref() }),
    facilitator('skip', { inject: ref() }),
    facilitator('rate', { objective: ref(), rating: oneOf(RATINGS, 'a rating'), reason: text() }),
    facilitator('pause', {}),
    facilitator('resume', {}),
    facilitator('end', {}),
  ],
  {
    labels: ["'answer'", "'action'", "'text' (chat)", ...FACILITATOR_EVENTS.map((k) => `facilitator: ${k}`)],
    matches: [hasKey('answer'), participant('action'), participant('text'), ...FACILITATOR_EVENTS.map(isFacilitator)],
    none: (value) => {
      if (!isRecord(value)) return `expected an event such as {at: 2m, role: ic, prompt: severity, answer: sev2}, got ${describeValue(value)}`;
      if (hasKey('facilitator')(value)) {
        const kind = value.facilitator;
        const got = typeof kind === 'string' ? `${quote(String(kind))}${didYouMean(kind, FACILITATOR_EVENTS)}` : describeValue(kind);
        return `unknown facilitator event ${got}; facilitator events are: ${listNames(FACILITATOR_EVENTS)}`;
      }
      const guess = Object.keys(value).map((k) => didYouMean(k, ['answer', 'action', 'text', 'facilitator'])).find((s) => s !== '');
      return `an event needs one of: answer (with role and prompt), action (with role), text (a chat message, with role) or facilitator${guess ?? ''}`;
    },
  },
);

export const PlayFileSchema = strict('play script', {
  format: formatLiteral(PLAY_FORMAT),
  scenario: slug().optional(),
  events: listOf(PlayEventSchema, 'events'),
}, { title: 'Drillbook play script', description: 'A dry run of a scenario, in the Drillbook play format, version 1.' });

export type RawPlay = z.infer<typeof PlayFileSchema>;
