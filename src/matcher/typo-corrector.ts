import jaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { at } from './checked-read.js';
import { confusableTwin } from './confusables.js';
import { createSkeletonReader } from './consonant-skeletons.js';
import { countOf } from './counts.js';
import { editDistance, maxEditsFor } from './edit-budget.js';
import { isEnglishWord } from './english-words.js';
import { MAX_WORD_LENGTH } from './normalize.js';

/**
 * Maps a word the knowledge has never seen to a known word within a small, length-aware edit
 * distance ("trops" → "troops", "Kuwiat" → "kuwait"). Candidates come from a symmetric-delete
 * index (so lookup does not scan the vocabulary); natural's Damerau-Levenshtein confirms them.
 */

export interface TypoCorrection {
  readonly surface: string;
  readonly distance: number;
}

export interface TypoCorrector {
  correct(surface: string): TypoCorrection | undefined;
}

/**
 * A cheap lower bound on the edit distance from the letters the two words do not share; it spares
 * the full distance computation for most candidates. Both words are lower-case a–z.
 */
function letterBagBound(a: string, b: string): number {
  const counts = new Int8Array(26);
  for (let i = 0; i < a.length; i++) {
    const letter = a.charCodeAt(i) - 97;
    counts[letter] = at(counts, letter) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const letter = b.charCodeAt(i) - 97;
    counts[letter] = at(counts, letter) - 1;
  }
  let surplus = 0;
  let deficit = 0;
  for (const c of counts) {
    if (c > 0) surplus += c;
    else deficit -= c;
  }
  return Math.max(surplus, deficit);
}

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const CACHE_LIMIT = 20_000;

/** Whether two words of one length differ in exactly one letter. */
function oneLetterApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
  return differ === 1;
}

/**
 * An English word one letter from a known one is that word, not a typo of it: "think" is not
 * "thank". A dropped, doubled or swapped letter ("frist", "goverment") is still read as a typo:
 * the lexicon lists such common misspellings.
 */
function realWordKept(
  surface: string,
  fix: TypoCorrection | undefined,
): TypoCorrection | undefined {
  if (fix === undefined || !oneLetterApart(surface, fix.surface)) return fix;
  return isEnglishWord(surface) ? undefined : fix;
}

/**
 * A four-letter word, or a five-letter one that may be a four-letter word with a letter too many
 * ("bnak", "carrd"), that is no English word: one edit from a known word, read as it only when no
 * other known word is as near, and from the same first letter. Counted as two edits: such words
 * are easy to confuse.
 */
function shortTypoOf(
  surface: string,
  index: ReadonlyMap<string, readonly string[]>,
): TypoCorrection | undefined {
  if ((surface.length !== 4 && surface.length !== 5) || /[^a-z]/.test(surface)) return undefined;
  if (isEnglishWord(surface)) return undefined;
  const near = new Set<string>();
  for (const probe of [surface, ...deletesOf(surface)])
    for (const word of index.get(probe) ?? []) {
      const lengths = surface.length === 4 ? word.length >= 4 : word.length === 4;
      if (word === surface || word[0] !== surface[0] || !lengths || word.length > 5) continue;
      if (editDistance(surface, word) === 1) near.add(word);
    }
  const [only] = near;
  return near.size === 1 && only !== undefined ? { surface: only, distance: 2 } : undefined;
}

/** Edits allowed with four-letter words allowed one substitution or swap ("irak" → "iraq"). */
function maxEditsWithShort(length: number): number {
  return length === 4 ? 1 : maxEditsFor(length);
}

/**
 * `vocabulary` maps each known surface word to how often it occurs in training. `shortWords`
 * also corrects four-letter words by one substitution or swap: only for spellings the knowledge
 * itself uses beside the common one, never for a question's words ("late" is not "rate").
 */
export function createTypoCorrector(
  vocabulary: ReadonlyMap<string, number>,
  shortWords = false,
): TypoCorrector {
  const editsFor = shortWords ? maxEditsWithShort : maxEditsFor;
  let index: Map<string, string[]> | undefined;
  const cache = new Map<string, TypoCorrection | undefined>();

  const add = (key: string, word: string) => {
    const list = index?.get(key);
    if (list === undefined) index?.set(key, [word]);
    else if (list[list.length - 1] !== word) list.push(word);
  };

  const buildIndex = (): Map<string, string[]> => {
    index = new Map();
    for (const word of vocabulary.keys()) {
      if (word.length < 3 || /\d/.test(word)) continue;
      add(word, word);
      for (const d of deletesOf(word)) add(d, word);
    }
    return index;
  };

  const skeletons = createSkeletonReader(vocabulary.keys());
  let longest = 0;
  for (const word of vocabulary.keys()) longest = Math.max(longest, word.length);

  const lookup = (surface: string): TypoCorrection | undefined => {
    const maxEdits = editsFor(surface.length);
    if (maxEdits === 0 || /[^a-z]/.test(surface)) return undefined;
    // No known word is within reach, and the deletes of a long word grow with the cube of its
    // length: a 100,000-letter "word" would exhaust memory before finding nothing.
    if (surface.length > longest + maxEdits) return undefined;
    const idx = index ?? buildIndex();
    const probes = new Set<string>([surface, ...deletesOf(surface)]);
    if (maxEdits >= 2)
      for (const d of deletesOf(surface)) for (const dd of deletesOf(d)) probes.add(dd);
    const seen = new Set<string>();
    let best: TypoCorrection | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const probe of probes) {
      for (const word of idx.get(probe) ?? []) {
        if (seen.has(word)) continue;
        seen.add(word);
        if (Math.abs(word.length - surface.length) > maxEdits) continue;
        if (editsFor(word.length) === 0 || /[^a-z]/.test(word)) continue;
        if ((surface.length === 4 || word.length === 4) && word.length !== surface.length) continue;
        if (letterBagBound(surface, word) > maxEdits) continue;
        const distance = editDistance(surface, word);
        if (distance === 0 || distance > Math.min(maxEdits, editsFor(word.length))) continue;
        // Fewer edits first, then the most similar spelling, then the commoner word.
        const score =
          -distance * 10 +
          jaroWinklerDistance(surface, word) +
          Math.log1p(countOf(vocabulary, word)) * 0.01;
        if (score > bestScore) {
          bestScore = score;
          best = { surface: word, distance };
        }
      }
    }
    return best;
  };

  /**
   * The readings only a question's words get: a confusable's twin, a short word's typo, a word
   * without its vowels.
   */
  const looseTypoOf = (surface: string): TypoCorrection | undefined => {
    const twin = confusableTwin(surface, (word) => vocabulary.has(word));
    // No guess, as an edit is: the pair is known, so the twin counts as the word typed.
    if (twin !== undefined) return { surface: twin, distance: 0 };
    const short = shortTypoOf(surface, index ?? buildIndex());
    if (short !== undefined) return short;
    const word = skeletons.read(surface);
    // Counted as two edits, as a short word's typo: a few consonants are easy to confuse.
    return word === undefined ? undefined : { surface: word, distance: 2 };
  };

  return {
    correct(surface) {
      // Beyond any real word: no correction, and nothing kept, so such words cannot fill memory.
      if (surface.length > MAX_WORD_LENGTH) return undefined;
      if (cache.has(surface)) return cache.get(surface);
      const found =
        realWordKept(surface, lookup(surface)) ?? (shortWords ? undefined : looseTypoOf(surface));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(surface, found);
      return found;
    },
  };
}
