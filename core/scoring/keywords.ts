// Keyword matching for text answers (scenario-format.md, "Correctness c", text): a keyword group
// matches when the answer contains any of its words or phrases, case-insensitive, whole words.
// Words are runs of letters and digits, so "sev-2" and "sev 2" are the same phrase, and "rollback"
// does not match "rollbacks". The engine uses this too (a text prompt meets a runbook step).

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

function containsPhrase(haystack: readonly string[], index: ReadonlyMap<string, number[]>, phrase: readonly string[]): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  const starts = index.get(first);
  if (!starts) return false;
  for (const start of starts) {
    let ok = true;
    for (let k = 1; k < phrase.length; k++) {
      if (haystack[start + k] !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

type Groups = readonly (readonly string[])[];

// Keyword lists come from a loaded scenario and never change: tokenize each list once.
const compiled = new WeakMap<Groups, string[][][]>();

function compile(groups: Groups): string[][][] {
  let out = compiled.get(groups);
  if (!out) {
    out = groups.map((group) => group.map((member) => words(member)));
    compiled.set(groups, out);
  }
  return out;
}

/** Which of the groups match the text, in order. */
export function matchedGroups(text: string, groups: Groups): boolean[] {
  const tokens = words(text);
  const index = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    const list = index.get(token);
    if (list) list.push(i);
    else index.set(token, [i]);
  });
  return compile(groups).map((group) => group.some((phrase) => containsPhrase(tokens, index, phrase)));
}

/** matched groups / number of groups; 0 when there are no groups. */
export function keywordCredit(text: string, groups: Groups): number {
  if (groups.length === 0) return 0;
  const matched = matchedGroups(text, groups).filter(Boolean).length;
  return matched / groups.length;
}
