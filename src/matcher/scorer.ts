import { candidateEvidence, type EntryKnowledge, type QuestionView } from './candidate-evidence.js';
import { createCandidateRetrieval } from './candidate-retrieval.js';
import { at } from './checked-read.js';
import { contentCounts, contentKey } from './content-words.js';
import { countedNouns, entryCountedWords } from './counted-nouns.js';
import { counterpartsOf, spokenWords } from './counterparts.js';
import { entryCentroids } from './entry-centroids.js';
import { backgroundWords, leavesSlotOpen } from './entry-profiles.js';
import { answerFigures, coverageWithoutEntry, entryWordSets } from './entry-words.js';
import { type AnalyzedText, createFeatureSpace, type FeatureSpace } from './feature-space.js';
import {
  type LinearModel,
  MAX_LINEAR_CELLS,
  MAX_LINEAR_CLASSES,
  trainLinearModel,
} from './linear-model.js';
import type { TrainingEntry } from './matcher.js';
import type { Normalizer } from './normalize.js';
import { analyzePhrasings, listPhrasings } from './phrasing-analysis.js';
import { entryRateUnits, rateUnitsOf } from './rate-units.js';
import type { ScoredQuery } from './scored-query.js';
import type { SparseRows } from './sparse-vector.js';
import { strandedPair } from './stranded-prepositions.js';
import { timeRelationsOf, tokensOutsideTimePhrases } from './time-phrases.js';
import { topIndices } from './top-indices.js';

/**
 * The uncalibrated scorer: nearest training phrasing and entry centroid by TF-IDF cosine, found
 * through inverted indexes, plus the evidence the calibrator turns into a confidence.
 */

export interface Scorer {
  readonly phrasings: readonly string[];
  /** Whether a linear model contributes (it is skipped when it would not fit in memory). */
  readonly hasLinearModel: boolean;
  score(text: string, limit: number, without?: number): ScoredQuery;
}

const NEAREST_SHARE = 0.55;
/**
 * Up to this many phrasings a knowledge file is taken for curated facts, where another place,
 * date or detail is another question; above it, for intents whose slots are parameters, where
 * the calibration has evidence enough to price unseen words itself.
 */
export const CURATED_MAX_PHRASINGS = 600;
/** Entries retrieved by the approximate centroid pass and then scored exactly. */
const RESCORE_POOL = 10;
/** Share of the linear model in the ranking score, when there is one. */
const LINEAR_SHARE = 0.6;
/** Updates per training set: small sets get more passes so SGD converges. */
const LINEAR_STEPS = 45_000;

function epochsFor(n: number): number {
  return Math.min(5, Math.max(3, Math.ceil(LINEAR_STEPS / Math.max(1, n))));
}

export interface ScorerConfig {
  /** Passes of SGD over the phrasings for the linear model (default: more for small sets). */
  readonly linearEpochs?: number;
  /** Character n-grams in the linear model (default: yes; they carry misspellings and morphology). */
  readonly charNgrams?: boolean;
}

