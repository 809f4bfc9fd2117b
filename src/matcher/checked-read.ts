import { MatcherError } from '../errors/matcher-error.js';

/**
 * Checked reads for the matcher's numeric arrays. A read at a computed index (an id from a map,
 * an entry from a candidate) goes through `at`, which throws instead of yielding `undefined`; a
 * loop whose every index is safe by construction checks its invariant once, up front, with
 * `checkIndex` or `checkInvariant`, and then reads without a test per element (`as number`): on
 * the path of every question, reads through `at` cost more than the arithmetic they guard.
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

/** The error for arrays whose lengths or offsets disagree; `problem` says how. */
export function brokenInvariant(problem: string): MatcherError {
  return new MatcherError('MATCHER_BROKEN_INVARIANT', problem);
}

/**
 * Throws a `MATCHER_BROKEN_INVARIANT` error saying what does not hold unless `holds`. For checks
 * made once, when something is built; a check on every question writes
 * `if (!holds) throw brokenInvariant(…)` and allocates nothing.
 */
export function checkInvariant(holds: boolean, problem: () => string): void {
  if (!holds) throw brokenInvariant(problem());
}
