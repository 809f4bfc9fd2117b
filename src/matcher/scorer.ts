import { createFeatureSpace } from './feature-space.js';
import {
  type LinearModel,
  MAX_LINEAR_CELLS,
  MAX_LINEAR_CLASSES,
  trainLinearModel,
} from './linear-model.js';
import type { TrainingEntry } from './matcher.js';
import { isQuestionWord, isStopToken, type Normalizer } from './normalize.js';
import { createRoleIndex, isContentToken } from './role-order.js';
import { isSlotWord, slotKind } from './slot-lexicon.js';
import {
  buildPostings,
  createSparseRowsBuilder,
  type Postings,
  type SparseRows,
  type SparseVector,
} from './sparse-vector.js';

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
/** Posting lists longer than this are skipped during retrieval (not during rescoring). */
const RETRIEVAL_POSTING_CAP = 200;
/** Phrasing posting lists longer than this are left out of the partial nearest-phrasing pass. */
const DOC_POSTING_CAP = 150;
/** Entries with at most this many phrasings are compared with every one of them. */
const EXACT_DOCS = 16;
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
  const curated = phrasings.length <= CURATED_MAX_PHRASINGS;
  const wantLinear = entries.length >= 2 && entries.length <= MAX_LINEAR_CLASSES;
  const space = createFeatureSpace(phrasings, normalizer, {
    charNgrams: wantLinear && (config.charNgrams ?? true),
    groups: phrasingEntry,
  });
  const trainLinear = wantLinear && space.richFeatureCount * entries.length <= MAX_LINEAR_CELLS;
  // Only the vectors are kept, packed: the rest of each analysis is garbage at once.
  const docBuilder = createSparseRowsBuilder(phrasings.length);
  const richBuilder = trainLinear ? createSparseRowsBuilder(phrasings.length, 48) : undefined;
  const phrasingContent: string[] = [];
  const phrasingTokens: (readonly string[])[] = [];
  for (const p of phrasings) {
    const a = space.analyze(p);
    docBuilder.push(a.vector);
    richBuilder?.push(a.richVector ?? a.vector);
    phrasingTokens.push(a.tokens);
    phrasingContent.push(contentKey(a.tokens));
  }
  const roles = createRoleIndex(phrasingTokens, phrasingEntry);
  const cores = entryCores(phrasingTokens, phrasingEntry, entries.length);
  const rareSlots = entryRareSlots(phrasingTokens, phrasingEntry, entries.length);
  const varying = entrySlotVariety(phrasingTokens, phrasingEntry, entries.length);
  phrasingTokens.length = 0;
  const docVectors = docBuilder.finish();
  let linear: LinearModel | undefined;
  if (richBuilder !== undefined) {
    const rich = richBuilder.finish(false);
    linear = trainLinearModel(
      rich,
      Int32Array.from(phrasingEntry),
      entries.length,
      space.richFeatureCount,
      { epochs: config.linearEpochs ?? epochsFor(phrasings.length) },
    );
  }
  const probs = new Float64Array(entries.length);

  // Entry centroids and the set of word features each entry uses.
  const centroids = entryCentroids(docVectors, firstPhrasing, phrasings.length, space.featureCount);
  const entryWords = entries.map(() => new Set<number>());
  for (let d = 0; d < phrasings.length; d++) {
    const words = entryWords[phrasingEntry[d] ?? 0];
    if (words === undefined) continue;
    const end = docVectors.offsets[d + 1] ?? 0;
    for (let j = docVectors.offsets[d] ?? 0; j < end; j++) {
      const id = docVectors.ids[j] ?? 0;
      if (space.isUnigram(id)) words.add(id);
    }
  }
  const entriesUsing = new Int32Array(space.featureCount);
  for (const words of entryWords)
    for (const id of words) entriesUsing[id] = (entriesUsing[id] ?? 0) + 1;
  const centroidPostings = buildPostings(centroids, space.featureCount);
  const entryDocs: number[][] = entries.map(() => []);
  phrasingEntry.forEach((e, d) => {
    entryDocs[e]?.push(d);
  });
  // Very common words would make retrieval touch most entries; they still count in rescoring.
  const postingCap = Math.max(RETRIEVAL_POSTING_CAP, Math.ceil(entries.length * 0.05));

  const approx = new Float32Array(entries.length);
  const queryDense = new Float32Array(space.featureCount);
  const docPostings = buildPostings(docVectors, space.featureCount);
  const docCap = Math.max(DOC_POSTING_CAP, Math.ceil(phrasings.length * 0.005));
  const docPartial = new Float32Array(phrasings.length);
  const entryBestPartial = new Float32Array(entries.length);
  const entryBestPartialDoc = new Int32Array(entries.length).fill(-1);

  /** Best phrasing per entry by the rarer features only: cheap, and exact for the top one later. */
  const partialNearest = (q: SparseVector): number[] => {
    const touchedDocs: number[] = [];
    for (let j = 0; j < q.ids.length; j++) {
      const f = q.ids[j] ?? 0;
      const from = docPostings.offsets[f] ?? 0;
      const end = docPostings.offsets[f + 1] ?? 0;
      if (end - from <= docCap)
        accumulateRange(docPostings, from, end, q.values[j] ?? 0, docPartial, touchedDocs);
    }
    const touchedEntries: number[] = [];
    for (const d of touchedDocs) {
      const e = phrasingEntry[d] ?? 0;
      const v = docPartial[d] ?? 0;
      if ((entryBestPartialDoc[e] ?? -1) < 0) touchedEntries.push(e);
      if ((entryBestPartialDoc[e] ?? -1) < 0 || v > (entryBestPartial[e] ?? 0)) {
        entryBestPartial[e] = v;
        entryBestPartialDoc[e] = d;
      }
      docPartial[d] = 0;
    }
    return touchedEntries;
  };

  /** Approximate centroid scores into `approx`; true when common words were left out. */
  const retrieve = (q: SparseVector, touched: number[]): boolean => {
    let skipped = false;
    let rarest = -1;
    let rarestLength = Number.POSITIVE_INFINITY;
    for (let j = 0; j < q.ids.length; j++) {
      const f = q.ids[j] ?? 0;
      const from = centroidPostings.offsets[f] ?? 0;
      const end = centroidPostings.offsets[f + 1] ?? 0;
      if (end - from < rarestLength) {
        rarestLength = end - from;
        rarest = j;
      }
      if (end - from > postingCap) {
        skipped = true;
        continue;
      }
      accumulateRange(centroidPostings, from, end, q.values[j] ?? 0, approx, touched);
    }
    if (touched.length === 0 && rarest >= 0) {
      const f = q.ids[rarest] ?? 0;
      const from = centroidPostings.offsets[f] ?? 0;
      const end = Math.min(centroidPostings.offsets[f + 1] ?? 0, from + postingCap);
      accumulateRange(centroidPostings, from, end, q.values[rarest] ?? 0, approx, touched);
    }
    return skipped;
  };

  const dotWithQuery = (rows: SparseRows, row: number): number => {
    let sum = 0;
    const end = rows.offsets[row + 1] ?? 0;
    for (let j = rows.offsets[row] ?? 0; j < end; j++)
      sum += (rows.values[j] ?? 0) * (queryDense[rows.ids[j] ?? 0] ?? 0);
    return sum;
  };

  const score = (text: string, limit: number, without?: number): ScoredQuery => {
    const a = space.analyze(text);
    const touched: number[] = [];
    const skippedCommon = retrieve(a.vector, touched);
    const pool = new Set(topOf(touched, approx, Math.max(limit, RESCORE_POOL)));
    if (linear !== undefined && a.richVector !== undefined && a.richVector.ids.length > 0) {
      linear.probabilities(a.richVector, probs);
      // The linear model's own favourites join the candidates even if they share no word.
      for (const e of topIndices(probs, Math.max(limit, 3)))
        if ((probs[e] ?? 0) > 0.01) pool.add(e);
    } else {
      probs.fill(0);
    }

    const partialTouched = partialNearest(a.vector);
    for (let j = 0; j < a.vector.ids.length; j++)
      queryDense[a.vector.ids[j] ?? 0] = a.vector.values[j] ?? 0;
    const rescored = [...pool].map((e) => {
      let nearest = 0;
      let best = firstPhrasing[e] ?? 0;
      const docs = entryDocs[e] ?? [];
      const partialBest = entryBestPartialDoc[e] ?? -1;
      // Small entries are scored exactly; large ones through their best partial match.
      const toScore = docs.length <= EXACT_DOCS ? docs : partialBest >= 0 ? [partialBest] : [];
      for (const d of toScore) {
        const sim = dotWithQuery(docVectors, d);
        if (sim > nearest) {
          nearest = sim;
          best = d;
        }
      }
      // Without skipped common words the retrieval pass already computed the exact cosine.
      const centroid = skippedCommon ? dotWithQuery(centroids, e) : (approx[e] ?? 0);
      const knn = NEAREST_SHARE * nearest + (1 - NEAREST_SHARE) * centroid;
      const s = linear ? LINEAR_SHARE * (probs[e] ?? 0) + (1 - LINEAR_SHARE) * knn : knn;
      return { e, nearest, centroid, best, s };
    });
    for (let j = 0; j < a.vector.ids.length; j++) queryDense[a.vector.ids[j] ?? 0] = 0;
    for (const e of partialTouched) entryBestPartialDoc[e] = -1;
    for (const e of touched) approx[e] = 0;

    const ranked = rescored
      .filter((r) => r.s > 0)
      .sort((x, y) => y.s - x.s)
      .slice(0, limit);
    const questionContent = contentKey(a.tokens);
    const questionTokens = new Set(a.tokens);
    const candidates = ranked.map((r) => {
      const words = entryWords[r.e];
      let found = 0;
      let total = 0;
      let asks = 0;
      let asked = 0;
      let foreignMax = 0;
      let unknownMax = 0;
      let foreignNumber = false;
      // Function words say little about which entry a question is for: "does … have" in a
      // question is no sign of another entry, whichever entries happen to use them.
      for (let i = 0; i < a.tokenIds.length; i++)
        if (!isStopToken(a.tokens[i] ?? '')) total += a.tokenWeights[i] ?? 0;
      for (let i = 0; i < a.tokenIds.length; i++) {
        const id = a.tokenIds[i] ?? -1;
        const token = a.tokens[i] ?? '';
        if (isStopToken(token)) continue;
        const has = id >= 0 && words?.has(id) === true;
        if (isQuestionWord(token)) {
          asks++;
          if (has) asked++;
        }
        const w = a.tokenWeights[i] ?? 0;
        if (has) found += w * (a.tokenCredit[i] ?? 0);
        else if (id < 0) unknownMax = Math.max(unknownMax, total > 0 ? w / total : 0);
        else if (/^\d/.test(token)) foreignNumber = true;
        else if (isContentToken(token))
          foreignMax = Math.max(foreignMax, total > 0 ? w / total : 0);
      }
      return {
        entry: r.e,
        nearest: r.nearest,
        centroid: r.centroid,
        entryCoverage: total > 0 ? found / total : 0,
        questionWords: asks > 0 ? asked / asks : 1,
        phrasing: r.best,
        linear: probs[r.e] ?? 0,
        score: r.s,
        foreignMax,
        unknownMax,
        core: coreCoverage(cores[r.e], questionTokens),
        slotSwap: slotSwapped(cores[r.e], rareSlots[r.e], questionTokens),
        entitiesVary: varying.entities[r.e] === 1,
        timesVary: varying.times[r.e] === 1,
        foreignNumber,
        roleConflict: roles.conflicts(r.e, a.tokens),
        sameContent: phrasingContent[r.best] === questionContent,
      };
    });
    // A plain number, not a closure: a closure here would keep the whole scorer alive.
    const coverageOf = (entry: number): number => {
      const words = entryWords[entry];
      let known = 0;
      let total = 0;
      for (let i = 0; i < a.tokenIds.length; i++) {
        const id = a.tokenIds[i] ?? -1;
        const w = a.tokenWeights[i] ?? 0;
        total += w;
        if (id >= 0 && !(words?.has(id) && entriesUsing[id] === 1))
          known += w * (a.tokenCredit[i] ?? 0);
      }
      return total > 0 ? known / total : 0;
    };
    const coverageWithout = without === undefined ? a.coverage : coverageOf(without);
    let words = 0;
    let numbers = 0;
    let asks = false;
    a.tokens.forEach((t, i) => {
      if ((a.tokenWeights[i] ?? 0) === 0) return;
      if (isQuestionWord(t)) asks = true;
      if (isContentToken(t)) words++;
      else if (/^\d+(?:\.\d+)?$/.test(t)) numbers++;
    });
    return {
      normalized: a.normalized,
      coverage: a.coverage,
      coverageWithout,
      candidates,
      content: { words, numbers, asks },
      unseenSlot: a.unseenSlot,
      curated,
      openSlot: leavesSlotOpen(ranked, cores, questionTokens),
    };
  };

  return { phrasings, hasLinearModel: linear !== undefined, score };
}

