import { candidateEvidence, type EntryKnowledge, type QuestionView } from './candidate-evidence.js';
import { createCandidateRetrieval } from './candidate-retrieval.js';
import { at } from './checked-read.js';
import {
  backgroundWords,
  entryCores,
  entryRareSlots,
  entrySlotVariety,
  leavesSlotOpen,
} from './entry-profiles.js';
import { type AnalyzedText, createFeatureSpace, type FeatureSpace } from './feature-space.js';
import {
  type LinearModel,
  MAX_LINEAR_CELLS,
  MAX_LINEAR_CLASSES,
  trainLinearModel,
} from './linear-model.js';
import type { TrainingEntry } from './matcher.js';
import { isQuestionWord, type Normalizer } from './normalize.js';
import { createRoleIndex, isContentToken } from './role-order.js';
import { checkRows, createSparseRowsBuilder, type SparseRows } from './sparse-vector.js';

/**
 * The uncalibrated scorer: nearest training phrasing and entry centroid by TF-IDF cosine, found
 * through inverted indexes, plus the evidence the calibrator turns into a confidence.
 */

/** Evidence about one candidate entry for one question. */
export interface CandidateEvidence {
  readonly entry: number;
  /** Cosine with the closest phrasing of the entry. */
  readonly nearest: number;
  /** Cosine with the entry's centroid. */
  readonly centroid: number;
  /** Share of the question's information weight found in this entry's phrasings. */
  readonly entryCoverage: number;
  /**
   * Share of the question's question words (who, when, which…) this entry's phrasings use: 1
   * when it has none. "Which base was attacked?" asks something the "how many were hurt in the
   * base attack" entry never answers, though it shares every other word.
   */
  readonly questionWords: number;
  readonly phrasing: number;
  /** The linear model's probability for this entry (0 when there is no linear model). */
  readonly linear: number;
  /** Ranking score (before calibration). */
  readonly score: number;
  /**
   * Largest share of the question's weight held by one word the knowledge knows but this entry
   * never uses ("iraqi" asked of an entry about U.S. troops), and by one word nothing knows.
   */
  readonly foreignMax: number;
  readonly unknownMax: number;
  /** Share of the entry's core words (those most of its phrasings use) that the question has. */
  readonly core: number;
  /**
   * The question lacks a place, time or role the entry's phrasings share, and names one they
   * rarely use instead ("iraqi soldiers" asked of an entry about U.S. troops at an Iraqi base).
   */
  readonly slotSwap: boolean;
  /** The question says what sets this entry apart from the others (`namesEntry`). */
  readonly namesEntry: boolean;
  /**
   * The entry's phrasings name many places or roles (or times and numbers): its slot is a free
   * parameter ("a flight to …"), so an unseen value is one more value, not another question.
   */
  readonly entitiesVary: boolean;
  readonly timesVary: boolean;
  /** The question names a number (or a place, time or role) only other entries use. */
  readonly foreignNumber: boolean;
  /** The question reverses who does what to whom in this entry's phrasings. */
  readonly roleConflict: boolean;
  /** The question's content words are exactly those of the matched phrasing. */
  readonly sameContent: boolean;
}

export interface ScoredQuery {
  readonly normalized: string;
  /** Share of the question's information weight the knowledge knows at all. */
  readonly coverage: number;
  /**
   * `coverage` as it would be without the entry passed to `score` as `without`: its words that
   * no other entry uses count as unknown. Lets cross-validation ask "what if this entry were
   * missing?" without retraining. Equals `coverage` when no entry is given.
   */
  readonly coverageWithout: number;
  /** Best first. */
  readonly candidates: readonly CandidateEvidence[];
  /** The question names a place, role, time or number the knowledge never uses, and which. */
  readonly unseenSlot: 'entity' | 'time' | undefined;
  /** A word the knowledge never uses is what the question asks about (`AnalyzedText`). */
  readonly unseenObject: boolean;
  /**
   * The two best entries are siblings that differ in a slot (full-time / part-time) and the
   * question names neither's: it leaves open what they differ in.
   */
  readonly openSlot: boolean;
  /**
   * The knowledge is a curated file of fixed facts (a few hundred phrasings), not a large set
   * of intents whose places, dates and details are free parameters: the slot rules apply.
   */
  readonly curated: boolean;
  /** Content words in the question (not function words or question words), and numbers. */
  readonly content: { readonly words: number; readonly numbers: number; readonly asks: boolean };
}

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

