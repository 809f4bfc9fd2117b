import { checkIndex, checkInvariant } from './checked-read.js';
import {
  buildPostings,
  checkVector,
  type Postings,
  rowCount,
  type SparseRows,
  type SparseVector,
} from './sparse-vector.js';

/**
 * Candidate retrieval for the scorer: which entries a question could be for, found through
 * inverted indexes over the phrasing vectors and the entry centroids, each rescored exactly by
 * its nearest phrasing and its centroid. Scratch rows are allocated once and left zeroed.
 *
 * Indexes are checked where they come in, not where they are read: the index's shape once when
 * retrieval is built (`checkIndexShape`), the question's vector and the extra entries once per
 * question. Every entry, phrasing and feature the loops below then meet is within the arrays
 * it indexes, which is why they read with `as number` instead of a test per element.
 */

/** Posting lists longer than this are skipped during retrieval (not during rescoring). */
const RETRIEVAL_POSTING_CAP = 200;
/** Phrasing posting lists longer than this are left out of the partial nearest-phrasing pass. */
const DOC_POSTING_CAP = 150;
/** Entries with at most this many phrasings are compared with every one of them. */
const EXACT_DOCS = 16;

/** What retrieval reads: the phrasing vectors and the entries they belong to. */
export interface RetrievalIndex {
  readonly docVectors: SparseRows;
  readonly centroids: SparseRows;
  readonly featureCount: number;
  readonly entryCount: number;
  /** Entry of each phrasing. */
  readonly phrasingEntry: readonly number[];
  /** Index of each entry's first phrasing. */
  readonly firstPhrasing: readonly number[];
  /** Each entry's phrasings, in order. */
  readonly entryDocs: readonly (readonly number[])[];
}

/** One retrieved entry, with its nearest phrasing's cosine and index and its centroid cosine. */
export interface Retrieved {
  readonly e: number;
  readonly nearest: number;
  readonly centroid: number;
  readonly best: number;
}

export interface CandidateRetrieval {
  /**
   * The entries among the best `pool` by approximate centroid score, plus `extra` (the linear
   * model's favourites), each with its exact nearest-phrasing and centroid cosines.
   */
  retrieve(q: SparseVector, pool: number, extra: readonly number[]): Retrieved[];
}

/**
 * Throws unless the index is consistent: one centroid and one list of phrasings and a first
 * phrasing per entry, one vector and one entry per phrasing, and every entry and phrasing these
 * name within range. Feature ids are checked by `buildPostings`.
 */
function checkIndexShape(index: RetrievalIndex): void {
  const { docVectors, centroids, entryCount, phrasingEntry, firstPhrasing, entryDocs } = index;
  const phrasingCount = phrasingEntry.length;
  checkInvariant(
    rowCount(centroids) === entryCount &&
      firstPhrasing.length === entryCount &&
      entryDocs.length === entryCount,
    () =>
      `${entryCount} entries but ${rowCount(centroids)} centroids, ${firstPhrasing.length} first phrasings and ${entryDocs.length} phrasing lists`,
  );
  checkInvariant(
    rowCount(docVectors) === phrasingCount,
    () => `${phrasingCount} phrasings but ${rowCount(docVectors)} phrasing vectors`,
  );
  for (const e of phrasingEntry) checkIndex(e, entryCount, 'entries');
  for (const docs of entryDocs) for (const d of docs) checkIndex(d, phrasingCount, 'phrasings');
}

export function createCandidateRetrieval(index: RetrievalIndex): CandidateRetrieval {
  checkIndexShape(index);
  const { docVectors, centroids, featureCount, entryCount, phrasingEntry, entryDocs } = index;
  const { firstPhrasing } = index;
  const phrasingCount = phrasingEntry.length;
  const centroidPostings = buildPostings(centroids, featureCount);
  const docPostings = buildPostings(docVectors, featureCount);
  // Very common words would make retrieval touch most entries; they still count in rescoring.
  const postingCap = Math.max(RETRIEVAL_POSTING_CAP, Math.ceil(entryCount * 0.05));
  const docCap = Math.max(DOC_POSTING_CAP, Math.ceil(phrasingCount * 0.005));
  const scratch: Scratch = {
    approx: new Float32Array(entryCount),
    queryDense: new Float32Array(featureCount),
    docPartial: new Float32Array(phrasingCount),
    entryBestPartial: new Float32Array(entryCount),
    entryBestPartialDoc: new Int32Array(entryCount).fill(-1),
  };

  // `e` is a centroid's row or an extra entry checked by `retrieve`: below `entryCount`.
  const rescore = (e: number, skippedCommon: boolean): Retrieved => {
    let nearest = 0;
    let best = firstPhrasing[e] as number;
    const docs = entryDocs[e] as readonly number[];
    const partialBest = scratch.entryBestPartialDoc[e] as number;
    // Small entries are scored exactly; large ones through their best partial match.
    const toScore = docs.length <= EXACT_DOCS ? docs : partialBest >= 0 ? [partialBest] : [];
    for (const d of toScore) {
      const sim = dotWithQuery(docVectors, d, scratch.queryDense);
      if (sim > nearest) {
        nearest = sim;
        best = d;
      }
    }
    // Without skipped common words the retrieval pass already computed the exact cosine.
    const centroid = skippedCommon
      ? dotWithQuery(centroids, e, scratch.queryDense)
      : (scratch.approx[e] as number);
    return { e, nearest, centroid, best };
  };

  return {
    retrieve(q, poolSize, extra) {
      checkVector(q, featureCount);
      const touched: number[] = [];
      const skippedCommon = approximateCentroids(q, centroidPostings, postingCap, scratch, touched);
      const pool = new Set(topOf(touched, scratch.approx, poolSize));
      for (const e of extra) {
        checkIndex(e, entryCount, 'entries');
        pool.add(e);
      }
      const partialTouched = partialNearest(q, docPostings, docCap, phrasingEntry, scratch);
      for (let j = 0; j < q.ids.length; j++)
        scratch.queryDense[q.ids[j] as number] = q.values[j] as number;
      const retrieved = [...pool].map((e) => rescore(e, skippedCommon));
      for (let j = 0; j < q.ids.length; j++) scratch.queryDense[q.ids[j] as number] = 0;
      for (const e of partialTouched) scratch.entryBestPartialDoc[e] = -1;
      for (const e of touched) scratch.approx[e] = 0;
      return retrieved;
    },
  };
}

