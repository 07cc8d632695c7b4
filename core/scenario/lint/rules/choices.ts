// Rules about the options of choice prompts: cues that let a room find the best option without
// knowing the answer.
import { quote } from '../../path.ts';
import type { Option, Prompt, Scenario } from '../../types.ts';
import { PROMPT_TYPE_SPECS } from '../../prompt-types.ts';
import { promptPaths, scenarioElement, type Rule, type RuleFinding } from '../context.ts';
import { containsPhrase, contentWords, words } from '../text.ts';

/** Above this share of choice prompts, "pick the longest" is a strategy a room finds. */
export const LONGEST_IS_BEST_SHARE = 0.4;

const length = (label: string) => [...label.trim()].length;

/** The option whose label is strictly longer than every other, if there is one. */
export function strictlyLongest(options: readonly Option[]): Option | undefined {
  let best: Option | undefined;
  let second = -1;
  for (const option of options) {
    const n = length(option.label);
    if (best === undefined || n > length(best.label)) {
      if (best) second = Math.max(second, length(best.label));
      best = option;
    } else second = Math.max(second, n);
  }
  return best && length(best.label) > second ? best : undefined;
}

const isChoice = (p: Prompt) => p.type === 'choice' && p.options.length >= 2 && p.expect.best.length > 0;

/**
 * longest-is-best: over the scenario's `choice` prompts (at least two options and a best), the
 * share whose strictly longest label is a best option. Above 40%: a warning on the scenario (at its
 * `injects` key). Each prompt where it is so: a note on that prompt, at the option's label.
 */
export const longestIsBest: Rule = ({ scenario }) => {
  const findings: RuleFinding[] = [];
  let choices = 0;
  for (const { path, injectIndex, promptIndex } of promptPaths(scenario)) {
    const prompt = scenario.injects[injectIndex]?.prompts[promptIndex];
    if (!prompt || !isChoice(prompt)) continue;
    choices++;
    const longest = strictlyLongest(prompt.options);
    if (!longest || !prompt.expect.best.includes(longest.id)) continue;
    const next = Math.max(...prompt.options.filter((o) => o !== longest).map((o) => length(o.label)));
    findings.push({
      rule: 'longest-is-best', severity: 'note', element: { kind: 'prompt', id: prompt.id },
      path: [...path, 'options', prompt.options.indexOf(longest), 'label'],
      message: `the best option '${longest.id}' has the longest label (${length(longest.label)} characters, the next ${next})`,
    });
  }
  const longest = findings.length;
  if (choices > 0 && longest / choices > LONGEST_IS_BEST_SHARE) {
    findings.unshift({
      rule: 'longest-is-best', severity: 'warning', element: scenarioElement(scenario), path: ['injects'], at: 'key',
      message: `in ${longest} of ${choices} choice prompts (${Math.round((100 * longest) / choices)}%) the best option is the longest label, a pattern a room learns within minutes; keep it to at most 40%: make a wrong option the longest, or say the best one shorter`,
    });
  }
  return findings;
};

interface Source {
  /** How the message names it: "the brief of role 'ic'". */
  name: string;
  words: string[];
  content: Set<string>;
}

/** The `distinct` words that occur in the source. */
function coverage(distinct: readonly string[], source: Source): string[] {
  return distinct.filter((w) => source.content.has(w));
}

/** At least this many distinctive words, and this share of them, must occur for a cue. */
const MIN_DISTINCT_HITS = 3;
/** A label this long found word for word is a cue. */
const MIN_PHRASE_WORDS = 3;
const MIN_DISTINCT_SHARE = 2 / 3;

/**
 * answer-in-text: a best option of a `choice` or `multi` prompt is given away by the brief of the
 * role that answers or the body of the inject that asks, when either
 * - its whole label (three words or more) occurs there word for word, or
 * - its distinctive words (content words that no other option of the prompt uses) occur there:
 *   at least three of them and at least two thirds of them;
 * and in both cases the text covers the best option's distinctive words in a larger share than
 * those of every option that is not best. That last condition keeps a text that describes every
 * option (a change record that lists the three ways to apply a change) from counting as a cue.
 */
export const answerInText: Rule = ({ scenario }) => {
  const findings: RuleFinding[] = [];
  for (const { path, injectIndex, promptIndex } of promptPaths(scenario)) {
    const inject = scenario.injects[injectIndex];
    const prompt = inject?.prompts[promptIndex];
    if (!inject || !prompt || !PROMPT_TYPE_SPECS[prompt.type].options || prompt.expect.best.length === 0) continue;
    const sources = sourcesOf(scenario, prompt, inject.body);
    const distinct = distinctiveWords(prompt.options);
    const notBest = prompt.options.filter((o) => !prompt.expect.best.includes(o.id));
    prompt.options.forEach((option, index) => {
      if (!prompt.expect.best.includes(option.id)) return;
      const cue = cueFor(option, distinct, notBest, sources);
      if (!cue) return;
      findings.push({
        rule: 'answer-in-text', severity: 'warning', element: { kind: 'prompt', id: prompt.id },
        path: [...path, 'options', index, 'label'],
        message: `the best option '${option.id}' is given away by ${cue}; reword the text or the option so that the answer takes thought`,
      });
    });
  }
  return findings;
};

function sourcesOf(scenario: Scenario, prompt: Prompt, body: string): Source[] {
  const brief = scenario.roles.find((r) => r.id === prompt.role)?.brief ?? '';
  return [
    { name: `the brief of role '${prompt.role}'`, text: brief },
    { name: `the body of inject '${prompt.inject}'`, text: body },
  ].filter((s) => s.text.trim() !== '').map((s) => ({ name: s.name, words: words(s.text), content: new Set(contentWords(s.text)) }));
}

function distinctiveWords(options: readonly Option[]): Map<Option, string[]> {
  const content = new Map(options.map((o) => [o, [...new Set(contentWords(o.label))]] as const));
  const out = new Map<Option, string[]>();
  for (const option of options) {
    const others = new Set(options.filter((o) => o !== option).flatMap((o) => content.get(o) ?? []));
    out.set(option, (content.get(option) ?? []).filter((w) => !others.has(w)));
  }
  return out;
}

function cueFor(option: Option, distinct: Map<Option, string[]>, notBest: readonly Option[], sources: readonly Source[]): string | undefined {
  const label = words(option.label);
  const mine = distinct.get(option) ?? [];
  for (const source of sources) {
    const hits = coverage(mine, source);
    const share = mine.length === 0 ? 1 : hits.length / mine.length;
    // An option that is not best, pointed at as much: the text explains the options, it does not pick one.
    const rival = notBest.some((o) => {
      const theirs = distinct.get(o) ?? [];
      return theirs.length > 0 && coverage(theirs, source).length / theirs.length >= share;
    });
    if (rival) continue;
    if (label.length >= MIN_PHRASE_WORDS && containsPhrase(source.words, label)) return `${source.name}, which contains its label ${quote(option.label)}`;
    if (hits.length >= MIN_DISTINCT_HITS && share >= MIN_DISTINCT_SHARE) {
      return `${source.name}, which uses ${hits.length} of the ${mine.length} words only this option has (${hits.map((w) => `"${w}"`).join(', ')})`;
    }
  }
  return undefined;
}
