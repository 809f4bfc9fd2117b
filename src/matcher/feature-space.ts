import { checkInvariant } from './checked-read.js';
import { createAccumulator, drain } from './feature-accumulator.js';
import { learnVocabulary, wordGrams } from './feature-vocabulary.js';
import { misspellingAliases } from './misspelling-aliases.js';
import type { Normalizer, Word } from './normalize.js';
import { richVectorOf, weighTokens, wordVector } from './question-vectors.js';
import { relativePeriodsOf } from './relative-periods.js';
import type { SpaceContext } from './space-context.js';
import type { SparseVector } from './sparse-vector.js';
import { createTypoCorrector } from './typo-corrector.js';
import { readWords } from './word-readings.js';

/**
 * The vocabulary learnt from training phrasings: feature ids, IDF weights, and how a question is
 * turned into a TF-IDF vector plus a measure of how much of it the knowledge knows at all.
 */

/**
 * Weight of an unseen everyday word relative to an unseen place, role, time or number: it more
 * often rephrases the question than changes what it asks.
 */
const EVERYDAY_UNSEEN_WEIGHT = 0.25;

export interface AnalyzedText {
  readonly normalized: string;
  /** Tokens after typo correction, in order. */
  readonly tokens: readonly string[];
  /** The words each token was read from, as typed (cleaned): the voice of a verb is in them. */
  readonly surfaces: readonly string[];
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
  /** The question names a place, role, time or number the knowledge never uses, and which. */
  readonly unseenSlot: 'entity' | 'time' | undefined;
  /** A word the knowledge never uses is what the question asks about ("…for an e-scooter"). */
  readonly unseenObject: boolean;
  /** The question's words without the dates and numbers the knowledge never uses, if it has any. */
  readonly withoutUnseenTimes: string | undefined;
}

export interface FeatureSpaceConfig {
  /** Also build character n-gram features (for the linear model). */
  readonly charNgrams?: boolean;
  /**
   * The group (entry) of each phrasing: a rare spelling used beside a common one in the same
   * group is taken for a misspelling of it ("irak" beside "iraq") and read as the common one.
   */
  readonly groups?: ArrayLike<number>;
  /**
   * Price an unseen everyday word like an unseen place or number (default: a quarter of it).
   * Right for a large set of intents, where most words of an off-topic question are unseen
   * everyday words and calibration has evidence enough to price them.
   */
  readonly fullPriceUnseen?: boolean;
  /**
   * Numbers the entries' answers state: asked back ("6 months probation?"), such a number checks
   * an answer rather than naming a figure the knowledge lacks, so it is silent, not unseen.
   */
  readonly statedNumbers?: ReadonlySet<string>;
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

export function createFeatureSpace(
  phrasings: readonly string[],
  normalizer: Normalizer,
  config: FeatureSpaceConfig = {},
): FeatureSpace {
  const aliases = misspellingAliases(phrasings, normalizer, config.groups);
  // A copy: the training normaliser hands out the arrays it keeps for later folds.
  const respell = (words: readonly Word[]): readonly Word[] =>
    aliases.size === 0 ? words : words.map((w) => aliases.get(w.surface) ?? w);
  const vocabulary = learnVocabulary(phrasings, normalizer, respell, config.charNgrams === true);
  const { compounds } = vocabulary;
  // A question's "payday" is the phrasings' "pay day": split before anything else reads it.
  const splitCompounds = (words: readonly Word[]): readonly Word[] =>
    words.some((w) => compounds.has(w.surface))
      ? words.flatMap((w) => compounds.get(w.surface) ?? [w])
      : words;
  const { charIds, surfaceCounts } = vocabulary;
  const wordCount = vocabulary.featureCount;
  const n = phrasings.length;
  // N-gram ids of the training words, looked up once each; other words are cut every time so
  // that questions asked later do not grow this map.
  const gramIdsOfKnown = new Map<string, Int32Array>();
  const ctx: SpaceContext = {
    normalizer,
    vocabulary,
    corrector: createTypoCorrector(surfaceCounts),
    idf: Float32Array.from(vocabulary.df, (d) => Math.log((n + 1) / (d + 1)) + 1),
    maxIdf: Math.log(n + 1) + 1,
    charIdf: Float32Array.from(vocabulary.charDf, (d) => Math.log((n + 1) / (d + 1)) + 1),
    wordAcc: createAccumulator(wordCount),
    charAcc: createAccumulator(config.charNgrams ? charIds.size : 0),
    everydayUnseen: config.fullPriceUnseen === true ? 1 : EVERYDAY_UNSEEN_WEIGHT,
    statedNumbers: config.statedNumbers ?? new Set(),
    knownPeriods: new Set(phrasings.flatMap((p) => relativePeriodsOf(normalizer.words(p)))),
    gramIds: (surface) => {
      const cached = gramIdsOfKnown.get(surface);
      if (cached !== undefined) return cached;
      const found = Int32Array.from(wordGrams(surface), (g) => charIds.get(g) ?? -1);
      if (surfaceCounts.has(surface)) gramIdsOfKnown.set(surface, found);
      return found;
    },
  };
  checkInvariant(
    ctx.idf.length === ctx.wordAcc.sums.length && ctx.charIdf.length === ctx.charAcc.sums.length,
    () => `${ctx.idf.length} word and ${ctx.charIdf.length} n-gram weights for their features`,
  );

  const analyze = (text: string): AnalyzedText => {
    const words = respell(splitCompounds(normalizer.words(text)));
    const { tokens, credit, silent, unseenSlot, unseenObject, unseenTimes } = readWords(words, ctx);
    const weighed = weighTokens(tokens, credit, silent, ctx);
    const vector = wordVector(ctx.wordAcc, weighed.unknownMass);
    const richVector = config.charNgrams ? richVectorOf(words, ctx) : undefined;
    drain(ctx.wordAcc);
    return {
      normalized: tokens.join(' '),
      tokens,
      surfaces: words.map((w) => w.surface),
      tokenIds: weighed.tokenIds,
      tokenWeights: weighed.tokenWeights,
      tokenCredit: credit,
      vector,
      coverage: weighed.coverage,
      richVector,
      unseenSlot,
      unseenObject,
      withoutUnseenTimes:
        unseenTimes.length === 0
          ? undefined
          : words
              .filter((_, i) => !unseenTimes.includes(i))
              .map((w) => w.surface)
              .join(' '),
    };
  };

  return {
    featureCount: wordCount,
    richFeatureCount: wordCount + charIds.size,
    maxIdf: ctx.maxIdf,
    analyze,
    isUnigram: (id) => vocabulary.unigram[id] === true,
  };
}
