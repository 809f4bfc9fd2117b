import { isNeutralWord } from './chat-lexicon.js';
import { at, brokenInvariant, checkInvariant, indexOutOfRange } from './checked-read.js';
import { countOf, increment } from './counts.js';
import {
  type FeatureIds,
  learnVocabulary,
  type Vocabulary,
  wordGrams,
} from './feature-vocabulary.js';
import { isStopToken, type Normalizer, type Word } from './normalize.js';
import { isSlotWord, slotKind } from './slot-lexicon.js';
import type { SparseVector } from './sparse-vector.js';
import { createTypoCorrector, type TypoCorrector } from './typo-corrector.js';

/**
 * The vocabulary learnt from training phrasings: feature ids, IDF weights, and how a question is
 * turned into a TF-IDF vector plus a measure of how much of it the knowledge knows at all.
 */

/** Weight of function words relative to content words: kept, but they decide little. */
const STOP_WEIGHT = 0.3;
const BIGRAM_WEIGHT = 0.6;
/**
 * Weight of an unseen everyday word relative to an unseen place, role, time or number: it more
 * often rephrases the question than changes what it asks.
 */
const EVERYDAY_UNSEEN_WEIGHT = 0.25;
/** How much a typo-corrected word counts as known, by number of edits. */
const CORRECTED_CREDIT = [1, 0.8, 0.6] as const;

export interface AnalyzedText {
  readonly normalized: string;
  /** Tokens after typo correction, in order. */
  readonly tokens: readonly string[];
  /** Unigram feature id per token, or -1 when the knowledge never saw it. */
  readonly tokenIds: Int32Array;
  /** Each token's information weight (IDF, lowered for function words). */
  readonly tokenWeights: Float32Array;
  /** Share of each token's weight that counts as known (1 known, <1 typo-corrected, 0 unknown). */
  readonly tokenCredit: Float32Array;
  /** Unit TF-IDF vector over known features; unknown words still count in its norm. */
  readonly vector: SparseVector;
  /** Share of the question's information weight made of words the knowledge knows. */
  readonly coverage: number;
  /** Words plus character n-grams (ids offset past the word features), for the linear model. */
  readonly richVector: SparseVector | undefined;
  /** The question names a place, role, time or number the knowledge never uses, and which. */
  readonly unseenSlot: 'entity' | 'time' | undefined;
  /** A word the knowledge never uses is what the question asks about ("…for an e-scooter"). */
  readonly unseenObject: boolean;
}

export interface FeatureSpaceConfig {
  /** Also build character n-gram features (for the linear model). */
  readonly charNgrams?: boolean;
  /**
   * The group (entry) of each phrasing: a rare spelling used beside a common one in the same
   * group is taken for a misspelling of it ("irak" beside "iraq") and read as the common one.
   */
  readonly groups?: ArrayLike<number>;
  /**
   * Price an unseen everyday word like an unseen place or number (default: a quarter of it).
   * Right for a large set of intents, where most words of an off-topic question are unseen
   * everyday words and calibration has evidence enough to price them.
   */
  readonly fullPriceUnseen?: boolean;
}

export interface FeatureSpace {
  readonly featureCount: number;
  /** Word features plus character n-gram features. */
  readonly richFeatureCount: number;
  readonly maxIdf: number;
  analyze(text: string): AnalyzedText;
  /** Whether a feature id is a unigram (word) feature. */
  isUnigram(id: number): boolean;
}

/** Weight of the character n-grams relative to the word features in the rich vector. */
const CHAR_SHARE = 0.7;

function bigramId(ids: FeatureIds, first: number, second: number): number | undefined {
  return first < 0 || second < 0 ? undefined : ids.bigrams.get(first)?.get(second);
}

/**
 * Sparse accumulation into a dense scratch row, remembering first-touch order. `sums` and `seen`
 * have the same length, and `order` holds only ids `add` checked against it.
 */
interface Accumulator {
  readonly sums: Float64Array;
  readonly seen: Uint8Array;
  readonly order: number[];
}

