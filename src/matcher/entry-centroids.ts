import { at } from './checked-read.js';
import { checkRows, createSparseRowsBuilder, type SparseRows } from './sparse-vector.js';

/**
 * Each entry's centroid over its phrasing vectors. Apart from the scorer because it is plain
 * sparse-row arithmetic with its own scratch row, built once and only read after.
 */

/**
 * Unit centroid of each entry's phrasing vectors (an entry's phrasings are consecutive rows),
 * features in first-seen order, summed in a dense scratch row rather than a map per entry.
 */
export function entryCentroids(
  docs: SparseRows,
  firstPhrasing: readonly number[],
  phrasingCount: number,
  featureCount: number,
): SparseRows {
  checkRows(docs, featureCount);
  const builder = createSparseRowsBuilder(firstPhrasing.length, 64);
  const sums = new Float64Array(featureCount);
  const seen = new Uint8Array(featureCount);
  const order: number[] = [];
  firstPhrasing.forEach((first, e) => {
    // The last entry's phrasings run to the end; each other's, to the next entry's first one.
    const last = e + 1 < firstPhrasing.length ? at(firstPhrasing, e + 1) : phrasingCount;
    const end = at(docs.offsets, last);
    // Checked rows: `j` stays within `ids` and `values`, every id below `featureCount`.
    for (let j = at(docs.offsets, first); j < end; j++) {
      const id = docs.ids[j] as number;
      if (seen[id] === 0) {
        seen[id] = 1;
        order.push(id);
      }
      sums[id] = (sums[id] as number) + (docs.values[j] as number);
    }
    const ids = Int32Array.from(order);
    const values = new Float32Array(order.length);
    let norm = 0;
    order.forEach((id, i) => {
      const w = sums[id] as number;
      values[i] = w;
      norm += w * w;
    });
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * inv;
    }
    builder.push({ ids, values });
    for (const id of order) {
      sums[id] = 0;
      seen[id] = 0;
    }
    order.length = 0;
  });
  return builder.finish();
}
