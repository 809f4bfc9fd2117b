import distances from 'natural/lib/natural/distance/levenshtein_distance.js';

/**
 * How many typing errors a word may hold and still be read as a known word, and how they are
 * counted: one rule shared by the typo corrector, the synonym phrases (matched before correction)
 * and the knowledge checks' "did you mean".
 */

/**
 * Edits between two words, a swap of neighbours counting as one ("anwser"). Restricted (optimal
 * string alignment): natural's unrestricted mode returns 0 for some distinct pairs ("trops"/"troops").
 */
export function editDistance(a: string, b: string): number {
  return distances.DamerauLevenshteinDistance(a, b, { restricted: true });
}

/** Edits allowed for a word of this length: short words are too easy to confuse. */
export function maxEditsFor(length: number): number {
  // Four-letter words are one edit away from too many others ("late"/"rate", "just"/"must");
  // the knowledge's own misspellings of them are read as the word (see `misspellingAliases`).
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}
