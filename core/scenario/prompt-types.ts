// The prompt types, one entry each: what an answer looks like and how it is checked, scored, shown
// and kept private. The keys are the types (PROMPT_TYPES, PromptType). The engine (decide, reduce),
// scoring, the timeline, the anonymizer, the scenario checks and the app's screens read an entry
// instead of testing `type === 'text'`, so a new type cannot fall into someone's else branch (scored
// 0, shown as a text box, left out of anonymization): it brings its own rules, and the seat's
// Record<PromptType, PromptInput> does not compile until it has an input. docs/architecture.md
// ("Adding a prompt type") lists the files a new type touches.

import { LIMITS, type RejectionCode } from '../engine/commands.ts';
import { choiceCorrectness, multiCorrectness, textCorrectness } from '../scoring/rules.ts';
import type { Expect, Option } from './types.ts';

/** An answer as it travels and is recorded: one string, or a list of strings. */
export type Answer = string | readonly string[];

export type AnswerCheck =
  | { ok: true; answer: string | string[] }
  | { ok: false; code: RejectionCode; message: string };

/** What scoring makes of one answer before a facilitator's grade (core/scoring/score.ts). */
export interface AnswerScore {
  /** c, from 0 to 1. */
  correctness: number;
  /** No rule could score it (a text prompt without keywords): the facilitator should grade it. */
  needsReview: boolean;
  /** Version 1.1: the `why` of every matched avoid group, in file order. */
  avoided: string[];
  /** Scored by a rule that a facilitator's grade is expected to confirm (keyword credit). */
  provisional: boolean;
}

export interface PromptTypeSpec {
  /** How the facilitator's ad-hoc composer names it ("One choice"). */
  label: string;
  /** What an answer is, for the scenario schema's description ("one option"). */
  answers: string;
  /** The author lists options ({id, label}); `expect.best`/`acceptable` and `met_by.with` name them. */
  options: boolean;
  /**
   * The answer is the participant's own words: `expect.keywords`/`avoid` score it; reports
   * anonymize it and the timeline quotes it; the facilitator's grade queue holds it; and a grade
   * of 0.5 or more meets a runbook step that names the prompt.
   */
  freeText: boolean;
  /** The scoring rule in a sentence, for the facilitator guide's scoring page. */
  rule: string;
  /** Checks an answer's meaning against the prompt (after the protocol checked its shape). */
  check(answer: unknown, prompt: { id: string; optionIds: ReadonlySet<string> }): AnswerCheck;
  /** Correctness of an answer of any shape (a wrong shape scores 0). */
  score(answer: Answer, expect: Expect): AnswerScore;
  /** Whether an answer meets a runbook entry `{prompt: ID}` that names no options. */
  meetsStep(answer: Answer, expect: Expect): boolean;
  /** The answer as a person reads it: option labels, or the text itself. */
  show(answer: Answer, options: readonly Option[]): string;
  /**
   * Where an ungraded answer's correctness came from, in a few words for the Decisions table and
   * the reports ("the best answer", "2 of 3 best options, 1 wrong", "keyword credit, not graded").
   */
  explain(answer: Answer, expected: { best: readonly string[]; acceptable: readonly string[] }, needsReview: boolean): string;
}

/** A choice among options, explained against the expected lists (shared by one and several choices). */
function explainChoice(answer: Answer, expected: { best: readonly string[]; acceptable: readonly string[] }): string {
  if (expected.best.length === 0 && expected.acceptable.length === 0) return 'no expected answer';
  const chosen = typeof answer === 'string' ? [answer] : answer;
  if (chosen.some((o) => expected.best.includes(o))) return 'the best answer';
  if (chosen.some((o) => expected.acceptable.includes(o))) return 'an acceptable answer';
  return 'not an expected answer';
}

const zero = (): AnswerScore => ({ correctness: 0, needsReview: false, avoided: [], provisional: false });
const scored = (correctness: number): AnswerScore => ({ correctness, needsReview: false, avoided: [], provisional: false });
const labelOf = (options: readonly Option[], id: string): string => options.find((o) => o.id === id)?.label ?? id;
const isList = (answer: Answer): answer is readonly string[] => Array.isArray(answer);

function unknownOption(prompt: string, option: string, optionIds: ReadonlySet<string>): AnswerCheck {
  return { ok: false, code: 'unknown-option', message: `Prompt '${prompt}' has no option '${option}'. Its options are: ${[...optionIds].join(', ')}.` };
}

