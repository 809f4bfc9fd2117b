import { at } from './checked-read.js';
import { countOf, increment } from './counts.js';
import { isStopToken, type Normalizer, type Word } from './normalize.js';
import { createTypoCorrector } from './typo-corrector.js';

/**
 * The misspellings curated phrasings carry on purpose, and the commoner word each is read as.
 * Apart from the feature space because it is worked out once over the training phrasings,
 * before any vocabulary exists.
 */

/** How much commoner the spelling a misspelling is read as must be, and how common at least. */
const COMMONER_BY = 3;
const MIN_COMMON = 3;

/**
 * Rare spellings in the phrasings that are one typo from a much commoner word of the same group:
 * curated phrasings carry misspellings on purpose ("how long has the us been in irak"), and a
 * question's typo should meet the word, not a second spelling of it.
 */
export function misspellingAliases(
  phrasings: readonly string[],
  normalizer: Normalizer,
  groups: ArrayLike<number> | undefined,
): Map<string, Word> {
  const aliases = new Map<string, Word>();
  if (groups === undefined) return aliases;
  const counts = new Map<string, number>();
  const groupsOf = new Map<string, Set<number>>();
  const docsOf = new Map<string, Set<number>>();
  phrasings.forEach((p, doc) => {
    for (const w of normalizer.words(p)) {
      let docs = docsOf.get(w.surface);
      if (docs === undefined) {
        docs = new Set();
        docsOf.set(w.surface, docs);
      }
      docs.add(doc);
      increment(counts, w.surface);
      let set = groupsOf.get(w.surface);
      if (set === undefined) {
        set = new Set();
        groupsOf.set(w.surface, set);
      }
      set.add(at(groups, doc));
    }
  });
  const corrector = createTypoCorrector(counts, true);
  for (const [surface, count] of counts) {
    if (isStopToken(surface) || !/^[a-z]{4,}$/.test(surface)) continue;
    const fix = corrector.correct(surface);
    if (fix === undefined || fix.surface[0] !== surface[0]) continue;
    if (countOf(counts, fix.surface) < Math.max(MIN_COMMON, COMMONER_BY * count)) continue;
    const shared = [...(groupsOf.get(surface) ?? [])].some((g) =>
      groupsOf.get(fix.surface)?.has(g),
    );
    // A misspelling stands in for the word; a phrasing using both means two words ("iran", "iraq").
    const together = [...(docsOf.get(surface) ?? [])].some((d) => docsOf.get(fix.surface)?.has(d));
    if (shared && !together)
      aliases.set(surface, { surface: fix.surface, token: normalizer.tokenOf(fix.surface) });
  }
  return aliases;
}
