import { isHeldOut } from './cross-validate.js';
import type { TrainingEntry } from './matcher.js';
import { isQuestionWord, isStopToken, type Normalizer } from './normalize.js';
import { createScorer, type ScoredQuery, type ScorerConfig } from './scorer.js';
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
/** A word no knowledge contains and no typo correction reaches. */
const UNKNOWN_WORD = 'xqzvkj';
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

export interface Evidence {
  /** Held-out phrasings, every one of them on small files, a sample on large ones. */
  readonly answerable: readonly HeldOutQuestion[];
  /**
   * Held-out phrasings with their most informative word replaced by an unknown one, and with
   * every content word replaced (a question that shares only function words with the knowledge).
   */
  readonly nearMisses: readonly ScoredQuery[];
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
    const d = df.get(w.token) ?? 0;
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

export function collectEvidence(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
  depth: number,
  config: ScorerConfig = {},
): Evidence {
  const df = new Map<string, number>();
  for (const e of entries) {
    for (const p of e.phrasings) {
      for (const t of new Set(normalizer.words(p).map((w) => w.token)))
        df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const entryTokens = entries.map(
    (e) => new Set(e.phrasings.flatMap((p) => normalizer.words(p).map((w) => w.token))),
  );
  const phrasingCount = entries.reduce((n, e) => n + e.phrasings.length, 0);
  const folds = phrasingCount > SINGLE_SPLIT_ABOVE ? 1 : FOLDS;
  const answerable: HeldOutQuestion[] = [];
  const nearMisses: ScoredQuery[] = [];
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
      const miss = nearMiss(q.text, normalizer, df);
      if (miss !== '') nearMisses.push(scorer.score(miss, depth));
      // Far misses are all alike: a few of them anchor the calibrator at "no shared content".
      const far = h % FAR_MISS_EVERY === 0 ? unrelated(q.text, normalizer) : '';
      if (far !== '') nearMisses.push(scorer.score(far, depth));
      const other = otherQuestion(q.text, normalizer, entryTokens[q.gold] ?? new Set());
      if (other !== '') nearMisses.push(scorer.score(other, depth));
    }
  }
  return { answerable, nearMisses };
}
