import type { HeldOutTrial, MatcherFactory, MatcherOptions, TrainingEntry } from './matcher.js';

export type { HeldOutTrial } from './matcher.js';

/** Whether phrasing `j` of entry `e` is held out in `fold`: folds staggered by entry. */
export function isHeldOut(
  phrasingCount: number,
  e: number,
  j: number,
  fold: number,
  folds: number,
) {
  return phrasingCount > 1 && (j + e) % folds === fold;
}

/**
 * K-fold cross-validation over phrasings: every phrasing is held out once and asked of a matcher
 * trained on the rest. Folds are staggered by entry so each fold keeps most of every entry.
 * An entry with a single phrasing is never held out (nothing would be left to learn it from).
 */
export function crossValidate(
  entries: readonly TrainingEntry[],
  factory: MatcherFactory,
  options?: MatcherOptions,
  folds = 5,
): HeldOutTrial[] {
  const trials: HeldOutTrial[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const heldOut: { text: string; gold: string }[] = [];
    const train = entries.map((entry, e) => ({
      id: entry.id,
      phrasings: entry.phrasings.filter((text, j) => {
        const out = isHeldOut(entry.phrasings.length, e, j, fold, folds);
        if (out) heldOut.push({ text, gold: entry.id });
        return !out;
      }),
    }));
    if (heldOut.length === 0) continue;
    const matcher = factory(train, options);
    for (const { text, gold } of heldOut) trials.push({ text, gold, result: matcher.match(text) });
  }
  return trials;
}
