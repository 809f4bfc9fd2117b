/** Latency figures of one run, in milliseconds. */
export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles; an empty sample gives NaN so a lost run cannot pass for a fast one. */
export function latencyFigures(samples: readonly number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    count: sorted.length,
    p50: round(rank(0.5) ?? Number.NaN),
    p99: round(rank(0.99) ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** How many times each key occurs: replies per question, to find lost and duplicated ones. */
export function deliveryCounts(
  expected: readonly string[],
  delivered: readonly string[],
): { readonly lost: number; readonly duplicated: number } {
  const counts = new Map(expected.map((key) => [key, 0]));
  for (const key of delivered) counts.set(key, (counts.get(key) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const count of counts.values()) {
    if (count === 0) lost += 1;
    if (count > 1) duplicated += 1;
  }
  return { lost, duplicated };
}