const createAccumulator = (size: number): Accumulator => ({
  sums: new Float64Array(size),
  seen: new Uint8Array(size),
  order: [],
});

function add(acc: Accumulator, id: number, w: number): void {
  const seen = acc.seen[id];
  if (seen === undefined) throw indexOutOfRange(id, acc.seen.length, 'accumulated features');
  if (seen === 0) {
    acc.seen[id] = 1;
    acc.order.push(id);
  }
  acc.sums[id] = (acc.sums[id] as number) + w;
}

/** Empties the accumulator. */
function drain(acc: Accumulator): void {
  for (const id of acc.order) {
    acc.sums[id] = 0;
    acc.seen[id] = 0;
  }
  acc.order.length = 0;
}

/**
 * What analysing a text reads, fixed once the phrasings are counted. `idf` has a weight per word
 * feature and `charIdf` one per n-gram: as many as `wordAcc` and `charAcc` have cells.
 */
interface SpaceContext {
  readonly normalizer: Normalizer;
  readonly vocabulary: Vocabulary;
  readonly corrector: TypoCorrector;
  readonly idf: Float32Array;
  readonly maxIdf: number;
  readonly charIdf: Float32Array;
  readonly wordAcc: Accumulator;
  readonly charAcc: Accumulator;
  readonly gramIds: (surface: string) => Int32Array;
  readonly everydayUnseen: number;
}

// "…the bike scheme for an e-scooter": what follows these (and a determiner) is what the question
// is about, so a word the knowledge never uses there is another thing asked of, not phrasing.
// Noted, not priced: the calibration keeps seeing such words as it always has.
const OBJECT_PREPOSITIONS = new Set(['for', 'with', 'on', 'about', 'to', 'from', 'into']);
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'our', 'your', 'his', 'her', 'their', 'this']);

/** The question's tokens after typo correction, how much each counts as known, and which are silent. */
function readWords(words: readonly Word[], ctx: SpaceContext) {
  const tokens: string[] = [];
  const credit = new Float32Array(words.length);
  const silent = new Uint8Array(words.length);
  let unseenSlot: 'entity' | 'time' | undefined;
  let object = false;
  let unseenObject = false;
  // Plain loops here and below: callbacks stay unoptimised for longer on a cold start.
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const objectHere = object;
    object =
      OBJECT_PREPOSITIONS.has(w.surface) ||
      (object && DETERMINERS.has(w.surface)) ||
      (object && w.surface.length === 1);
    if (ctx.vocabulary.tokenSurfaceKnown.has(w.token)) {
      tokens.push(w.token);
      credit[i] = 1;
      continue;
    }
    // An unseen function word or a word about how the question is put changes nothing the
    // knowledge could answer: it costs no confidence.
    if (isStopToken(w.token) || isNeutralWord(w.surface)) {
      tokens.push(w.token);
      silent[i] = 1;
      continue;
    }
    // A place, time or role the knowledge lacks is a different question, not a typo ("march").
    const fix = isSlotWord(w.surface) ? undefined : ctx.corrector.correct(w.surface);
    if (fix === undefined) {
      tokens.push(w.token);
      credit[i] = 0;
      const kind = slotKind(w.surface);
      if (kind === undefined) {
        silent[i] = 2;
        if (objectHere) unseenObject = true;
      } else if (unseenSlot !== 'entity') unseenSlot = kind;
    } else {
      tokens.push(ctx.normalizer.tokenOf(fix.surface));
      credit[i] = at(CORRECTED_CREDIT, fix.distance);
    }
  }
  return { tokens, credit, silent, unseenSlot, unseenObject };
}

/**
 * Each token's id and weight, accumulated into `ctx.wordAcc` with the bigrams; the weight of the
 * words nothing knows is returned with the known share, for the norm and the coverage.
 */
