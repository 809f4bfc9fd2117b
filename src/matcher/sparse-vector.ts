import { brokenInvariant, checkInvariant, indexOutOfRange } from './checked-read.js';

/** A sparse vector: parallel arrays of feature ids and weights. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

/** Builds an L2-normalised sparse vector from feature-id → weight. */
export function toUnitVector(weights: ReadonlyMap<number, number>): SparseVector {
  const ids = new Int32Array(weights.size);
  const values = new Float32Array(weights.size);
  let norm = 0;
  let i = 0;
  for (const [id, w] of weights) {
    ids[i] = id;
    values[i] = w;
    norm += w * w;
    i++;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < values.length; j++) values[j] = (values[j] as number) * inv;
  }
  return { ids, values };
}

/**
 * Throws unless `ids` and `values` have the same length and every id is a feature below
 * `featureCount`: what makes every loop over the vector's features safe (a question's vector is
 * checked once per question, before any kernel reads it).
 */
export function checkVector(v: SparseVector, featureCount: number): void {
  if (v.ids.length !== v.values.length)
    throw brokenInvariant(`sparse vector has ${v.ids.length} ids but ${v.values.length} values`);
  // Plain loops here and below: `for … of` over a typed array costs three times as much.
  for (let j = 0; j < v.ids.length; j++) {
    const id = v.ids[j] as number;
    if (!(id >= 0 && id < featureCount)) throw indexOutOfRange(id, featureCount, 'feature ids');
  }
}

/**
 * Compressed posting lists (feature → rows with weights), built once from row vectors so that a
 * query touches only rows sharing a feature with it. `offsets` has `featureCount + 1` entries,
 * non-decreasing, the last one the length of `rows` and `weights`.
 */
export interface Postings {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  readonly weights: Float32Array;
}

export function buildPostings(vectors: SparseRows, featureCount: number): Postings {
  checkRows(vectors, featureCount);
  // Every read below is in range: `checkRows` holds each row inside `ids` and `values` and each
  // id below `featureCount`, and each cursor stays below the next feature's offset.
  const n = rowCount(vectors);
  const offsets = new Int32Array(featureCount + 1);
  const used = vectors.offsets[n] as number;
  for (let j = 0; j < used; j++) {
    const id = vectors.ids[j] as number;
    offsets[id + 1] = (offsets[id + 1] as number) + 1;
  }
  for (let f = 0; f < featureCount; f++) {
    offsets[f + 1] = (offsets[f + 1] as number) + (offsets[f] as number);
  }
  const total = offsets[featureCount] as number;
  const rows = new Int32Array(total);
  const weights = new Float32Array(total);
  const cursor = offsets.slice(0, featureCount);
  for (let row = 0; row < n; row++) {
    const end = vectors.offsets[row + 1] as number;
    for (let j = vectors.offsets[row] as number; j < end; j++) {
      const f = vectors.ids[j] as number;
      const p = cursor[f] as number;
      rows[p] = row;
      weights[p] = vectors.values[j] as number;
      cursor[f] = p + 1;
    }
  }
  return { offsets, rows, weights };
}

/**
 * Many sparse vectors in three typed arrays: row r is `ids`/`values` from `offsets[r]` to
 * `offsets[r + 1]`. Tens of thousands of phrasings as two typed arrays each cost more in object
 * headers and backing-store bookkeeping than in numbers, and all of it lives through training.
 */
export interface SparseRows {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

export const rowCount = (rows: SparseRows): number => rows.offsets.length - 1;

/**
 * Throws unless the rows are laid out as `SparseRows` says: at least one offset, offsets from 0
 * up never decreasing, the last within `ids` and `values`, and every id used below
 * `featureCount`. Checked once where rows are handed to a kernel; its loops then read freely.
 */
export function checkRows(rows: SparseRows, featureCount: number): void {
  const { offsets, ids, values } = rows;
  checkInvariant(offsets.length > 0, () => 'sparse rows have no offsets');
  let previous = 0;
  for (let r = 0; r < offsets.length; r++) {
    const offset = offsets[r] as number;
    if (offset < previous) throw brokenInvariant(`sparse row offset ${offset} follows ${previous}`);
    previous = offset;
  }
  checkInvariant(
    previous <= ids.length && previous <= values.length,
    () => `sparse rows end at ${previous} with ${ids.length} ids and ${values.length} values`,
  );
  for (let j = offsets[0] as number; j < previous; j++) {
    const id = ids[j] as number;
    if (!(id >= 0 && id < featureCount)) throw indexOutOfRange(id, featureCount, 'feature ids');
  }
}

export interface SparseRowsBuilder {
  push(v: SparseVector): void;
  /**
   * The rows pushed so far; in arrays of exactly their size unless `exact` is false (rows only
   * needed while training, where the copy would be one more array to hold at the peak).
   */
  finish(exact?: boolean): SparseRows;
}

export function createSparseRowsBuilder(rows: number, expectedPerRow = 16): SparseRowsBuilder {
  const offsets = new Int32Array(rows + 1);
  // Rows pushed so far; at most `rows`, so `offsets[count]` is always there.
  let count = 0;
  let ids = new Int32Array(Math.max(16, rows * expectedPerRow));
  let values = new Float32Array(ids.length);
  return {
    push(v) {
      checkInvariant(count < rows, () => `more than the ${rows} sparse rows expected`);
      checkInvariant(
        v.ids.length === v.values.length,
        () => `sparse vector has ${v.ids.length} ids but ${v.values.length} values`,
      );
      const at = offsets[count] as number;
      const end = at + v.ids.length;
      if (end > ids.length) {
        const size = Math.max(end, ids.length * 2);
        const grownIds = new Int32Array(size);
        grownIds.set(ids);
        ids = grownIds;
        const grownValues = new Float32Array(size);
        grownValues.set(values);
        values = grownValues;
      }
      ids.set(v.ids, at);
      values.set(v.values, at);
      offsets[++count] = end;
    },
    finish(exact = true) {
      checkInvariant(count === rows, () => `expected ${rows} rows, got ${count}`);
      const total = offsets[count] as number;
      if (!exact || total === ids.length) return { offsets, ids, values };
      return { offsets, ids: ids.slice(0, total), values: values.slice(0, total) };
    },
  };
}

export function packRows(vectors: readonly SparseVector[]): SparseRows {
  const builder = createSparseRowsBuilder(vectors.length);
  for (const v of vectors) builder.push(v);
  return builder.finish();
}
