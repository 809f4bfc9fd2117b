/**
 * Numbers written as words, read as the digits people also type: "three U.S. soldiers" in an
 * answer and "3 soldiers" in a question are the same number. "One" is left alone: it is far more
 * often a pronoun ("which one") than a count.
 */

const UNITS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen'];
const LATE_TEENS = ['seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const VALUES = new Map<string, number>([
  ...UNITS.map((word, i) => [word, i + 2] as const),
  ...[...TEENS, ...LATE_TEENS].map((word, i) => [word, i + 10] as const),
  ...TENS.map((word, i) => [word, (i + 2) * 10] as const),
]);
const TEN_VALUES = new Set(TENS);
const UNIT_VALUES = new Map([['one', 1], ...UNITS.map((word, i) => [word, i + 2] as const)]);

/** The words with every number word as digits; "twenty five" and "twenty-five" as one number. */
export function numberWordsAsDigits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const value = VALUES.get(word);
    if (value === undefined) {
      out.push(word);
      continue;
    }
    const unit = TEN_VALUES.has(word) ? UNIT_VALUES.get(words[i + 1] ?? '') : undefined;
    if (unit !== undefined) i++;
    out.push(String(value + (unit ?? 0)));
  }
  return out;
}
