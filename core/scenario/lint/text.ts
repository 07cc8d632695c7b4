// Words for comparing labels with briefs and inject bodies. Same notion of a word as keyword
// matching (runs of Unicode letters and digits, NFC, lower case), plus a light plural folding so
// that "users" in a brief meets "user" in a label, and a stop list so that "the" and "of" never
// count as giving an answer away.

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/** "users" -> "user", "fixes" -> "fix"; leaves "status", "class", short words and numbers alone. */
export function fold(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || /(ss|us|is|ias)$/.test(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const STOP = new Set(`
a an and are as at be been but by can do does for from has have if in into is it its no not of on
or so than that the their them then there these this those to up was we were what when which who
will with within you your our us all any each every our out only just also more most less very
now new next before after over under off per via vs one two three first second then
`.split(/\s+/).filter(Boolean));

/** The words that carry meaning: no stop words, no one- or two-letter words (unless they hold a digit). */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP.has(w) && (w.length > 2 || /\d/.test(w))).map(fold);
}

/** Whether `phrase` (as words) occurs as a whole run of words in `haystack`. */
export function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > haystack.length) return false;
  outer: for (let start = 0; start + phrase.length <= haystack.length; start++) {
    for (let k = 0; k < phrase.length; k++) if (haystack[start + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}
