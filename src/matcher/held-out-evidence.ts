import { at } from './checked-read.js';
import { countOf, increment } from './counts.js';
import { isHeldOut } from './cross-validate.js';
import type { TrainingEntry } from './matcher.js';
import {
  isFunctionWord,
  isQuestionWord,
  isStopToken,
  type Normalizer,
  type Word,
} from './normalize.js';
import {
  CURATED_MAX_PHRASINGS,
  createScorer,
  type ScoredQuery,
  type ScorerConfig,
} from './scorer.js';
import { seededOrder } from './seeded-order.js';

/**
 * The evidence a matcher is calibrated on, gathered once by k-fold cross-validation over
 * phrasings (the same folds as `crossValidate`): each held-out phrasing scored by a scorer that
 * never saw it, plus questions no entry answers. Threshold choice reuses the same held-out
 * results, so a knowledge base trains one scorer per fold and one final scorer, nothing more.
 */

export const FOLDS = 5;
/** Above this many phrasings one held-out fold is enough and five would cost too much time. */
export const SINGLE_SPLIT_ABOVE = 600;
/** Enough held-out questions for a stable fit; more only slows training. */
const MAX_HELD_OUT = 3000;
/**
 * A word no knowledge contains and no typo correction reaches, standing for another place,
 * person or date (the digit makes it one, see `isSlotWord`).
 */
const UNKNOWN_WORD = 'xqz9vkj';
/** One held-out phrasing in this many also yields a question with no content word known. */
const FAR_MISS_EVERY = 4;

export interface HeldOutQuestion {
  readonly text: string;
  /** Index of the entry the phrasing belongs to. */
  readonly gold: number;
  readonly scored: ScoredQuery;
  /** The phrasings of the fold's scorer, for the matched phrasing of each candidate. */
  readonly phrasings: readonly string[];
}

/** A question no entry answers, except perhaps `except` (the sibling whose slot it now names). */
export interface NearMiss {
  readonly scored: ScoredQuery;
  readonly except?: number;
  /**
   * Reliable enough to hold the answer threshold to: another slot value, number or detail.
   * Swapped question words and negations teach the calibrator but are often still answerable.
   */
  readonly firm: boolean;
}

export interface Evidence {
  /** Held-out phrasings, every one of them on small files, a sample on large ones. */
  readonly answerable: readonly HeldOutQuestion[];
  /**
   * Held-out phrasings with their most informative word replaced by an unknown one or by the
   * word a sibling entry has in its place, negated, given a detail no entry has, and with every
   * content word replaced (a question that shares only function words with the knowledge).
   */
  readonly nearMisses: readonly NearMiss[];
  /** Held-out phrasings with a typo in their most informative word: still answerable. */
  readonly misspelt: readonly HeldOutQuestion[];
}

/**
 * The question with its most informative word replaced by an unknown one: what "How many troops
 * are in Germany?" is to an Iraq entry. No entry answers it, so it teaches the calibrator that
 * sharing most words is not enough.
 */
function nearMiss(text: string, normalizer: Normalizer, df: ReadonlyMap<string, number>): string {
  const words = normalizer.words(text);
  let pick = -1;
  let rarest = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    const d = countOf(df, w.token);
    if (!isStopToken(w.token) && !/\d/.test(w.token) && d < rarest) {
      rarest = d;
      pick = i;
    }
  });
  if (pick < 0 || words.length < 2) return '';
  return words.map((w, i) => (i === pick ? UNKNOWN_WORD : w.surface)).join(' ');
}

/** The question with all its content words unknown: "play some music" to a troops file. */
function unrelated(text: string, normalizer: Normalizer): string {
  const words = normalizer.words(text);
  if (words.every((w) => isStopToken(w.token) || isQuestionWord(w.token))) return '';
  return words
    .map((w) => (isStopToken(w.token) || isQuestionWord(w.token) ? w.surface : UNKNOWN_WORD))
    .join(' ');
}

