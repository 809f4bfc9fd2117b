/**
 * Risk–coverage: how many in-scope questions could be answered right at an answer threshold
 * low enough to answer them, while the wrong answers that threshold also lets through (near
 * misses answered included) stay within a budget. It measures how well the confidence separates
 * right answers from wrong ones, whatever threshold the knowledge base chose.
 */

/** One question as the threshold sweep sees it: its top candidate, if it could be answered. */
export interface SweepPoint {
  /** Confidence of the top candidate (0 when there is none or it could never be answered). */
  readonly confidence: number;
  /** Whether answering the top candidate would be right: false for a near miss. */
  readonly right: boolean;
  readonly inScope: boolean;
}

export interface OperatingPoint {
  /** Largest share of all questions allowed to be answered wrong. */
  readonly budget: number;
  /** The lowest answer threshold within the budget (Infinity: none). */
  readonly threshold: number;
  /** Share of in-scope questions answered right at that threshold. */
  readonly coverage: number;
  /** Share of all questions answered wrong at that threshold. */
  readonly risk: number;
}

export const RISK_BUDGETS = [0, 0.01, 0.05] as const;

export function riskCoverage(
  points: readonly SweepPoint[],
  budgets: readonly number[] = RISK_BUDGETS,
): OperatingPoint[] {
  const inScope = points.filter((p) => p.inScope).length;
  const total = points.length;
  // Lowering the threshold past each confidence in turn adds that question to the answered ones.
  const sorted = points.filter((p) => p.confidence > 0).sort((a, b) => b.confidence - a.confidence);
  return budgets.map((budget) => {
    let best: OperatingPoint = { budget, threshold: Infinity, coverage: 0, risk: 0 };
    let right = 0;
    let wrong = 0;
    for (let i = 0; i < sorted.length; i++) {
      const p = sorted[i] as SweepPoint;
      if (p.right) right++;
      else wrong++;
      // Ties answer together: only a threshold between two distinct confidences is a choice.
      if (sorted[i + 1]?.confidence === p.confidence) continue;
      const risk = total > 0 ? wrong / total : 0;
      if (risk > budget) break;
      const coverage = inScope > 0 ? right / inScope : 0;
      if (coverage >= best.coverage) best = { budget, threshold: p.confidence, coverage, risk };
    }
    return best;
  });
}
