/**
 * The indices 0..n-1 in a shuffled order that depends only on `seed` (Fisher-Yates with a linear
 * congruential generator), so training and calibration are repeatable run to run.
 */
export function seededOrder(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // 0 ≤ j ≤ i < n: both cells exist.
    const j = s % (i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
}