/** The most informative content word of a phrasing (fewest phrasings use it), or -1. */
function rarestWord(words: readonly Word[], df: ReadonlyMap<string, number>): number {
  let pick = -1;
  let rarest = Number.POSITIVE_INFINITY;
  words.forEach((w, i) => {
    const d = countOf(df, w.token);
    if (!isStopToken(w.token) && !isQuestionWord(w.token) && !/\d/.test(w.token) && d < rarest) {
      rarest = d;
      pick = i;
    }
  });
  return pick;
}

/** Whether the negation in a negated phrasing is one the knowledge uses ("non-birth parent"). */
function negatesKnown(text: string, normalizer: Normalizer, df: ReadonlyMap<string, number>) {
  return normalizer
    .words(text)
    .some((w) => (w.token === 'not' || w.token === 'non') && df.has(w.token));
}

/**
 * Questions that keep almost every word of the phrasing but ask something else: negated
 * ("not"/"non-" before its key word) and with a detail no entry gives added after it.
 */
function alteredQuestions(text: string, normalizer: Normalizer, df: ReadonlyMap<string, number>) {
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
function siblingSwap(
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
function otherNumber(
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
function misspell(text: string, normalizer: Normalizer, df: ReadonlyMap<string, number>): string {
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
function otherQuestion(text: string, normalizer: Normalizer, entryTokens: ReadonlySet<string>) {
  const words = normalizer.words(text);
  const at = words.findIndex((w) => isQuestionWord(w.token));
  const swap = SWAPPABLE.find((q) => !entryTokens.has(q) && q !== words[at]?.token);
  if (at < 0 || swap === undefined) return '';
  return words.map((w, i) => (i === at ? swap : w.surface)).join(' ');
}

/** What the made-up questions of a file draw on, computed once for all folds. */
interface Vocabulary {
  readonly df: ReadonlyMap<string, number>;
  readonly entryTokens: readonly ReadonlySet<string>[];
  /** Surface words per entry with their counts, where sibling swaps take their words from. */
  readonly entrySurfaces: readonly ReadonlyMap<string, number>[];
  /** The knowledge's numbers, commonest first, for questions that name another one. */
  readonly numbers: readonly string[];
  /** Every phrasing's words, as `phrasingKey` writes them. */
  readonly phrased: ReadonlySet<string>;
}

/** A phrasing's normalised words in order: equal keys, the same question to the scorer. */
const phrasingKey = (text: string, normalizer: Normalizer) =>
  normalizer
    .words(text)
    .map((w) => w.token)
    .join(' ');

function vocabularyOf(entries: readonly TrainingEntry[], normalizer: Normalizer): Vocabulary {
  const df = new Map<string, number>();
  for (const e of entries) {
    for (const p of e.phrasings) {
      for (const t of new Set(normalizer.words(p).map((w) => w.token))) increment(df, t);
    }
  }
  const entryTokens = entries.map(
    (e) => new Set(e.phrasings.flatMap((p) => normalizer.words(p).map((w) => w.token))),
  );
  const entrySurfaces = entries.map((e) => {
    const counts = new Map<string, number>();
    for (const p of e.phrasings) for (const w of normalizer.words(p)) increment(counts, w.surface);
    return counts;
  });
  const numbers = [...df.entries()]
    .filter(([t]) => /^\d+$/.test(t))
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
  const phrased = new Set(
    entries.flatMap((e) => e.phrasings.map((p) => phrasingKey(p, normalizer))),
  );
  return { df, entryTokens, entrySurfaces, numbers, phrased };
}

interface MadeUp {
  readonly text: string;
  readonly firm: boolean;
  readonly except?: number;
}

/**
 * The questions no entry answers made from one held-out phrasing, standing in for the off-topic
 * questions a small (curated, `slots`) file lacks; a large one gets none.
 */
function madeUpQuestions(
  q: { readonly text: string; readonly gold: number },
  index: number,
  scored: ScoredQuery,
  normalizer: Normalizer,
  vocabulary: Vocabulary,
  slots: boolean,
): MadeUp[] {
  const { df, entryTokens, entrySurfaces, numbers } = vocabulary;
  const own = at(entryTokens, q.gold);
  // A large set of intents has held-out evidence enough of its own: made-up questions there
  // only blur its calibration (CLINC150 10-shot kept 2% of its out-of-scope queries with them).
  if (!slots) return [];
  const made: MadeUp[] = [{ text: nearMiss(q.text, normalizer, df), firm: true }];
  // Far misses are all alike: a few of them anchor the calibrator at "no shared content".
  if (index % FAR_MISS_EVERY === 0) made.push({ text: unrelated(q.text, normalizer), firm: true });
  made.push({ text: otherQuestion(q.text, normalizer, own), firm: false });
  made.push({ text: otherNumber(q.text, normalizer, numbers, own), firm: true });
  const [negated, ...altered] = alteredQuestions(q.text, normalizer, df);
  if (negated !== undefined && !negatesKnown(negated, normalizer, df))
    made.push({ text: negated, firm: false });
  for (const text of altered) made.push({ text, firm: true });
  const sibling = scored.candidates.find((c) => c.entry !== q.gold)?.entry;
  if (sibling !== undefined) {
    const text = siblingSwap(q.text, normalizer, own, entryTokens[sibling], entrySurfaces[sibling]);
    made.push({ text, firm: true, except: sibling });
  }
  return made;
}

export function collectEvidence(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
  depth: number,
  config: ScorerConfig = {},
): Evidence {
  const vocabulary = vocabularyOf(entries, normalizer);
  const phrasingCount = entries.reduce((n, e) => n + e.phrasings.length, 0);
  const folds = phrasingCount > SINGLE_SPLIT_ABOVE ? 1 : FOLDS;
  const slots = phrasingCount <= CURATED_MAX_PHRASINGS;
  const answerable: HeldOutQuestion[] = [];
  const misspelt: HeldOutQuestion[] = [];
  const nearMisses: NearMiss[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const heldOut: { text: string; gold: number }[] = [];
    const kept = entries.map((entry, e) => ({
      id: entry.id,
      phrasings: entry.phrasings.filter((text, j) => {
        const out = isHeldOut(entry.phrasings.length, e, j, fold, FOLDS);
        if (out) heldOut.push({ text, gold: e });
        return !out;
      }),
    }));
    if (heldOut.length === 0) continue;
    const scorer = createScorer(kept, normalizer, config);
    const sample = Array.from(
      seededOrder(heldOut.length, fold + 1).slice(0, Math.ceil(MAX_HELD_OUT / folds)),
    );
    for (const h of sample) {
      const q = heldOut[h];
      if (q === undefined) continue;
      const scored = scorer.score(q.text, depth, q.gold);
      answerable.push({ ...q, scored, phrasings: scorer.phrasings });
      const typo = misspell(q.text, normalizer, vocabulary.df);
      if (typo !== '')
        misspelt.push({
          ...q,
          text: typo,
          scored: scorer.score(typo, depth, q.gold),
          phrasings: scorer.phrasings,
        });
      for (const { text, firm, except } of madeUpQuestions(
        q,
        h,
        scored,
        normalizer,
        vocabulary,
        slots,
      )) {
        // One that reads exactly as some entry's phrasing is that entry's question, not a near
        // miss: counted as one, it would hold every answer cut-off on a small file by itself.
        if (text === '' || vocabulary.phrased.has(phrasingKey(text, normalizer))) continue;
        const missed = scorer.score(text, depth);
        nearMisses.push(
          except === undefined ? { scored: missed, firm } : { scored: missed, firm, except },
        );
      }
    }
  }
  return { answerable, nearMisses, misspelt };
}