/** A word most phrasings of an entry use: what the entry is about and what it answers. */
const CORE_SHARE = 0.4;

/** Each entry's core words: content words that at least `CORE_SHARE` of its phrasings use. */
function entryCores(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): (readonly string[])[] {
  const counts = Array.from({ length: entryCount }, () => new Map<string, number>());
  const sizes = new Int32Array(entryCount);
  phrasingTokens.forEach((tokens, doc) => {
    const e = entryOf[doc] ?? -1;
    const map = counts[e];
    if (map === undefined) return;
    sizes[e] = (sizes[e] ?? 0) + 1;
    for (const t of new Set(tokens)) if (isContentToken(t)) map.set(t, (map.get(t) ?? 0) + 1);
  });
  return counts.map((map, e) =>
    [...map].filter(([, n]) => n >= CORE_SHARE * (sizes[e] ?? 0)).map(([t]) => t),
  );
}

/** How close the runner-up's ranking score must be to the best's to count as a sibling. */
const SIBLING_SCORE_SHARE = 0.25;
/** Siblings differ in a slot of at most this many core words and share at least these many. */
const MAX_SLOT_WORDS = 2;
const MIN_SHARED_CORE = 2;

function leavesSlotOpen(
  ranked: readonly { readonly e: number; readonly s: number }[],
  cores: readonly (readonly string[])[],
  question: ReadonlySet<string>,
): boolean {
  const [first, second] = ranked;
  if (first === undefined || second === undefined || second.s < SIBLING_SCORE_SHARE * first.s)
    return false;
  const a = cores[first.e] ?? [];
  const b = cores[second.e] ?? [];
  const onlyA = a.filter((t) => !b.includes(t));
  const onlyB = b.filter((t) => !a.includes(t));
  // Siblings share most of what they are about; the question must name a side to be answered.
  const shared = a.length - onlyA.length;
  const oneSlot = (only: readonly string[]) => only.length > 0 && only.length <= MAX_SLOT_WORDS;
  if (!oneSlot(onlyA) || !oneSlot(onlyB) || shared < MIN_SHARED_CORE) return false;
  return !onlyA.some((t) => question.has(t)) && !onlyB.some((t) => question.has(t));
}

