import { at } from './checked-read.js';
import { increment } from './counts.js';
import { isStopToken, type Normalizer, type Word } from './normalize.js';

/**
 * The features of the training phrasings, counted once: word and bigram ids with their document
 * frequencies, character n-gram ids with theirs, and the surfaces and tokens the phrasings use.
 */

/**
 * Feature ids without building key strings: analysing a text is the inner loop of training
 * (every phrasing once per fold), and string keys made most of its time and garbage.
 */
export interface FeatureIds {
  readonly unigrams: Map<string, number>;
  /** First word's id → second word's id → bigram id. */
  readonly bigrams: Map<number, Map<number, number>>;
}

export interface Vocabulary {
  readonly ids: FeatureIds;
  /** Word and bigram features; their ids run from 0. */
  readonly featureCount: number;
  /** Phrasings using each word or bigram feature. */
  readonly df: readonly number[];
  readonly unigram: readonly boolean[];
  readonly charIds: ReadonlyMap<string, number>;
  readonly charDf: readonly number[];
  readonly surfaceCounts: ReadonlyMap<string, number>;
  readonly tokenSurfaceKnown: ReadonlySet<string>;
  /**
   * Two content words of three letters or more that the phrasings write apart ("pay day") and
   * never together, by their run-together spelling ("payday"), as the phrasings spell them.
   */
  readonly compounds: ReadonlyMap<string, readonly Word[]>;
}

const CHAR_N = [4] as const;

export function wordGrams(surface: string, out: string[] = []): string[] {
  const padded = ` ${surface} `;
  for (const n of CHAR_N)
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  return out;
}

export function learnVocabulary(
  phrasings: readonly string[],
  normalizer: Normalizer,
  respell: (words: readonly Word[]) => readonly Word[],
  charNgrams: boolean,
): Vocabulary {
  const ids: FeatureIds = { unigrams: new Map(), bigrams: new Map() };
  const df: number[] = [];
  const unigram: boolean[] = [];
  const surfaceCounts = new Map<string, number>();
  const tokenSurfaceKnown = new Set<string>();
  let lastSeen = new Int32Array(1024).fill(-1);
  const countOnce = (id: number, doc: number) => {
    if (id >= lastSeen.length) {
      const grown = new Int32Array(lastSeen.length * 2).fill(-1);
      grown.set(lastSeen);
      lastSeen = grown;
    }
    if (lastSeen[id] === doc) return;
    lastSeen[id] = doc;
    df[id] = at(df, id) + 1;
  };
  const newFeature = (isUnigram: boolean) => {
    df.push(0);
    unigram.push(isUnigram);
    return df.length - 1;
  };
  const chars = createCharCounts();
  const compounds = new Map<string, readonly Word[]>();
  phrasings.forEach((phrasing, doc) => {
    const spelt = normalizer.words(phrasing);
    collectCompounds(spelt, compounds);
    const words = respell(spelt);
    for (const w of words) {
      increment(surfaceCounts, w.surface);
      tokenSurfaceKnown.add(w.token);
    }
    // Unigrams first, then bigrams: the id order the feature space has always had.
    const wordIds = words.map((w) => {
      let id = ids.unigrams.get(w.token);
      if (id === undefined) {
        id = newFeature(true);
        ids.unigrams.set(w.token, id);
      }
      countOnce(id, doc);
      return id;
    });
    for (let i = 0; i + 1 < wordIds.length; i++) {
      const first = wordIds[i] as number;
      const second = wordIds[i + 1] as number;
      let row = ids.bigrams.get(first);
      if (row === undefined) {
        row = new Map();
        ids.bigrams.set(first, row);
      }
      let id = row.get(second);
      if (id === undefined) {
        id = newFeature(false);
        row.set(second, id);
      }
      countOnce(id, doc);
    }
    if (charNgrams) chars.count(words);
  });
  const { charIds, charDf } = chars;
  for (const joined of compounds.keys()) if (surfaceCounts.has(joined)) compounds.delete(joined);
  return {
    ids,
    featureCount: df.length,
    df,
    unigram,
    charIds,
    charDf,
    surfaceCounts,
    tokenSurfaceKnown,
    compounds,
  };
}

/** Each adjacent pair of content words, by its run-together spelling. */
function collectCompounds(words: readonly Word[], compounds: Map<string, readonly Word[]>) {
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i] as Word;
    const second = words[i + 1] as Word;
    if (isCompoundPart(first) && isCompoundPart(second))
      compounds.set(first.surface + second.surface, [first, second]);
  }
}

// "a lot" or "in to" make no compound.
const isCompoundPart = (w: Word) =>
  w.surface.length >= 3 && /^[a-z]+$/.test(w.surface) && !isStopToken(w.token);

/** Character n-gram ids and the phrasings using each. */
function createCharCounts() {
  const charIds = new Map<string, number>();
  const charDf: number[] = [];
  // Words repeat across phrasings: cut each into n-grams once (construction only).
  const gramsOfSurface = new Map<string, string[]>();
  const count = (words: readonly Word[]) => {
    const grams = new Set<string>();
    for (const w of words) {
      let g = gramsOfSurface.get(w.surface);
      if (g === undefined) {
        g = wordGrams(w.surface);
        gramsOfSurface.set(w.surface, g);
      }
      for (const key of g) grams.add(key);
    }
    for (const key of grams) {
      let id = charIds.get(key);
      if (id === undefined) {
        id = charIds.size;
        charIds.set(key, id);
        charDf.push(0);
      }
      charDf[id] = at(charDf, id) + 1;
    }
  };
  return { charIds, charDf, count };
}