function weighTokens(
  tokens: readonly string[],
  credit: Float32Array,
  silent: Uint8Array,
  ctx: SpaceContext,
) {
  const { vocabulary, idf, maxIdf, wordAcc } = ctx;
  if (credit.length !== tokens.length || silent.length !== tokens.length)
    throw brokenInvariant(
      `${tokens.length} tokens but ${credit.length} credits and ${silent.length} silences`,
    );
  const tokenIds = new Int32Array(tokens.length);
  const tokenWeights = new Float32Array(tokens.length);
  let unknownMass = 0;
  let total = 0;
  let known = 0;
  // `i` indexes `tokens` and the arrays just checked to be as long.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const id = vocabulary.ids.unigrams.get(token) ?? -1;
    const unseen = silent[i] === 2 ? ctx.everydayUnseen : 1;
    const w =
      silent[i] === 1
        ? 0
        : (id >= 0 ? at(idf, id) : maxIdf * unseen) * (isStopToken(token) ? STOP_WEIGHT : 1);
    tokenIds[i] = id;
    tokenWeights[i] = w;
    total += w;
    known += w * (credit[i] as number);
    if (id >= 0) add(wordAcc, id, w * (credit[i] as number));
    else unknownMass += w * w;
  }
  for (let i = 0; i + 1 < tokenIds.length; i++) {
    const id = bigramId(vocabulary.ids, tokenIds[i] as number, tokenIds[i + 1] as number);
    if (id !== undefined) add(wordAcc, id, at(idf, id) * BIGRAM_WEIGHT);
  }
  return { tokenIds, tokenWeights, unknownMass, coverage: total > 0 ? known / total : 0 };
}

/** The word weights in `wordAcc` as a unit vector, unknown mass counted in the norm. */
function wordVector(wordAcc: Accumulator, unknownMass: number): SparseVector {
  let norm = 0;
  const size = wordAcc.order.length;
  const vector = { ids: new Int32Array(size), values: new Float32Array(size) };
  // `order` holds `size` ids, each one `add` checked against `sums`.
  for (let j = 0; j < size; j++) {
    const id = wordAcc.order[j] as number;
    const w = wordAcc.sums[id] as number;
    vector.ids[j] = id;
    vector.values[j] = w;
    norm += w * w;
  }
  // Unknown words count in the norm as extra dimensions nothing matches.
  return normalizeInPlace(vector, Math.sqrt(norm), unknownMass);
}

/** Words plus n-grams of the surfaces, from the word weights still in `wordAcc`. */
function richVectorOf(words: readonly Word[], ctx: SpaceContext): SparseVector {
  const { wordAcc, charAcc, charIdf } = ctx;
  const wordCount = ctx.vocabulary.featureCount;
  for (const w of words) for (const id of ctx.gramIds(w.surface)) if (id >= 0) add(charAcc, id, 1);
  // Ids in `order` were checked by `add`; `charIdf` is as long as `charAcc`.
  let wordNorm = 0;
  for (const id of wordAcc.order) wordNorm += (wordAcc.sums[id] as number) ** 2;
  let charNorm = 0;
  for (const id of charAcc.order) {
    const w = (1 + Math.log(charAcc.sums[id] as number)) * (charIdf[id] as number);
    charAcc.sums[id] = w;
    charNorm += w * w;
  }
  // Balance the two blocks so long questions do not drown their words in n-grams.
  const k = charNorm > 0 && wordNorm > 0 ? CHAR_SHARE * Math.sqrt(wordNorm / charNorm) : 1;
  const size = wordAcc.order.length + charAcc.order.length;
  const out = { ids: new Int32Array(size), values: new Float32Array(size) };
  let next = 0;
  for (const id of wordAcc.order) {
    out.ids[next] = id;
    out.values[next++] = wordAcc.sums[id] as number;
  }
  for (const id of charAcc.order) {
    out.ids[next] = wordCount + id;
    out.values[next++] = (charAcc.sums[id] as number) * k;
  }
  drain(charAcc);
  return normalizeInPlace(out, Math.sqrt(wordNorm + k * k * charNorm), 0);
}