export const PROMPT_TYPE_SPECS = {
  choice: {
    label: 'One choice',
    answers: 'one option',
    options: true,
    freeText: false,
    rule: 'Choice: correctness c is 1 for a best option, the acceptable credit (0.5 unless the prompt says otherwise) for an acceptable one, else 0.',
    check(answer, { id, optionIds }) {
      if (typeof answer !== 'string') return { ok: false, code: 'wrong-answer-type', message: `Prompt '${id}' takes one option; send a single option id.` };
      if (!optionIds.has(answer)) return unknownOption(id, answer, optionIds);
      return { ok: true, answer };
    },
    score: (answer, expect) => (typeof answer === 'string' ? scored(choiceCorrectness(answer, expect)) : zero()),
    meetsStep: () => true,
    show: (answer, options) => (isList(answer) ? answer.map((id) => labelOf(options, id)).join(', ') : labelOf(options, answer)),
    explain: (answer, expected) => explainChoice(answer, expected),
  },
  multi: {
    label: 'Several choices',
    answers: 'several options',
    options: true,
    freeText: false,
    rule: 'Multi: c = (best options chosen − options in neither list) / number of best options, never below 0.',
    check(answer, { id, optionIds }) {
      if (!Array.isArray(answer)) return { ok: false, code: 'wrong-answer-type', message: `Prompt '${id}' takes a list of options.` };
      if (answer.length === 0) return { ok: false, code: 'empty', message: `Choose at least one option for prompt '${id}'.` };
      const seen = new Set<string>();
      for (const option of answer as unknown[]) {
        if (typeof option !== 'string') return { ok: false, code: 'wrong-answer-type', message: `Prompt '${id}' takes a list of option ids.` };
        if (!optionIds.has(option)) return unknownOption(id, option, optionIds);
        if (seen.has(option)) return { ok: false, code: 'duplicate-option', message: `The option '${option}' is chosen twice; choose each option at most once.` };
        seen.add(option);
      }
      return { ok: true, answer: [...seen] };
    },
    score: (answer, expect) => (isList(answer) ? scored(multiCorrectness(answer, expect)) : zero()),
    meetsStep: () => true,
    show: (answer, options) => (isList(answer) ? answer : [answer]).map((id) => labelOf(options, id)).join(', '),
    explain(answer, expected) {
      if (expected.best.length === 0 && expected.acceptable.length === 0) return 'no expected answer';
      const chosen = isList(answer) ? answer : [answer];
      const hits = chosen.filter((o) => expected.best.includes(o)).length;
      const wrong = chosen.filter((o) => !expected.best.includes(o) && !expected.acceptable.includes(o)).length;
      return `${hits} of ${expected.best.length} best options${wrong > 0 ? `, ${wrong} wrong` : ''}`;
    },
  },
  text: {
    label: 'Free text',
    answers: 'free text',
    options: false,
    freeText: true,
    rule: 'Text: c = keyword groups matched / keyword groups − 0.5 for each avoid group matched, never below 0. A group matches when the answer contains any of its words or phrases (whole words, any case). Keyword credit is provisional until the facilitator grades it.',
    check(answer, { id }) {
      if (typeof answer !== 'string') return { ok: false, code: 'wrong-answer-type', message: `Prompt '${id}' takes a text answer.` };
      if (answer.trim() === '') return { ok: false, code: 'empty', message: 'The answer is empty. Write something and send it again.' };
      if (answer.length > LIMITS.answer) {
        return { ok: false, code: 'too-long', message: `The answer is ${answer.length} characters long; the limit is ${LIMITS.answer}. Shorten it and send it again.` };
      }
      return { ok: true, answer };
    },
    score(answer, expect) {
      if (typeof answer !== 'string') return zero();
      const text = textCorrectness(answer, expect);
      return { correctness: text.correctness, needsReview: text.needsReview, avoided: text.avoided, provisional: !text.needsReview };
    },
    // The keyword credit with avoid groups subtracted (version 1.1); no keywords: only a grade meets it.
    meetsStep: (answer, expect) => typeof answer === 'string' && textCorrectness(answer, expect).correctness >= 0.5,
    show: (answer) => (isList(answer) ? answer.join(', ') : answer),
    explain: (_answer, _expected, needsReview) => (needsReview ? 'no keywords to score it: needs a grade' : 'keyword credit, not graded'),
  },
} satisfies Record<string, PromptTypeSpec>;

export type PromptType = keyof typeof PROMPT_TYPE_SPECS;
/** The types in the registry's order (the schema's, the messages'). */
export const PROMPT_TYPES = Object.keys(PROMPT_TYPE_SPECS) as [PromptType, ...PromptType[]];

/** The entry of a prompt type. */
export function promptTypeSpec(type: PromptType): PromptTypeSpec {
  return PROMPT_TYPE_SPECS[type];
}

/** The entry of a type read from outside (a debrief file), or undefined when it names none. */
export function knownPromptType(type: string): PromptTypeSpec | undefined {
  return Object.hasOwn(PROMPT_TYPE_SPECS, type) ? PROMPT_TYPE_SPECS[type as PromptType] : undefined;
}

/** "choice and multi", "choice or multi": the types for which `test` holds, for messages. */
export function promptTypesWhere(test: (spec: PromptTypeSpec) => boolean, conjunction: 'and' | 'or'): string {
  const names = PROMPT_TYPES.filter((t) => test(PROMPT_TYPE_SPECS[t]));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** "choice (one option), multi (several options) or text (free text).": the scenario schema's words. */
export function describePromptTypes(): string {
  const items = PROMPT_TYPES.map((t) => `${t} (${PROMPT_TYPE_SPECS[t].answers})`);
  return `${items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`}.`;
}
