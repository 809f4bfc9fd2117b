import { isEnglishWord } from './english-words.js';

/**
 * Chat drops a word's vowels ("lng", "trps", "sldrs"): such a word is read as the one known word
 * whose consonants are exactly these, in order. Apart from the typo corrector because edit
 * distance prices every dropped vowel as an edit, and "trps" is two from "troops".
 */

const VOWELS = /[aeiou]/g;
/** Only words with no vowel at all, and of three letters at least ("rn" is shorthand, not this). */
const VOWELLESS = /^[b-df-hj-np-tv-z]{3,}$/;

export interface SkeletonReader {
  /** The known word the vowelless `surface` stands for, when exactly one has its consonants. */
  read(surface: string): string | undefined;
}

export function createSkeletonReader(vocabulary: Iterable<string>): SkeletonReader {
  let index: Map<string, string | null> | undefined;
  const build = () => {
    const built = new Map<string, string | null>();
    for (const word of vocabulary) {
      if (!/^[a-z]+$/.test(word)) continue;
      const skeleton = word.replace(VOWELS, '');
      if (skeleton === word || skeleton.length < 3) continue;
      const held = built.get(skeleton);
      // Two known words with the same consonants ("long", "lung"): neither is meant for sure.
      built.set(skeleton, held === undefined || held === word ? word : null);
    }
    return built;
  };
  return {
    read(surface) {
      if (!VOWELLESS.test(surface) || isEnglishWord(surface)) return undefined;
      index ??= build();
      return index.get(surface) ?? undefined;
    },
  };
}
