import { MatcherError } from '../errors/matcher-error.js';

/**
 * Checked reads for the matcher's numeric arrays. A read at a computed index (an id from a map,
 * an entry from a candidate) goes through `at`, which throws instead of yielding `undefined`; a
 * loop whose every index is safe by construction checks its invariant once, up front, with
 * `checkIndex` or `checkInvariant`, and then reads without a test per element.
 */

/** The error for `index` outside `[0, length)`; `what` names the array, when it helps. */
export function indexOutOfRange(index: number, length: number, what?: string): MatcherError {
  const of = what === undefined ? '' : ` (${what})`;
  return new MatcherError(
    'MATCHER_INDEX_OUT_OF_RANGE',
    `index ${index} is out of range for length ${length}${of}`,
  );
}

/**
 * `array[index]`, or a `MATCHER_INDEX_OUT_OF_RANGE` error when there is no such element (the
 * index is negative, fractional or past the end). For arrays that never hold `undefined`.
 */
export function at<T>(array: ArrayLike<T>, index: number): T {
  const value = array[index];
  if (value === undefined) throw indexOutOfRange(index, array.length);
  return value;
}

/** Throws unless `index` is an integer in `[0, length)`. */
export function checkIndex(index: number, length: number, what?: string): void {
  if (!(Number.isInteger(index) && index >= 0 && index < length))
    throw indexOutOfRange(index, length, what);
}

/** Throws a `MATCHER_BROKEN_INVARIANT` error saying what does not hold unless `holds`. */
export function checkInvariant(holds: boolean, problem: () => string): void {
  if (!holds) throw new MatcherError('MATCHER_BROKEN_INVARIANT', problem());
}
