/**
 * How many typing errors a word may hold and still be read as a known word: one rule shared by
 * the typo corrector and the synonym phrases, which are matched before correction.
 */

/** Edits allowed for a word of this length: short words are too easy to confuse. */
export function maxEditsFor(length: number): number {
  // Four-letter words are one edit away from too many others ("late"/"rate", "just"/"must");
  // the knowledge's own misspellings of them are read as the word (see `misspellingAliases`).
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}