/** Distinct slot words of a kind from which an entry's slot counts as a free parameter. */
const FREE_SLOT_VALUES = 4;

function entrySlotVariety(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): { readonly entities: Uint8Array; readonly times: Uint8Array } {
  const seen = Array.from({ length: entryCount }, () => ({
    entity: new Set<string>(),
    time: new Set<string>(),
  }));
  phrasingTokens.forEach((tokens, doc) => {
    const sets = seen[entryOf[doc] ?? -1];
    if (sets === undefined) return;
    for (const t of tokens) {
      const kind = slotKind(t);
      if (kind !== undefined) sets[kind].add(t);
    }
  });
  return {
    entities: Uint8Array.from(seen, (s) => (s.entity.size >= FREE_SLOT_VALUES ? 1 : 0)),
    times: Uint8Array.from(seen, (s) => (s.time.size >= FREE_SLOT_VALUES ? 1 : 0)),
  };
}

/** Share of an entry's phrasings below which a slot word it uses counts as rare in it. */
const RARE_SLOT_SHARE = 0.2;

/** Each entry's slot words that few of its phrasings use. */
function entryRareSlots(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): ReadonlySet<string>[] {
  const counts = Array.from({ length: entryCount }, () => new Map<string, number>());
  const sizes = new Int32Array(entryCount);
  phrasingTokens.forEach((tokens, doc) => {
    const e = entryOf[doc] ?? -1;
    const map = counts[e];
    if (map === undefined) return;
    sizes[e] = (sizes[e] ?? 0) + 1;
    for (const t of new Set(tokens)) if (isSlotWord(t)) map.set(t, (map.get(t) ?? 0) + 1);
  });
  return counts.map(
    (map, e) =>
      new Set([...map].filter(([, n]) => n < RARE_SLOT_SHARE * (sizes[e] ?? 0)).map(([t]) => t)),
  );
}

