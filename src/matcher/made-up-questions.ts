import { at } from './checked-read.js';
import { increment } from './counts.js';
import type { TrainingEntry } from './matcher.js';
import type { Normalizer } from './normalize.js';
import {
  alteredQuestions,
  nearMiss,
  negatesKnown,
  otherNumber,
  otherQuestion,
  siblingSwap,
  unrelated,
} from './phrasing-rewrites.js';
import type { ScoredQuery } from './scored-query.js';

/**
 * Which made-up questions one held-out phrasing yields, and the file's words they draw on.
 * Apart from the fold loop because what stands in for an off-topic question is a choice of its
 * own, made per phrasing.
 */

/** One held-out phrasing in this many also yields a question with no content word known. */
const FAR_MISS_EVERY = 4;

/** What the made-up questions of a file draw on, computed once for all folds. */
interface Vocabulary {
  readonly df: ReadonlyMap<string, number>;
  readonly entryTokens: readonly ReadonlySet<string>[];
  /** Surface words per entry with their counts, where sibling swaps take their words from. */
  readonly entrySurfaces: readonly ReadonlyMap<string, number>[];
  /** The knowledge's numbers, commonest first, for questions that name another one. */
  readonly numbers: readonly string[];
  /** Every phrasing's words, as `phrasingKey` writes them. */
  readonly phrased: ReadonlySet<string>;
}

/** A phrasing's normalised words in order: equal keys, the same question to the scorer. */
export const phrasingKey = (text: string, normalizer: Normalizer) =>
  normalizer
    .words(text)
    .map((w) => w.token)
    .join(' ');

export function vocabularyOf(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
): Vocabulary {
  const df = new Map<string, number>();
  for (const e of entries) {
    for (const p of e.phrasings) {
      for (const t of new Set(normalizer.words(p).map((w) => w.token))) increment(df, t);
    }
  }
  const entryTokens = entries.map(
    (e) => new Set(e.phrasings.flatMap((p) => normalizer.words(p).map((w) => w.token))),
  );
  const entrySurfaces = entries.map((e) => {
    const counts = new Map<string, number>();
    for (const p of e.phrasings) for (const w of normalizer.words(p)) increment(counts, w.surface);
    return counts;
  });
  const numbers = [...df.entries()]
    .filter(([t]) => /^\d+$/.test(t))
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
  const phrased = new Set(
    entries.flatMap((e) => e.phrasings.map((p) => phrasingKey(p, normalizer))),
  );
  return { df, entryTokens, entrySurfaces, numbers, phrased };
}

interface MadeUp {
  readonly text: string;
  readonly firm: boolean;
  readonly except?: number;
}

/**
 * The questions no entry answers made from one held-out phrasing, standing in for the off-topic
 * questions a small (curated, `slots`) file lacks; a large one gets none.
 */
export function madeUpQuestions(
  q: { readonly text: string; readonly gold: number },
  index: number,
  scored: ScoredQuery,
  normalizer: Normalizer,
  vocabulary: Vocabulary,
  slots: boolean,
): MadeUp[] {
  const { df, entryTokens, entrySurfaces, numbers } = vocabulary;
  const own = at(entryTokens, q.gold);
  // A large set of intents has held-out evidence enough of its own: made-up questions there
  // only blur its calibration (CLINC150 10-shot kept 2% of its out-of-scope queries with them).
  if (!slots) return [];
  const made: MadeUp[] = [{ text: nearMiss(q.text, normalizer, df), firm: true }];
  // Far misses are all alike: a few of them anchor the calibrator at "no shared content".
  if (index % FAR_MISS_EVERY === 0) made.push({ text: unrelated(q.text, normalizer), firm: true });
  made.push({ text: otherQuestion(q.text, normalizer, own), firm: false });
  made.push({ text: otherNumber(q.text, normalizer, numbers, own), firm: true });
  const [negated, ...altered] = alteredQuestions(q.text, normalizer, df);
  if (negated !== undefined && !negatesKnown(negated, normalizer, df))
    made.push({ text: negated, firm: false });
  for (const text of altered) made.push({ text, firm: true });
  const sibling = scored.candidates.find((c) => c.entry !== q.gold)?.entry;
  if (sibling !== undefined) {
    const text = siblingSwap(q.text, normalizer, own, entryTokens[sibling], entrySurfaces[sibling]);
    made.push({ text, firm: true, except: sibling });
  }
  return made;
}
