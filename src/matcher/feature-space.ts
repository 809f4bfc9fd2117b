import { isStopToken, type Normalizer } from './normalize.js';
import { type SparseVector, toUnitVector } from './sparse-vector.js';
import { createTypoCorrector, type TypoCorrector } from './typo-corrector.js';

/**
 * The vocabulary learnt from training phrasings: feature ids, IDF weights, and how a question is
 * turned into a TF-IDF vector plus a measure of how much of it the knowledge knows at all.
 */

/** Weight of function words relative to content words: kept, but they decide little. */
const STOP_WEIGHT = 0.3;
const BIGRAM_WEIGHT = 0.6;
/** How much a typo-corrected word counts as known, by number of edits. */
const CORRECTED_CREDIT = [1, 0.8, 0.6] as const;

export interface AnalyzedText {
  readonly normalized: string;
  /** Tokens after typo correction, in order. */
  readonly tokens: readonly string[];
  /** Unigram feature id per token, or -1 when the knowledge never saw it. */
  readonly tokenIds: Int32Array;
  /** Each token's information weight (IDF, lowered for function words). */
  readonly tokenWeights: Float32Array;
  /** Share of each token's weight that counts as known (1 known, <1 typo-corrected, 0 unknown). */
  readonly tokenCredit: Float32Array;
  /** Unit TF-IDF vector over known features; unknown words still count in its norm. */
  readonly vector: SparseVector;
  /** Share of the question's information weight made of words the knowledge knows. */
  readonly coverage: number;
}

export interface FeatureSpace {
  readonly featureCount: number;
  readonly maxIdf: number;
  analyze(text: string): AnalyzedText;
  /** Whether a feature id is a unigram (word) feature. */
  isUnigram(id: number): boolean;
}

function featureKeys(tokens: readonly string[]): { unigrams: string[]; bigrams: string[] } {
  const unigrams = tokens.map((t) => `u ${t}`);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) bigrams.push(`b ${tokens[i]} ${tokens[i + 1]}`);
  return { unigrams, bigrams };
}

export function createFeatureSpace(
  phrasings: readonly string[],
  normalizer: Normalizer,
): FeatureSpace {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const unigram: boolean[] = [];
  const surfaceCounts = new Map<string, number>();
  const tokenSurfaceKnown = new Set<string>();

  for (const phrasing of phrasings) {
    const words = normalizer.words(phrasing);
    for (const w of words) {
      surfaceCounts.set(w.surface, (surfaceCounts.get(w.surface) ?? 0) + 1);
      tokenSurfaceKnown.add(w.token);
    }
    const { unigrams, bigrams } = featureKeys(words.map((w) => w.token));
    for (const key of new Set([...unigrams, ...bigrams])) {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        df.push(0);
        unigram.push(key.startsWith('u '));
      }
      df[id] = (df[id] ?? 0) + 1;
    }
  }

  const n = phrasings.length;
  const idf = Float32Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
  const maxIdf = Math.log(n + 1) + 1;
  const corrector: TypoCorrector = createTypoCorrector(surfaceCounts);

  const analyze = (text: string): AnalyzedText => {
    const words = normalizer.words(text);
    const tokens: string[] = [];
    const credit = new Float32Array(words.length);
    words.forEach((w, i) => {
      if (tokenSurfaceKnown.has(w.token)) {
        tokens.push(w.token);
        credit[i] = 1;
        return;
      }
      const fix = corrector.correct(w.surface);
      if (fix === undefined) {
        tokens.push(w.token);
        credit[i] = 0;
      } else {
        tokens.push(normalizer.tokenOf(fix.surface));
        credit[i] = CORRECTED_CREDIT[fix.distance] ?? 0.5;
      }
    });

    const tokenIds = new Int32Array(tokens.length);
    const tokenWeights = new Float32Array(tokens.length);
    const weights = new Map<number, number>();
    let unknownMass = 0;
    let total = 0;
    let known = 0;
    const { unigrams, bigrams } = featureKeys(tokens);
    unigrams.forEach((key, i) => {
      const id = ids.get(key) ?? -1;
      const token = tokens[i] ?? '';
      const w = (id >= 0 ? (idf[id] ?? maxIdf) : maxIdf) * (isStopToken(token) ? STOP_WEIGHT : 1);
      tokenIds[i] = id;
      tokenWeights[i] = w;
      total += w;
      known += w * (credit[i] ?? 0);
      if (id >= 0) weights.set(id, (weights.get(id) ?? 0) + w * (credit[i] ?? 0));
      else unknownMass += w * w;
    });
    for (const key of bigrams) {
      const id = ids.get(key);
      if (id !== undefined)
        weights.set(id, (weights.get(id) ?? 0) + (idf[id] ?? 0) * BIGRAM_WEIGHT);
    }
    const vector = unitWithExtraMass(weights, unknownMass);
    return {
      normalized: tokens.join(' '),
      tokens,
      tokenIds,
      tokenWeights,
      tokenCredit: credit,
      vector,
      coverage: total > 0 ? known / total : 0,
    };
  };

  return {
    featureCount: ids.size,
    maxIdf,
    analyze,
    isUnigram: (id) => unigram[id] === true,
  };
}

/** Normalises to unit length as if unknown words were extra dimensions nothing matches. */
function unitWithExtraMass(weights: Map<number, number>, extraSquared: number): SparseVector {
  const v = toUnitVector(weights);
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  if (extraSquared <= 0 || norm === 0) return v;
  const scale = Math.sqrt(norm / (norm + extraSquared));
  for (let i = 0; i < v.values.length; i++) v.values[i] = (v.values[i] ?? 0) * scale;
  return v;
}
