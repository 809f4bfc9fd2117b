import {
  buildPostings,
  type Postings,
  type SparseRows,
  type SparseVector,
} from './sparse-vector.js';

/**
 * Candidate retrieval for the scorer: which entries a question could be for, found through
 * inverted indexes over the phrasing vectors and the entry centroids, each rescored exactly by
 * its nearest phrasing and its centroid. Scratch rows are allocated once and left zeroed.
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

export function createCandidateRetrieval(index: RetrievalIndex): CandidateRetrieval {
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

  const rescore = (e: number, skippedCommon: boolean): Retrieved => {
    let nearest = 0;
    let best = firstPhrasing[e] ?? 0;
    const docs = entryDocs[e] ?? [];
    const partialBest = scratch.entryBestPartialDoc[e] ?? -1;
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
      : (scratch.approx[e] ?? 0);
    return { e, nearest, centroid, best };
  };

  return {
    retrieve(q, poolSize, extra) {
      const touched: number[] = [];
      const skippedCommon = approximateCentroids(q, centroidPostings, postingCap, scratch, touched);
      const pool = new Set(topOf(touched, scratch.approx, poolSize));
      for (const e of extra) pool.add(e);
      const partialTouched = partialNearest(q, docPostings, docCap, phrasingEntry, scratch);
      for (let j = 0; j < q.ids.length; j++) scratch.queryDense[q.ids[j] ?? 0] = q.values[j] ?? 0;
      const retrieved = [...pool].map((e) => rescore(e, skippedCommon));
      for (let j = 0; j < q.ids.length; j++) scratch.queryDense[q.ids[j] ?? 0] = 0;
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

function dotWithQuery(rows: SparseRows, row: number, queryDense: Float32Array): number {
  let sum = 0;
  const end = rows.offsets[row + 1] ?? 0;
  for (let j = rows.offsets[row] ?? 0; j < end; j++)
    sum += (rows.values[j] ?? 0) * (queryDense[rows.ids[j] ?? 0] ?? 0);
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
    accumulateRange(centroidPostings, from, end, q.values[j] ?? 0, scratch.approx, touched);
  }
  if (touched.length === 0 && rarest >= 0) {
    const f = q.ids[rarest] ?? 0;
    const from = centroidPostings.offsets[f] ?? 0;
    const end = Math.min(centroidPostings.offsets[f + 1] ?? 0, from + postingCap);
    accumulateRange(centroidPostings, from, end, q.values[rarest] ?? 0, scratch.approx, touched);
  }
  return skipped;
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