export function createFeatureSpace(
  phrasings: readonly string[],
  normalizer: Normalizer,
  config: FeatureSpaceConfig = {},
): FeatureSpace {
  const aliases = misspellingAliases(phrasings, normalizer, config.groups);
  // A copy: the training normaliser hands out the arrays it keeps for later folds.
  const respell = (words: readonly Word[]): readonly Word[] =>
    aliases.size === 0 ? words : words.map((w) => aliases.get(w.surface) ?? w);
  const vocabulary = learnVocabulary(phrasings, normalizer, respell, config.charNgrams === true);
  const { compounds } = vocabulary;
  // A question's "payday" is the phrasings' "pay day": split before anything else reads it.
  const splitCompounds = (words: readonly Word[]): readonly Word[] =>
    words.some((w) => compounds.has(w.surface))
      ? words.flatMap((w) => compounds.get(w.surface) ?? [w])
      : words;
  const { charIds, surfaceCounts } = vocabulary;
  const wordCount = vocabulary.featureCount;
  const n = phrasings.length;
  // N-gram ids of the training words, looked up once each; other words are cut every time so
  // that questions asked later do not grow this map.
  const gramIdsOfKnown = new Map<string, Int32Array>();
  const ctx: SpaceContext = {
    normalizer,
    vocabulary,
    corrector: createTypoCorrector(surfaceCounts),
    idf: Float32Array.from(vocabulary.df, (d) => Math.log((n + 1) / (d + 1)) + 1),
    maxIdf: Math.log(n + 1) + 1,
    charIdf: Float32Array.from(vocabulary.charDf, (d) => Math.log((n + 1) / (d + 1)) + 1),
    wordAcc: createAccumulator(wordCount),
    charAcc: createAccumulator(config.charNgrams ? charIds.size : 0),
    everydayUnseen: config.fullPriceUnseen === true ? 1 : EVERYDAY_UNSEEN_WEIGHT,
    gramIds: (surface) => {
      const cached = gramIdsOfKnown.get(surface);
      if (cached !== undefined) return cached;
      const found = Int32Array.from(wordGrams(surface), (g) => charIds.get(g) ?? -1);
      if (surfaceCounts.has(surface)) gramIdsOfKnown.set(surface, found);
      return found;
    },
  };
  checkInvariant(
    ctx.idf.length === ctx.wordAcc.sums.length && ctx.charIdf.length === ctx.charAcc.sums.length,
    () => `${ctx.idf.length} word and ${ctx.charIdf.length} n-gram weights for their features`,
  );

  const analyze = (text: string): AnalyzedText => {
    const words = respell(splitCompounds(normalizer.words(text)));
    const { tokens, credit, silent, unseenSlot, unseenObject } = readWords(words, ctx);
    const weighed = weighTokens(tokens, credit, silent, ctx);
    const vector = wordVector(ctx.wordAcc, weighed.unknownMass);
    const richVector = config.charNgrams ? richVectorOf(words, ctx) : undefined;
    drain(ctx.wordAcc);
    return {
      normalized: tokens.join(' '),
      tokens,
      tokenIds: weighed.tokenIds,
      tokenWeights: weighed.tokenWeights,
      tokenCredit: credit,
      vector,
      coverage: weighed.coverage,
      richVector,
      unseenSlot,
      unseenObject,
    };
  };

  return {
    featureCount: wordCount,
    richFeatureCount: wordCount + charIds.size,
    maxIdf: ctx.maxIdf,
    analyze,
    isUnigram: (id) => vocabulary.unigram[id] === true,
  };
}

/** Scales to unit length, or less as if `extraSquared` more mass sat in dimensions nothing has. */
function normalizeInPlace(v: SparseVector, norm: number, extraSquared: number): SparseVector {
  if (norm <= 0) return v;
  const scale = 1 / Math.sqrt(norm * norm + Math.max(0, extraSquared));
  for (let i = 0; i < v.values.length; i++) v.values[i] = (v.values[i] as number) * scale;
  return v;
}

/** How much commoner the spelling a misspelling is read as must be, and how common at least. */
const COMMONER_BY = 3;
const MIN_COMMON = 3;

/**
 * Rare spellings in the phrasings that are one typo from a much commoner word of the same group:
 * curated phrasings carry misspellings on purpose ("how long has the us been in irak"), and a
 * question's typo should meet the word, not a second spelling of it.
 */
function misspellingAliases(
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