/** The phrasings in entry order, each with its entry, and each entry's first phrasing. */
function listPhrasings(entries: readonly TrainingEntry[]) {
  const phrasings: string[] = [];
  const phrasingEntry: number[] = [];
  const firstPhrasing: number[] = [];
  entries.forEach((e, i) => {
    firstPhrasing.push(phrasings.length);
    for (const p of e.phrasings) {
      phrasings.push(p);
      phrasingEntry.push(i);
    }
  });
  return { phrasings, phrasingEntry, firstPhrasing };
}

/** The unigram features each entry uses, and how many entries use each feature. */
function entryWordSets(
  docVectors: SparseRows,
  phrasingEntry: readonly number[],
  entryCount: number,
  space: FeatureSpace,
) {
  const entryWords = Array.from({ length: entryCount }, () => new Set<number>());
  phrasingEntry.forEach((e, d) => {
    const words = at(entryWords, e);
    const end = at(docVectors.offsets, d + 1);
    for (let j = at(docVectors.offsets, d); j < end; j++) {
      const id = at(docVectors.ids, j);
      if (space.isUnigram(id)) words.add(id);
    }
  });
  const entriesUsing = new Int32Array(space.featureCount);
  for (const words of entryWords)
    for (const id of words) entriesUsing[id] = at(entriesUsing, id) + 1;
  return { entryWords, entriesUsing };
}

/** Each phrasing analysed once: its packed vectors, and what its tokens say about its entry. */
function analyzePhrasings(
  phrasings: readonly string[],
  phrasingEntry: readonly number[],
  entryCount: number,
  space: FeatureSpace,
  rich: boolean,
) {
  // Only the vectors are kept, packed: the rest of each analysis is garbage at once.
  const docBuilder = createSparseRowsBuilder(phrasings.length);
  const richBuilder = rich ? createSparseRowsBuilder(phrasings.length, 48) : undefined;
  const phrasingContent: string[] = [];
  const phrasingTokens: (readonly string[])[] = [];
  for (const p of phrasings) {
    const a = space.analyze(p);
    docBuilder.push(a.vector);
    richBuilder?.push(a.richVector ?? a.vector);
    phrasingTokens.push(a.tokens);
    phrasingContent.push(contentKey(a.tokens));
  }
  return {
    docVectors: docBuilder.finish(),
    richVectors: richBuilder?.finish(false),
    phrasingContent,
    roles: createRoleIndex(phrasingTokens, phrasingEntry),
    cores: entryCores(phrasingTokens, phrasingEntry, entryCount),
    rareSlots: entryRareSlots(phrasingTokens, phrasingEntry, entryCount),
    varying: entrySlotVariety(phrasingTokens, phrasingEntry, entryCount),
  };
}

/** Content words and numbers in the question, and whether it has a question word. */
function contentCounts(a: AnalyzedText): ScoredQuery['content'] {
  let words = 0;
  let numbers = 0;
  let asks = false;
  a.tokens.forEach((t, i) => {
    if (at(a.tokenWeights, i) === 0) return;
    if (isQuestionWord(t)) asks = true;
    if (isContentToken(t)) words++;
    else if (/^\d+(?:\.\d+)?$/.test(t)) numbers++;
  });
  return { words, numbers, asks };
}

/** `coverage` with the words only `entry` uses counted as unknown. */
function coverageWithoutEntry(
  a: AnalyzedText,
  words: ReadonlySet<number>,
  entriesUsing: Int32Array,
): number {
  let known = 0;
  let total = 0;
  a.tokenIds.forEach((id, i) => {
    const w = at(a.tokenWeights, i);
    total += w;
    if (id >= 0 && !(words.has(id) && at(entriesUsing, id) === 1))
      known += w * at(a.tokenCredit, i);
  });
  return total > 0 ? known / total : 0;
}

