import type { Word } from './normalize.js';

/**
 * Periods named relative to now ("last year", "next month"). Each word is known to a handbook
 * that says "per year" and "each month", so word by word "the training budget last year" looks
 * like the budget; as a phrase it asks for a past or future value the knowledge does not give.
 * "This year" is left out: the present is what the knowledge describes.
 */

const RELATIVE = new Set(['last', 'next', 'previous', 'past', 'coming']);
const PERIODS = new Set([
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'quarter',
  'summer',
  'winter',
  'spring',
  'autumn',
  'fall',
  'decade',
  'season',
]);

/** The relative periods a text's words name, each as its two words ("last year"). */
export function relativePeriodsOf(words: readonly Word[]): string[] {
  const found: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const head = (words[i] as Word).surface;
    if (!RELATIVE.has(head)) continue;
    const period = (words[i + 1] as Word).surface;
    if (PERIODS.has(period)) found.push(`${head} ${period}`);
  }
  return found;
}

/** Whether the question names a relative period that no phrasing of the knowledge names. */
export function namesUnseenPeriod(words: readonly Word[], known: ReadonlySet<string>): boolean {
  return relativePeriodsOf(words).some((p) => !known.has(p));
}
