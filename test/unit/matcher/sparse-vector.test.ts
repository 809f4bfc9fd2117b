import { describe, expect, it } from 'vitest';
import { MatcherError } from '../../../src/errors/matcher-error.js';
import {
  buildPostings,
  createSparseRowsBuilder,
  packRows,
  type SparseRows,
} from '../../../src/matcher/sparse-vector.js';

const vector = (ids: number[], values: number[]) => ({
  ids: Int32Array.from(ids),
  values: Float32Array.from(values),
});

const rows = (offsets: number[], ids: number[], values = ids.map(() => 1)): SparseRows => ({
  offsets: Int32Array.from(offsets),
  ids: Int32Array.from(ids),
  values: Float32Array.from(values),
});

describe('buildPostings', () => {
  it('lists, per feature, the rows using it with their weights', () => {
    const postings = buildPostings(
      packRows([vector([0, 2], [0.5, 0.25]), vector([2], [1]), vector([1, 0], [2, 4])]),
      3,
    );
    expect([...postings.offsets]).toEqual([0, 2, 3, 5]);
    expect([...postings.rows]).toEqual([0, 2, 2, 0, 1]);
    expect([...postings.weights]).toEqual([0.5, 4, 2, 0.25, 1]);
  });

  it('GIVEN a row naming a feature past featureCount THEN throws at construction instead of dropping it', () => {
    expect(() => buildPostings(rows([0, 2], [0, 3]), 3)).toThrow(
      expect.objectContaining({
        code: 'MATCHER_INDEX_OUT_OF_RANGE',
        message: 'index 3 is out of range for length 3 (feature ids)',
      }),
    );
  });

  it('GIVEN offsets that decrease or run past the ids THEN throws MATCHER_BROKEN_INVARIANT', () => {
    for (const broken of [rows([0, 2, 1], [0, 1]), rows([0, 3], [0, 1]), rows([], [])]) {
      expect(() => buildPostings(broken, 3)).toThrow(MatcherError);
      expect(() => buildPostings(broken, 3)).toThrow(
        expect.objectContaining({ code: 'MATCHER_BROKEN_INVARIANT' }),
      );
    }
  });
});

describe('createSparseRowsBuilder', () => {
  it('GIVEN more rows than it was made for, or a vector with more ids than values, THEN throws', () => {
    const builder = createSparseRowsBuilder(1);
    expect(() => builder.push(vector([0, 1], [1]))).toThrow(
      expect.objectContaining({ code: 'MATCHER_BROKEN_INVARIANT' }),
    );
    builder.push(vector([0], [1]));
    expect(() => builder.push(vector([1], [1]))).toThrow(
      expect.objectContaining({
        code: 'MATCHER_BROKEN_INVARIANT',
        message: 'more than the 1 sparse rows expected',
      }),
    );
    expect([...builder.finish().offsets]).toEqual([0, 1]);
  });
});
