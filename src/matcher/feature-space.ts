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
  /** Words plus character n-grams (ids offset past the word features), for the linear model. */
  readonly richVector: SparseVector | undefined;
}

export interface FeatureSpaceConfig {
  /** Also build character n-gram features (for the linear model). */
  readonly charNgrams?: boolean;
}

export interface FeatureSpace {
  readonly featureCount: number;
  /** Word features plus character n-gram features. */
  readonly richFeatureCount: number;
  readonly maxIdf: number;
  analyze(text: string): AnalyzedText;
  /** Whether a feature id is a unigram (word) feature. */
  isUnigram(id: number): boolean;
}

const CHAR_N = [4] as const;
/** Weight of the character n-grams relative to the word features in the rich vector. */
const CHAR_SHARE = 0.7;

function wordGrams(surface: string, out: string[] = []): string[] {
  const padded = ` ${surface} `;
  for (const n of CHAR_N)
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  return out;
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
  config: FeatureSpaceConfig = {},
): FeatureSpace {
  const ids = new Map<string, number>();
  const charIds = new Map<string, number>();
  const charDf: number[] = [];
  const df: number[] = [];
  const unigram: boolean[] = [];
  const surfaceCounts = new Map<string, number>();
  const tokenSurfaceKnown = new Set<string>();
  // Words repeat across phrasings: cut each into n-grams once (construction only).
  const gramsOfSurface = new Map<string, string[]>();

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
    if (config.charNgrams) {
      const grams = new Set<string>();
      for (const w of words) {
        let g = gramsOfSurface.get(w.surface);
        if (g === undefined) {
          g = wordGrams(w.surface);
          gramsOfSurface.set(w.surface, g);
        }
        for (const key of g) grams.add(key);
      }
      for (const key of grams) {
        let id = charIds.get(key);
        if (id === undefined) {
          id = charIds.size;
          charIds.set(key, id);
          charDf.push(0);
        }
        charDf[id] = (charDf[id] ?? 0) + 1;
      }
    }
  }

  const n = phrasings.length;
  const idf = Float32Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
  const maxIdf = Math.log(n + 1) + 1;
  const charIdf = Float32Array.from(charDf, (d) => Math.log((n + 1) / (d + 1)) + 1);
  const wordCount = ids.size;

  // N-gram ids of the training words, looked up once each; other words are cut every time so
  // that questions asked later do not grow this map.
  const gramIdsOfKnown = new Map<string, Int32Array>();
  const gramIds = (surface: string): Int32Array => {
    const cached = gramIdsOfKnown.get(surface);
    if (cached !== undefined) return cached;
    const ids = Int32Array.from(wordGrams(surface), (g) => charIds.get(g) ?? -1);
    if (surfaceCounts.has(surface)) gramIdsOfKnown.set(surface, ids);
    return ids;
  };
  const richVectorOf = (words: Map<number, number>, surfaces: readonly string[]) => {
    const rich = new Map(words);
    const chars = new Map<number, number>();
    for (const s of surfaces) {
      for (const id of gramIds(s)) if (id >= 0) chars.set(id, (chars.get(id) ?? 0) + 1);
    }
    let wordNorm = 0;
    for (const w of words.values()) wordNorm += w * w;
    let charNorm = 0;
    const charWeights: [number, number][] = [];
    for (const [id, tf] of chars) {
      const w = (1 + Math.log(tf)) * (charIdf[id] ?? 0);
      charWeights.push([id, w]);
      charNorm += w * w;
    }
    // Balance the two blocks so long questions do not drown their words in n-grams.
    const k = charNorm > 0 && wordNorm > 0 ? CHAR_SHARE * Math.sqrt(wordNorm / charNorm) : 1;
    for (const [id, w] of charWeights) rich.set(wordCount + id, w * k);
    return toUnitVector(rich);
  };
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
    const richVector = config.charNgrams
      ? richVectorOf(
          weights,
          words.map((w) => w.surface),
        )
      : undefined;
    return {
      normalized: tokens.join(' '),
      tokens,
      tokenIds,
      tokenWeights,
      tokenCredit: credit,
      vector,
      coverage: total > 0 ? known / total : 0,
      richVector,
    };
  };

  return {
    featureCount: ids.size,
    richFeatureCount: ids.size + charIds.size,
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
