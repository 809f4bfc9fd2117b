import { countOf } from './counts.js';
import {
  isFunctionWord,
  isQuestionWord,
  isStopToken,
  type Normalizer,
  type Word,
} from './normalize.js';

/**
 * Rewrites of one held-out phrasing: the questions no entry answers made from it (another word,
 * number, question word or sibling's slot, negated, with an added detail, unrelated) and the
 * misspelling that still is answerable. Apart from the evidence collection because each is a
 * pure text edit, readable and testable without training a scorer.
 */

/**
 * A word no knowledge contains and no typo correction reaches, standing for another place,
 * person or date (the digit makes it one, see `isSlotWord`).
 */
const UNKNOWN_WORD = 'xqz9vkj';

/**
 * The question with its most informative word replaced by an unknown one: what "How many troops
 * are in Germany?" is to an Iraq entry. No entry answers it, so it teaches the calibrator that
 * sharing most words is not enough.
 */
export function nearMiss(
  text: string,
  normalizer: Normalizer,
  df: ReadonlyMap<string, number>,
): string {
  const words = normalizer.words(text);
  // Here a question word may be the one replaced, when it is the rarest word of the phrasing.
  const pick = rarestWord(words, df, true);
  if (pick < 0 || words.length < 2) return '';
  return words.map((w, i) => (i === pick ? UNKNOWN_WORD : w.surface)).join(' ');
}

/** The question with all its content words unknown: "play some music" to a troops file. */
export function unrelated(text: string, normalizer: Normalizer): string {
  const words = normalizer.words(text);
  if (words.every((w) => isStopToken(w.token) || isQuestionWord(w.token))) return '';
  return words
    .map((w) => (isStopToken(w.token) || isQuestionWord(w.token) ? w.surface : UNKNOWN_WORD))
    .join(' ');
}

/**
 * The most informative content word of a phrasing (fewest phrasings use it), or -1; question words
 * count only with `questionWords`.
 */
function rarestWord(
  words: readonly Word[],
  df: ReadonlyMap<string, number>,
  questionWords = false,
): number {
  let pick = -1;
  let rarest = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    const d = countOf(df, w.token);
    const eligible = !isStopToken(w.token) && (questionWords || !isQuestionWord(w.token));
    if (eligible && !/\d/.test(w.token) && d < rarest) {
      rarest = d;
      pick = i;
    }
  });
  return pick;
}

/** Whether the negation in a negated phrasing is one the knowledge uses ("non-birth parent"). */
export function negatesKnown(
  text: string,
  normalizer: Normalizer,
  df: ReadonlyMap<string, number>,
) {
  return normalizer
    .words(text)
    .some((w) => (w.token === 'not' || w.token === 'non') && df.has(w.token));
}

/**
 * Questions that keep almost every word of the phrasing but ask something else: negated
 * ("not"/"non-" before its key word) and with a detail no entry gives added after it.
 */
export function alteredQuestions(
  text: string,
  normalizer: Normalizer,
  df: ReadonlyMap<string, number>,
) {
  const words = normalizer.words(text);
  const at = rarestWord(words, df);
  if (at < 0 || words.length < 2) return [];
  const surfaces = words.map((w) => w.surface);
  const negation = at % 2 === 0 ? 'not' : 'non';
  const negated = [...surfaces.slice(0, at), negation, ...surfaces.slice(at)].join(' ');
  const detailed = [...surfaces.slice(0, at + 1), UNKNOWN_WORD, ...surfaces.slice(at + 1)].join(
    ' ',
  );
  return [negated, detailed];
}

/**
 * The phrasing with its key word swapped for the word its nearest sibling entry has instead
 * ("…troops in Iraq" → "…troops in Kuwait"): wrong for its own entry and for every entry but
 * that sibling, which teaches that one differing slot word decides the entry.
 */
export function siblingSwap(
  text: string,
  normalizer: Normalizer,
  ownTokens: ReadonlySet<string>,
  siblingTokens: ReadonlySet<string> | undefined,
  siblingSurfaces: ReadonlyMap<string, number> | undefined,
): string {
  if (siblingTokens === undefined || siblingSurfaces === undefined) return '';
  // Siblings share what they are about and differ in a slot: a word each lacks.
  const shared = [...ownTokens].filter((t) => siblingTokens.has(t));
  const theirs = [...siblingTokens].filter((t) => !ownTokens.has(t) && isSlotCandidate(t));
  if (shared.length === 0 || theirs.length === 0) return '';
  const words = normalizer.words(text);
  const at = words.findIndex(
    (w) => ownTokens.has(w.token) && !siblingTokens.has(w.token) && isSlotCandidate(w.token),
  );
  if (at < 0) return '';
  let best = '';
  let most = 0;
  for (const [surface, count] of siblingSurfaces) {
    if (!theirs.includes(normalizer.tokenOf(surface)) || count <= most) continue;
    best = surface;
    most = count;
  }
  if (best === '') return '';
  return words.map((w, i) => (i === at ? best : w.surface)).join(' ');
}

const isSlotCandidate = (token: string) =>
  !isFunctionWord(token) && !isQuestionWord(token) && !/\d/.test(token) && token.length > 1;

/**
 * The phrasing with a number the knowledge uses elsewhere in place of its own, or added to it
 * ("…injured in the 2020 attack" → "…in the 2003 attack"): another date or figure, another fact.
 */
export function otherNumber(
  text: string,
  normalizer: Normalizer,
  numbers: readonly string[],
  own: ReadonlySet<string>,
) {
  const words = normalizer.words(text);
  const at = words.findIndex((w) => /^\d/.test(w.token));
  if (at >= 0) {
    const foreign = numbers.find((n) => !own.has(n));
    return foreign === undefined
      ? ''
      : words.map((w, i) => (i === at ? foreign : w.surface)).join(' ');
  }
  // "In <year>" fits after almost any question; "in 3" does not.
  const year = numbers.find((n) => !own.has(n) && /^(?:19|20)\d\d$/.test(n));
  return year === undefined ? '' : `${words.map((w) => w.surface).join(' ')} in ${year}`;
}

/** One substitution in the middle of the phrasing's key word: a typo a reader would fix. */
export function misspell(
  text: string,
  normalizer: Normalizer,
  df: ReadonlyMap<string, number>,
): string {
  const words = normalizer.words(text);
  const at = rarestWord(words, df);
  const word = words[at]?.surface ?? '';
  if (at < 0 || word.length < 5 || !/^[a-z]+$/.test(word)) return '';
  const k = Math.floor(word.length / 2);
  const swapped = word.slice(0, k - 1) + (word[k] ?? '') + (word[k - 1] ?? '') + word.slice(k + 1);
  if (swapped === word) return '';
  return words.map((w, i) => (i === at ? swapped : w.surface)).join(' ');
}

const SWAPPABLE = ['who', 'when', 'where', 'why'] as const;

/**
 * The question asking for another kind of answer: "how many were hurt in the base attack" →
 * "who … the base attack". The entry holds a number, not a name, so nothing answers it.
 */
export function otherQuestion(
  text: string,
  normalizer: Normalizer,
  entryTokens: ReadonlySet<string>,
) {
  const words = normalizer.words(text);
  const at = words.findIndex((w) => isQuestionWord(w.token));
  const swap = SWAPPABLE.find((q) => !entryTokens.has(q) && q !== words[at]?.token);
  if (at < 0 || swap === undefined) return '';
  return words.map((w, i) => (i === at ? swap : w.surface)).join(' ');
}
