import { at, brokenInvariant } from './checked-read.js';
import { type Accumulator, add, drain } from './feature-accumulator.js';
import type { FeatureIds } from './feature-vocabulary.js';
import { isStopToken, type Word } from './normalize.js';
import type { SpaceContext } from './space-context.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * A read question's weights and vectors: token IDF weights and coverage, the unit TF-IDF word
 * vector, and the words-plus-n-grams vector for the linear model. Apart from the feature space,
 * which only composes these steps, so the arithmetic of weighting reads on its own.
 */

/** Weight of function words relative to content words: kept, but they decide little. */
const STOP_WEIGHT = 0.3;
const BIGRAM_WEIGHT = 0.6;

/** Weight of the character n-grams relative to the word features in the rich vector. */
const CHAR_SHARE = 0.7;

function bigramId(ids: FeatureIds, first: number, second: number): number | undefined {
  return first < 0 || second < 0 ? undefined : ids.bigrams.get(first)?.get(second);
}

/**
 * Each token's id and weight, accumulated into `ctx.wordAcc` with the bigrams; the weight of the
 * words nothing knows is returned with the known share, for the norm and the coverage.
 */
export function weighTokens(
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
export function wordVector(wordAcc: Accumulator, unknownMass: number): SparseVector {
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
export function richVectorOf(words: readonly Word[], ctx: SpaceContext): SparseVector {
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

/** Scales to unit length, or less as if `extraSquared` more mass sat in dimensions nothing has. */
function normalizeInPlace(v: SparseVector, norm: number, extraSquared: number): SparseVector {
  if (norm <= 0) return v;
  const scale = 1 / Math.sqrt(norm * norm + Math.max(0, extraSquared));
  for (let i = 0; i < v.values.length; i++) v.values[i] = (v.values[i] as number) * scale;
  return v;
}
