import { at } from './checked-read.js';
import type { AnalyzedText, FeatureSpace } from './feature-space.js';
import type { SparseRows } from './sparse-vector.js';

/**
 * The words each entry uses and how many entries use each, and a question's coverage with one
 * entry's own words counted as unknown. Together because the coverage reads exactly those
 * counts; apart from the scorer because they are set-keeping, not scoring.
 */

/** The unigram features each entry uses, and how many entries use each feature. */
export function entryWordSets(
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

/** `coverage` with the words only `entry` uses counted as unknown. */
export function coverageWithoutEntry(
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
