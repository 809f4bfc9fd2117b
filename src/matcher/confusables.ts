/**
 * Words people type for another that sounds or looks alike ("what effect did it have" for the
 * knowledge's "affect", "payed" for "paid"). Both are English, so the typo corrector leaves them
 * be; a confusable is read as its twin only when the knowledge never uses the typed word and
 * does use the twin.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['effect', 'affect'],
  ['effected', 'affected'],
  ['payed', 'paid'],
  ['advise', 'advice'],
  ['loose', 'lose'],
  ['principle', 'principal'],
  ['stationary', 'stationery'],
  ['compliment', 'complement'],
  ['breath', 'breathe'],
];

const TWINS = new Map<string, readonly string[]>();
for (const [a, b] of PAIRS) {
  TWINS.set(a, [...(TWINS.get(a) ?? []), b]);
  TWINS.set(b, [...(TWINS.get(b) ?? []), a]);
}

/** The twin of `surface` the knowledge uses, when it is a confusable the knowledge does not. */
export function confusableTwin(
  surface: string,
  known: (word: string) => boolean,
): string | undefined {
  return TWINS.get(surface)?.find(known);
}
