import { editDistance } from '../matcher/edit-budget.js';

/**
 * The candidate a misspelt word most likely meant ("anwser" → "answer"), or undefined when none
 * is close enough to be a plausible typo: at most a third of the word's letters may differ.
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(lower.length / 3));
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
