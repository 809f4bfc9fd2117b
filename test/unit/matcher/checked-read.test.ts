import { describe, expect, it } from 'vitest';
import { BotError } from '../../../src/errors/bot-error.js';
import { MatcherError } from '../../../src/errors/matcher-error.js';
import { at, checkIndex, checkInvariant } from '../../../src/matcher/checked-read.js';

/** The error `run` throws (the test fails when it throws nothing). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('at', () => {
  it('GIVEN an index in range THEN returns the element, of typed and plain arrays alike', () => {
    const values = Float32Array.from([0.5, 0, -2]);
    expect(at(values, 0)).toBe(0.5);
    expect(at(values, 1)).toBe(0);
    expect(at(values, 2)).toBe(-2);
    expect(at([3, 4], 1)).toBe(4);
    expect(at([new Set([1])], 0)).toEqual(new Set([1]));
  });

  it.each([-1, 3, 1.5, Number.NaN])(
    'GIVEN index %s of an array of 3 THEN throws MATCHER_INDEX_OUT_OF_RANGE naming the index and the length',
    (index) => {
      const error = thrown(() => at(Int32Array.from([7, 8, 9]), index));
      expect(error).toBeInstanceOf(MatcherError);
      expect(error).toBeInstanceOf(BotError);
      expect(error).toMatchObject({
        name: 'MatcherError',
        code: 'MATCHER_INDEX_OUT_OF_RANGE',
        message: `index ${index} is out of range for length 3`,
      });
    },
  );
});

describe('checkIndex', () => {
  it('accepts 0 up to length - 1 and rejects the rest, naming the array', () => {
    expect(() => checkIndex(0, 2)).not.toThrow();
    expect(() => checkIndex(1, 2)).not.toThrow();
    for (const index of [-1, 2, 0.5]) {
      expect(thrown(() => checkIndex(index, 2, 'entries'))).toMatchObject({
        code: 'MATCHER_INDEX_OUT_OF_RANGE',
        message: `index ${index} is out of range for length 2 (entries)`,
      });
    }
  });
});

describe('checkInvariant', () => {
  it('throws MATCHER_BROKEN_INVARIANT with the problem only when the invariant fails', () => {
    expect(() => checkInvariant(true, () => 'never built')).not.toThrow();
    expect(thrown(() => checkInvariant(false, () => '3 rows but 2 labels'))).toMatchObject({
      name: 'MatcherError',
      code: 'MATCHER_BROKEN_INVARIANT',
      message: '3 rows but 2 labels',
    });
  });
});