function slotSwapped(
  core: readonly string[] | undefined,
  rare: ReadonlySet<string> | undefined,
  question: ReadonlySet<string>,
): boolean {
  if (core === undefined || rare === undefined || rare.size === 0) return false;
  const missing = core.some((t) => isSlotWord(t) && !question.has(t));
  if (!missing) return false;
  for (const t of question) if (rare.has(t)) return true;
  return false;
}

function coreCoverage(core: readonly string[] | undefined, question: ReadonlySet<string>): number {
  if (core === undefined || core.length === 0) return 1;
  let found = 0;
  for (const t of core) if (question.has(t)) found++;
  return found / core.length;
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
  const builder = createSparseRowsBuilder(firstPhrasing.length, 64);
  const sums = new Float64Array(featureCount);
  const seen = new Uint8Array(featureCount);
  const order: number[] = [];
  firstPhrasing.forEach((first, e) => {
    const last = firstPhrasing[e + 1] ?? phrasingCount;
    for (let j = docs.offsets[first] ?? 0; j < (docs.offsets[last] ?? 0); j++) {
      const id = docs.ids[j] ?? 0;
      if (seen[id] === 0) {
        seen[id] = 1;
        order.push(id);
      }
      sums[id] = (sums[id] ?? 0) + (docs.values[j] ?? 0);
    }
    const ids = Int32Array.from(order);
    const values = new Float32Array(order.length);
    let norm = 0;
    for (let i = 0; i < order.length; i++) {
      const w = sums[ids[i] ?? 0] ?? 0;
      values[i] = w;
      norm += w * w;
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) * inv;
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

function accumulateRange(
  postings: Postings,
  from: number,
  end: number,
  weight: number,
  into: Float32Array,
  touched: number[],
): void {
  for (let p = from; p < end; p++) {
    const row = postings.rows[p] ?? 0;
    if (into[row] === 0) touched.push(row);
    into[row] = (into[row] ?? 0) + weight * (postings.weights[p] ?? 0);
  }
}

/** The k rows with the highest values, without sorting them all. */
function topOf(rows: readonly number[], values: Float32Array, k: number): number[] {
  if (rows.length <= k) return [...rows];
  const top: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    const v = values[r] ?? 0;
    if (top.length === k && v <= floor) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && (values[top[at - 1] ?? 0] ?? 0) < v) {
      if (at < k) top[at] = top[at - 1] ?? 0;
      at--;
    }
    top[at] = r;
    if (top.length === k) floor = values[top[k - 1] ?? 0] ?? 0;
  }
  return top;
}

function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (top.length === k && v <= (values[top[k - 1] ?? 0] ?? 0)) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && (values[top[at - 1] ?? 0] ?? 0) < v) {
      if (at < k) top[at] = top[at - 1] ?? 0;
      at--;
    }
    top[at] = i;
  }
  return top;
}
