/**
 * The k best of a row of scores, without sorting the row. Apart from the scorer because it is a
 * generic selection that knows nothing of entries.
 */

/** Indices of the k highest values, highest first. */
export function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // Insertion into `top`, best first: its entries index `values`, its reads are below its length.
    if (top.length === k && v <= (values[top[k - 1] as number] as number)) continue;
    let slot = top.length < k ? top.length : k - 1;
    while (slot > 0 && (values[top[slot - 1] as number] as number) < v) {
      if (slot < k) top[slot] = top[slot - 1] as number;
      slot--;
    }
    top[slot] = i;
  }
  return top;
}
