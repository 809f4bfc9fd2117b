import { indexOutOfRange } from './checked-read.js';

/**
 * The dense scratch rows a question's feature weights are summed in. Apart from the feature space
 * because the vector steps (question-vectors.ts) fill them and the space empties them, and
 * neither should import the other for it.
 */

/**
 * Sparse accumulation into a dense scratch row, remembering first-touch order. `sums` and `seen`
 * have the same length, and `order` holds only ids `add` checked against it.
 */
export interface Accumulator {
  readonly sums: Float64Array;
  readonly seen: Uint8Array;
  readonly order: number[];
}

export const createAccumulator = (size: number): Accumulator => ({
  sums: new Float64Array(size),
  seen: new Uint8Array(size),
  order: [],
});

export function add(acc: Accumulator, id: number, w: number): void {
  const seen = acc.seen[id];
  if (seen === undefined) throw indexOutOfRange(id, acc.seen.length, 'accumulated features');
  if (seen === 0) {
    acc.seen[id] = 1;
    acc.order.push(id);
  }
  acc.sums[id] = (acc.sums[id] as number) + w;
}

/** Empties the accumulator. */
export function drain(acc: Accumulator): void {
  for (const id of acc.order) {
    acc.sums[id] = 0;
    acc.seen[id] = 0;
  }
  acc.order.length = 0;
}