/** Dense rows reused by every question; each pass leaves them as it found them. */
interface Scratch {
  readonly approx: Float32Array;
  readonly queryDense: Float32Array;
  readonly docPartial: Float32Array;
  readonly entryBestPartial: Float32Array;
  readonly entryBestPartialDoc: Int32Array;
}

/** Row `row` (below the row count) of checked rows, dotted with the dense query. */
function dotWithQuery(rows: SparseRows, row: number, queryDense: Float32Array): number {
  let sum = 0;
  const end = rows.offsets[row + 1] as number;
  for (let j = rows.offsets[row] as number; j < end; j++)
    sum += (rows.values[j] as number) * (queryDense[rows.ids[j] as number] as number);
  return sum;
}

/** Best phrasing per entry by the rarer features only: cheap, and exact for the top one later. */
function partialNearest(
  q: SparseVector,
  docPostings: Postings,
  docCap: number,
  phrasingEntry: readonly number[],
  scratch: Scratch,
): number[] {
  const { docPartial, entryBestPartial, entryBestPartialDoc } = scratch;
  const touchedDocs: number[] = [];
  for (let j = 0; j < q.ids.length; j++) {
    const f = q.ids[j] as number;
    const from = docPostings.offsets[f] as number;
    const end = docPostings.offsets[f + 1] as number;
    if (end - from <= docCap)
      accumulateRange(docPostings, from, end, q.values[j] as number, docPartial, touchedDocs);
  }
  const touchedEntries: number[] = [];
  for (const d of touchedDocs) {
    const e = phrasingEntry[d] as number;
    const v = docPartial[d] as number;
    const unseen = (entryBestPartialDoc[e] as number) < 0;
    if (unseen) touchedEntries.push(e);
    if (unseen || v > (entryBestPartial[e] as number)) {
      entryBestPartial[e] = v;
      entryBestPartialDoc[e] = d;
    }
    docPartial[d] = 0;
  }
  return touchedEntries;
}

/** Approximate centroid scores into `scratch.approx`; true when common words were left out. */
function approximateCentroids(
  q: SparseVector,
  centroidPostings: Postings,
  postingCap: number,
  scratch: Scratch,
  touched: number[],
): boolean {
  let skipped = false;
  let rarest = -1;
  let rarestLength = Number.POSITIVE_INFINITY;
  for (let j = 0; j < q.ids.length; j++) {
    const f = q.ids[j] as number;
    const from = centroidPostings.offsets[f] as number;
    const end = centroidPostings.offsets[f + 1] as number;
    if (end - from < rarestLength) {
      rarestLength = end - from;
      rarest = j;
    }
    if (end - from > postingCap) {
      skipped = true;
      continue;
    }
    accumulateRange(centroidPostings, from, end, q.values[j] as number, scratch.approx, touched);
  }
  if (touched.length === 0 && rarest >= 0) {
    const f = q.ids[rarest] as number;
    const from = centroidPostings.offsets[f] as number;
    const end = Math.min(centroidPostings.offsets[f + 1] as number, from + postingCap);
    accumulateRange(
      centroidPostings,
      from,
      end,
      q.values[rarest] as number,
      scratch.approx,
      touched,
    );
  }
  return skipped;
}

/**
 * Adds `weight` times postings `from`…`end` (one feature's range) into `into`, one cell per row;
 * `into` has a cell for every row the postings name.
 */
function accumulateRange(
  postings: Postings,
  from: number,
  end: number,
  weight: number,
  into: Float32Array,
  touched: number[],
): void {
  for (let p = from; p < end; p++) {
    const row = postings.rows[p] as number;
    if (into[row] === 0) touched.push(row);
    into[row] = (into[row] as number) + weight * (postings.weights[p] as number);
  }
}

/** The k rows with the highest values (rows index `values`), without sorting them all. */
function topOf(rows: readonly number[], values: Float32Array, k: number): number[] {
  if (rows.length <= k) return [...rows];
  const top: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    const v = values[r] as number;
    if (top.length === k && v <= floor) continue;
    // Insertion into `top`, best first: every `top[...]` read is below its length.
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && (values[top[at - 1] as number] as number) < v) {
      if (at < k) top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = r;
    if (top.length === k) floor = values[top[k - 1] as number] as number;
  }
  return top;
}
