/**
 * Counts kept in maps (words, phrasings, entries): the one place where a missing value
 * legitimately reads as 0, since a key never counted was counted zero times.
 */

/** How many times `key` was counted; 0 for a key never counted. */
export function countOf<K>(counts: ReadonlyMap<K, number>, key: K): number {
  // Absent means never counted, not a bug: zero is the count.
  return counts.get(key) ?? 0;
}

/** Counts `key` once more. */
export function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, countOf(counts, key) + 1);
}
