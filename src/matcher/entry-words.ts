import { at } from './checked-read.js';
import type { AnalyzedText, FeatureSpace } from './feature-space.js';
import type { TrainingEntry } from './matcher.js';
import type { Normalizer } from './normalize.js';
import { isStatedTime } from './slot-lexicon.js';
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
  foldWhichWhat(entryWords, space);
  const entriesUsing = new Int32Array(space.featureCount);
  for (const words of entryWords)
    for (const id of words) entriesUsing[id] = at(entriesUsing, id) + 1;
  return { entryWords, entriesUsing };
}

/**
 * "What country…" asks exactly what "which country…" asks, so an entry phrased with "which"
 * counts as using "what": otherwise that question word alone reads as another entry's. Not the
 * reverse: "what happened" or "what is" says nothing of picking one of several.
 */
function foldWhichWhat(entryWords: readonly Set<number>[], space: FeatureSpace): void {
  const idOf = (w: string) => space.analyze(w).tokenIds[0] ?? -1;
  const what = idOf('what');
  const which = idOf('which');
  if (what < 0 || which < 0) return;
  for (const words of entryWords) if (words.has(which)) words.add(what);
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

/**
 * The numbers and times (`isStatedTime`) each entry's answer states, and every one some answer
 * states.
 */
export function answerFigures(entries: readonly TrainingEntry[], normalizer: Normalizer) {
  const answerNumbers = entries.map((e) => numbersOf(e.answer ?? '', normalizer));
  const statedNumbers: ReadonlySet<string> = new Set(answerNumbers.flatMap((n) => [...n]));
  return { answerNumbers, statedNumbers };
}

/**
 * The number and time tokens a text states, as the normaliser writes them ("13000" for "13,000",
 * "monthli" for "monthly").
 */
function numbersOf(text: string, normalizer: Normalizer): ReadonlySet<string> {
  return new Set(
    normalizer
      .words(text)
      .filter((w) => /^\d/.test(w.token) || isStatedTime(w.surface))
      .map((w) => w.token),
  );
}