export function createScorer(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
  config: ScorerConfig = {},
): Scorer {
  const { phrasings, phrasingEntry, firstPhrasing } = listPhrasings(entries);
  const curated = phrasings.length <= CURATED_MAX_PHRASINGS;
  const wantLinear = entries.length >= 2 && entries.length <= MAX_LINEAR_CLASSES;
  const space = createFeatureSpace(phrasings, normalizer, {
    charNgrams: wantLinear && (config.charNgrams ?? true),
    groups: phrasingEntry,
    fullPriceUnseen: !curated,
  });
  const trainLinear = wantLinear && space.richFeatureCount * entries.length <= MAX_LINEAR_CELLS;
  const analysed = analyzePhrasings(phrasings, phrasingEntry, entries.length, space, trainLinear);
  const { docVectors, richVectors } = analysed;
  const linear: LinearModel | undefined =
    richVectors === undefined
      ? undefined
      : trainLinearModel(
          richVectors,
          Int32Array.from(phrasingEntry),
          entries.length,
          space.richFeatureCount,
          { epochs: config.linearEpochs ?? epochsFor(phrasings.length) },
        );
  const probs = new Float64Array(entries.length);
  const centroids = entryCentroids(docVectors, firstPhrasing, phrasings.length, space.featureCount);
  const { entryWords, entriesUsing } = entryWordSets(
    docVectors,
    phrasingEntry,
    entries.length,
    space,
  );
  const known: EntryKnowledge = {
    ...analysed,
    entryWords,
    background: backgroundWords(analysed.cores),
  };
  const entryDocs: number[][] = entries.map(() => []);
  phrasingEntry.forEach((e, d) => {
    at(entryDocs, e).push(d);
  });
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
      content: contentKey(a.tokens),
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
      curated,
      openSlot: leavesSlotOpen(ranked, analysed.cores, question.tokens),
    };
  };

  return { phrasings, hasLinearModel: linear !== undefined, score };
}

/** The distinct content words of a text, as one comparable key. */
function contentKey(tokens: readonly string[]): string {
  return [...new Set(tokens.filter(isContentToken))].sort().join(' ');
}

/**
 * Unit centroid of each entry's phrasing vectors (an entry's phrasings are consecutive rows),
 * features in first-seen order, summed in a dense scratch row rather than a map per entry.
 */
function entryCentroids(
  docs: SparseRows,
  firstPhrasing: readonly number[],
  phrasingCount: number,
  featureCount: number,
): SparseRows {
  checkRows(docs, featureCount);
  const builder = createSparseRowsBuilder(firstPhrasing.length, 64);
  const sums = new Float64Array(featureCount);
  const seen = new Uint8Array(featureCount);
  const order: number[] = [];
  firstPhrasing.forEach((first, e) => {
    // The last entry's phrasings run to the end; each other's, to the next entry's first one.
    const last = e + 1 < firstPhrasing.length ? at(firstPhrasing, e + 1) : phrasingCount;
    const end = at(docs.offsets, last);
    // Checked rows: `j` stays within `ids` and `values`, every id below `featureCount`.
    for (let j = at(docs.offsets, first); j < end; j++) {
      const id = docs.ids[j] as number;
      if (seen[id] === 0) {
        seen[id] = 1;
        order.push(id);
      }
      sums[id] = (sums[id] as number) + (docs.values[j] as number);
    }
    const ids = Int32Array.from(order);
    const values = new Float32Array(order.length);
    let norm = 0;
    order.forEach((id, i) => {
      const w = sums[id] as number;
      values[i] = w;
      norm += w * w;
    });
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * inv;
    }
    builder.push({ ids, values });
    for (const id of order) {
      sums[id] = 0;
      seen[id] = 0;
    }
    order.length = 0;
  });
  return builder.finish();
}

/** Indices of the k highest values, highest first. */
function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // Insertion into `top`, best first: its entries index `values`, its reads are below its length.
    if (top.length === k && v <= (values[top[k - 1] as number] as number)) continue;
    let slot = top.length < k ? top.length : k - 1;
    while (slot > 0 && (values[top[slot - 1] as number] as number) < v) {
      if (slot < k) top[slot] = top[slot - 1] as number;
      slot--;
    }
    top[slot] = i;
  }
  return top;
}
