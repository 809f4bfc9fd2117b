import { at } from './checked-read.js';
import { countOf, increment } from './counts.js';
import { isEnglishWord } from './english-words.js';
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
  const names = capitalisedWords(phrasings);
  const commonerInGroup = (surface: string, fix: string) =>
    countOf(counts, fix) >= Math.max(MIN_COMMON, COMMONER_BY * countOf(counts, surface)) &&
    [...(groupsOf.get(surface) ?? [])].some((g) => groupsOf.get(fix)?.has(g));
  for (const surface of counts.keys()) {
    if (isStopToken(surface) || !/^[a-z]{4,}$/.test(surface)) continue;
    const fix = corrector.correct(surface) ?? shortTypoFix(surface, counts, names);
    if (fix === undefined || fix.surface[0] !== surface[0]) continue;
    // A misspelling stands in for the word; a phrasing using both means two words ("iran", "iraq").
    const together = [...(docsOf.get(surface) ?? [])].some((d) => docsOf.get(fix.surface)?.has(d));
    if (together) continue;
    if (isTypoOfEnglish(surface, fix.surface, names) || commonerInGroup(surface, fix.surface))
      aliases.set(surface, { surface: fix.surface, token: normalizer.tokenOf(fix.surface) });
  }
  return aliases;
}

/**
 * A word no English dictionary has, one typo from one that it does and the phrasings use ("clse"
 * for "close", "ofice" for "office"), is that word wherever it stands, even in an entry no other
 * phrasing of which has it: otherwise the entry never meets the word spelt right. Names are left
 * alone: the dictionary has none, and a name written with a capital is nobody's typo.
 */
function isTypoOfEnglish(surface: string, fix: string, names: ReadonlySet<string>): boolean {
  return (
    droppedOrSwapped(surface, fix) &&
    !names.has(surface) &&
    !isEnglishWord(surface) &&
    isEnglishWord(fix)
  );
}

/**
 * A four-letter word is corrected by no edit budget ("clse" may be a word of its own), but a
 * phrasing's four letters no dictionary has, with one letter of a word it does left out or
 * swapped, are that word: the only such word the phrasings use.
 */
function shortTypoFix(
  surface: string,
  counts: ReadonlyMap<string, number>,
  names: ReadonlySet<string>,
): { surface: string } | undefined {
  if (surface.length !== 4 || names.has(surface) || isEnglishWord(surface)) return undefined;
  const fixes = [...counts.keys()].filter((w) => isTypoOfEnglish(surface, w, names));
  return fixes.length === 1 && fixes[0] !== undefined ? { surface: fixes[0] } : undefined;
}

/**
 * The typo leaves out a letter of the word or swaps two neighbours ("remotly", "opne"): one
 * letter typed for another is as often a word the dictionary lacks ("dads" beside "days").
 */
function droppedOrSwapped(typo: string, word: string): boolean {
  if (word.length === typo.length + 1) {
    for (let i = 0; i < word.length; i++)
      if (word.slice(0, i) + word.slice(i + 1) === typo) return true;
    return false;
  }
  if (word.length !== typo.length) return false;
  const diff = [...word].flatMap((c, i) => (c === typo[i] ? [] : [i]));
  const [a, b] = diff;
  return (
    diff.length === 2 &&
    a !== undefined &&
    b === a + 1 &&
    word[a] === typo[b] &&
    word[b] === typo[a]
  );
}

function capitalisedWords(phrasings: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const p of phrasings)
    for (const m of p.matchAll(/\b\p{Lu}[\p{L}'-]*/gu)) names.add(m[0].toLowerCase());
  return names;
}
