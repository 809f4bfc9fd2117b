import { isHeldOut } from './cross-validate.js';
import { madeUpQuestions, phrasingKey, vocabularyOf } from './made-up-questions.js';
import type { TrainingEntry } from './matcher.js';
import type { Normalizer } from './normalize.js';
import { misspell } from './phrasing-rewrites.js';
import type { ScoredQuery } from './scored-query.js';
import { CURATED_MAX_PHRASINGS, createScorer, type ScorerConfig } from './scorer.js';
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
