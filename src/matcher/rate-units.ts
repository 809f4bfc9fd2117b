import type { TrainingEntry } from './matcher.js';
import type { Normalizer } from './normalize.js';

/**
 * The units a question asks a rate in ("statutory sick pay per week", "days a year"). An entry
 * that never states a rate in that unit does not give it, however well its words match: the
 * sick-pay entry says when Statutory Sick Pay applies, not what it pays per week.
 */

const UNITS = new Set(['hour', 'day', 'week', 'month', 'year', 'night', 'shift']);
const RATE_WORDS = new Set(['per', 'a', 'an', 'each', 'every']);

/** The units a text's words put a rate in, singular ("per week" and "weeks a year" alike). */
export function rateUnitsOf(surfaces: readonly string[]): ReadonlySet<string> {
  const units = new Set<string>();
  for (let i = 0; i + 1 < surfaces.length; i++) {
    if (!RATE_WORDS.has(surfaces[i] as string)) continue;
    const next = surfaces[i + 1] as string;
    const unit = next.endsWith('s') && !UNITS.has(next) ? next.slice(0, -1) : next;
    if (UNITS.has(unit)) units.add(unit);
  }
  return units;
}

/** The rate units each entry's phrasings and answer use. */
export function entryRateUnits(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
): readonly ReadonlySet<string>[] {
  return entries.map((e) => {
    const texts = [...e.phrasings, e.answer ?? ''];
    return new Set(
      texts.flatMap((t) => [...rateUnitsOf(normalizer.words(t).map((w) => w.surface))]),
    );
  });
}

/** Whether the question asks a rate in a unit the entry never states one in. */
export function asksOtherRate(question: ReadonlySet<string>, entry: ReadonlySet<string>): boolean {
  for (const u of question) if (!entry.has(u)) return true;
  return false;
}
