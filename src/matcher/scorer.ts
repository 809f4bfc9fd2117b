import { createFeatureSpace } from './feature-space.js';
import type { TrainingEntry } from './matcher.js';
import type { Normalizer } from './normalize.js';
import { buildPostings, type Postings, type SparseVector, toUnitVector } from './sparse-vector.js';

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
  readonly phrasing: number;
  /** Ranking score (before calibration). */
  readonly score: number;
}

export interface ScoredQuery {
  readonly normalized: string;
  /** Share of the question's information weight the knowledge knows at all. */
  readonly coverage: number;
  /** Best first. */
  readonly candidates: readonly CandidateEvidence[];
}

export interface Scorer {
  readonly phrasings: readonly string[];
  score(text: string, limit: number): ScoredQuery;
}

const NEAREST_SHARE = 0.55;

export function createScorer(entries: readonly TrainingEntry[], normalizer: Normalizer): Scorer {
  const phrasings: string[] = [];
  const phrasingEntry: number[] = [];
  entries.forEach((e, i) => {
    for (const p of e.phrasings) {
      phrasings.push(p);
      phrasingEntry.push(i);
    }
  });
  const space = createFeatureSpace(phrasings, normalizer);
  const docVectors = phrasings.map((p) => space.analyze(p).vector);

  // Entry centroids and the set of word features each entry uses.
  const centroidSums = entries.map(() => new Map<number, number>());
  const entryWords = entries.map(() => new Set<number>());
  docVectors.forEach((v, d) => {
    const e = phrasingEntry[d] ?? 0;
    const sum = centroidSums[e];
    const words = entryWords[e];
    if (sum === undefined || words === undefined) return;
    for (let j = 0; j < v.ids.length; j++) {
      const id = v.ids[j] ?? 0;
      sum.set(id, (sum.get(id) ?? 0) + (v.values[j] ?? 0));
      if (space.isUnigram(id)) words.add(id);
    }
  });
  const centroids: SparseVector[] = centroidSums.map((s) => toUnitVector(s));
  const docPostings = buildPostings(docVectors, space.featureCount);
  const centroidPostings = buildPostings(centroids, space.featureCount);

  const docScores = new Float32Array(phrasings.length);
  const entryScores = new Float32Array(entries.length);
  const entryNearest = new Float32Array(entries.length);
  const entryBestDoc = new Int32Array(entries.length);

  const accumulate = (
    q: SparseVector,
    postings: Postings,
    into: Float32Array,
    touched: number[],
  ) => {
    for (let j = 0; j < q.ids.length; j++) {
      const f = q.ids[j] ?? 0;
      const qw = q.values[j] ?? 0;
      const end = postings.offsets[f + 1] ?? 0;
      for (let p = postings.offsets[f] ?? 0; p < end; p++) {
        const row = postings.rows[p] ?? 0;
        if (into[row] === 0) touched.push(row);
        into[row] = (into[row] ?? 0) + qw * (postings.weights[p] ?? 0);
      }
    }
  };

  const score = (text: string, limit: number): ScoredQuery => {
    const a = space.analyze(text);
    const touchedDocs: number[] = [];
    const touchedEntries: number[] = [];
    accumulate(a.vector, docPostings, docScores, touchedDocs);
    accumulate(a.vector, centroidPostings, entryScores, touchedEntries);
    for (const d of touchedDocs) {
      const e = phrasingEntry[d] ?? 0;
      const s = docScores[d] ?? 0;
      if (s > (entryNearest[e] ?? 0)) {
        entryNearest[e] = s;
        entryBestDoc[e] = d;
      }
      docScores[d] = 0;
    }
    const ranked = touchedEntries
      .map((e) => ({
        e,
        s: NEAREST_SHARE * (entryNearest[e] ?? 0) + (1 - NEAREST_SHARE) * (entryScores[e] ?? 0),
      }))
      .sort((x, y) => y.s - x.s)
      .slice(0, limit);
    const candidates = ranked.map(({ e, s }) => {
      const words = entryWords[e];
      let found = 0;
      let total = 0;
      a.tokenIds.forEach((id, i) => {
        const w = a.tokenWeights[i] ?? 0;
        total += w;
        if (id >= 0 && words?.has(id)) found += w * (a.tokenCredit[i] ?? 0);
      });
      return {
        entry: e,
        nearest: entryNearest[e] ?? 0,
        centroid: entryScores[e] ?? 0,
        entryCoverage: total > 0 ? found / total : 0,
        phrasing: entryBestDoc[e] ?? 0,
        score: s,
      };
    });
    for (const e of touchedEntries) {
      entryScores[e] = 0;
      entryNearest[e] = 0;
    }
    return { normalized: a.normalized, coverage: a.coverage, candidates };
  };

  return { phrasings, score };
}
