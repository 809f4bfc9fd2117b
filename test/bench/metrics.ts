/**
 * Scoring shared by every system: an in-scope query is right only when answered with its label;
 * an out-of-scope query counts only when declined. A clarification is not an answer.
 */

/** What a system did with a query at some confidence cut-off: a label, or undefined for no answer. */
export type Outcome = string | undefined;

export interface Scored {
  readonly inScopeAccuracy: number;
  readonly oosRecall: number;
}

export interface Judged<P> {
  readonly prediction: P;
  /** The right label, or undefined for an out-of-scope query. */
  readonly gold: string | undefined;
}

export function score<P>(
  judged: readonly Judged<P>[],
  outcome: (prediction: P) => Outcome,
  declined: (prediction: P) => boolean,
): Scored {
  let inScope = 0;
  let right = 0;
  let oos = 0;
  let oosDeclined = 0;
  for (const j of judged) {
    if (j.gold === undefined) {
      oos++;
      if (declined(j.prediction)) oosDeclined++;
    } else {
      inScope++;
      if (outcome(j.prediction) === j.gold) right++;
    }
  }
  return {
    inScopeAccuracy: inScope > 0 ? right / inScope : 0,
    oosRecall: oos > 0 ? oosDeclined / oos : 0,
  };
}

/**
 * The cut-off chosen on validation data: the one that maximises accuracy over all validation
 * queries, where an out-of-scope query is right when declined (no weights of our own choosing:
 * each query counts once).
 */
export function chooseCutoff<P>(
  judged: readonly Judged<P>[],
  confidences: readonly number[],
  evaluate: (judged: readonly Judged<P>[], cutoff: number) => Scored,
): { cutoff: number; val: Scored } {
  const sorted = [...new Set(confidences)].sort((a, b) => a - b);
  const step = Math.max(1, Math.floor(sorted.length / 400));
  const cuts = [0];
  for (let i = 0; i + 1 < sorted.length; i += step) {
    cuts.push(((sorted[i] ?? 0) + (sorted[i + 1] ?? 0)) / 2);
  }
  const oos = judged.filter((j) => j.gold === undefined).length;
  const inScope = judged.length - oos;
  const overall = (s: Scored) => s.inScopeAccuracy * inScope + s.oosRecall * oos;
  let best = { cutoff: 0, val: evaluate(judged, 0) };
  for (const c of cuts) {
    const s = evaluate(judged, c);
    if (overall(s) > overall(best.val)) best = { cutoff: c, val: s };
  }
  return best;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? 0;
}