export function createScorer(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
  config: ScorerConfig = {},
): Scorer {
  const { phrasings, phrasingEntry, firstPhrasing } = listPhrasings(entries);
  const curated = phrasings.length <= CURATED_MAX_PHRASINGS;
  const wantLinear = entries.length >= 2 && entries.length <= MAX_LINEAR_CLASSES;
  const { answerNumbers, statedNumbers } = answerFigures(entries, normalizer);
  const space = createFeatureSpace(phrasings, normalizer, {
    charNgrams: wantLinear && (config.charNgrams ?? true),
    groups: phrasingEntry,
    fullPriceUnseen: !curated,
    statedNumbers,
  });
  const trainLinear = wantLinear && space.richFeatureCount * entries.length <= MAX_LINEAR_CELLS;
  const analysed = analyzePhrasings(phrasings, phrasingEntry, entries.length, space, {
    rich: trainLinear,
    curated,
  });
  const { docVectors, richVectors } = analysed;
  const linear =
    richVectors && linearModelOf(richVectors, phrasingEntry, entries.length, space, config);
  const probs = new Float64Array(entries.length);
  const centroids = entryCentroids(docVectors, firstPhrasing, phrasings.length, space.featureCount);
  const { entryWords, entriesUsing } = entryWordSets(
    docVectors,
    phrasingEntry,
    entries.length,
    space,
  );
  const known = entryKnowledgeOf(entries, normalizer, analysed, {
    curated,
    entryWords,
    answerNumbers,
    statedNumbers,
  });
  const entryDocs = docsByEntry(phrasingEntry, entries.length);
  const retrieval = createCandidateRetrieval({
    docVectors,
    centroids,
    featureCount: space.featureCount,
    entryCount: entries.length,
    phrasingEntry,
    firstPhrasing,
    entryDocs,
  });

  /** The linear model's favourites, which join the candidates even if they share no word. */
  const linearFavourites = (a: AnalyzedText, limit: number): number[] => {
    if (linear === undefined || a.richVector === undefined || a.richVector.ids.length === 0) {
      probs.fill(0);
      return [];
    }
    linear.probabilities(a.richVector, probs);
    return topIndices(probs, Math.max(limit, 3)).filter((e) => at(probs, e) > 0.01);
  };

  const score = (text: string, limit: number, without?: number): ScoredQuery => {
    const a = space.analyze(text);
    const extra = linearFavourites(a, limit);
    const ranked = retrieval
      .retrieve(a.vector, Math.max(limit, RESCORE_POOL), extra)
      .map((r) => {
        const knn = NEAREST_SHARE * r.nearest + (1 - NEAREST_SHARE) * r.centroid;
        const s = linear ? LINEAR_SHARE * at(probs, r.e) + (1 - LINEAR_SHARE) * knn : knn;
        return { ...r, s };
      })
      .filter((r) => r.s > 0)
      .sort((x, y) => y.s - x.s)
      .slice(0, limit);
    const question: QuestionView = {
      analysis: a,
      tokens: new Set(a.tokens),
      placeTokens: tokensOutsideTimePhrases(a.tokens),
      timeRelations: timeRelationsOf(a.tokens),
      strandedPair: strandedPair(a.tokens),
      content: contentKey(a.tokens),
      rateUnits: rateUnitsOf(a.surfaces),
      countedNouns: countedNouns(a.tokens, a.surfaces),
    };
    return {
      normalized: a.normalized,
      coverage: a.coverage,
      coverageWithout:
        without === undefined
          ? a.coverage
          : coverageWithoutEntry(a, at(entryWords, without), entriesUsing),
      candidates: ranked.map((r) => candidateEvidence(question, r, at(probs, r.e), known)),
      content: contentCounts(a),
      unseenSlot: a.unseenSlot,
      unseenObject: a.unseenObject,
      withoutUnseenTimes: a.withoutUnseenTimes,
      curated,
      openSlot: leavesSlotOpen(ranked, known, question.tokens),
    };
  };

  return { phrasings, hasLinearModel: linear !== undefined, score };
}

/** What the scorer knows of each entry, from its analysed phrasings, words and answer. */
function entryKnowledgeOf(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
  analysed: ReturnType<typeof analyzePhrasings>,
  words: Pick<EntryKnowledge, 'curated' | 'entryWords' | 'answerNumbers' | 'statedNumbers'>,
): EntryKnowledge {
  const background = backgroundWords(analysed.cores);
  // Only a curated file's results are priced by the slot evidence these feed (`curatedSlots`).
  const curated = words.curated;
  return {
    ...analysed,
    ...words,
    background,
    rateUnits: entryRateUnits(entries, normalizer),
    countedWords: curated ? entryCountedWords(entries, normalizer) : [],
    counterparts: curated ? counterpartsOf(analysed.cores, background) : new Map(),
    spoken: curated
      ? spokenWords(
          analysed.cores,
          entries.map((e) => e.answer),
          (text) => normalizer.words(text).map((w) => w.token),
        )
      : [],
  };
}

/** The phrasings of each entry, by index. */
function docsByEntry(phrasingEntry: readonly number[], entryCount: number): number[][] {
  const entryDocs: number[][] = Array.from({ length: entryCount }, () => []);
  phrasingEntry.forEach((e, d) => {
    at(entryDocs, e).push(d);
  });
  return entryDocs;
}

/** The linear model over the phrasings' words and n-grams, one class per entry. */
function linearModelOf(
  richVectors: SparseRows,
  phrasingEntry: readonly number[],
  entryCount: number,
  space: FeatureSpace,
  config: ScorerConfig,
): LinearModel {
  return trainLinearModel(
    richVectors,
    Int32Array.from(phrasingEntry),
    entryCount,
    space.richFeatureCount,
    {
      epochs: config.linearEpochs ?? epochsFor(phrasingEntry.length),
    },
  );
}
