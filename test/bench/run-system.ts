import { riskCoverage } from '../../src/evaluation/risk-coverage.js';
import type { IntentDataset } from './dataset.js';
import { chooseCutoff, type Judged, percentile, type Scored, score } from './metrics.js';
import type { BenchSystem } from './systems.js';

/** One row of the results table. */
export interface SystemFigures extends Scored {
  readonly system: string;
  readonly trainSeconds: number;
  readonly latencyMicros: { readonly p50: number; readonly p99: number };
  readonly peakRssMB: number;
  /** The confidence cut-off used, and how it was chosen. */
  readonly cutoff: number;
  readonly cutoffFrom: 'validation' | 'default';
  /**
   * In-scope test queries answered right at the lowest cut-off at which wrong answers (in-scope
   * answered wrong and out-of-scope answered) stay at or below 1% of all test queries.
   */
  readonly riskCoverage: number;
  /** Which form of the data set: clean, typos, chatter or 10-shot. */
  readonly variant: string;
}

/** The risk–coverage figure: each query answered down to its own confidence, swept. */
function coverageAtOnePercent<P>(system: BenchSystem<P>, judged: readonly Judged<P>[]): number {
  const points = judged.map((j) => {
    const confidence = system.confidence(j.prediction);
    const answered = system.outcome(j.prediction, confidence);
    return {
      confidence: answered === undefined ? 0 : confidence,
      right: answered !== undefined && answered === j.gold,
      inScope: j.gold !== undefined,
    };
  });
  return riskCoverage(points, [0.01])[0]?.coverage ?? 0;
}

const WARM_UP = 500;

async function predictAll<P>(
  system: BenchSystem<P>,
  queries: readonly { text: string; label: string }[],
  timings?: Float64Array,
): Promise<Judged<P>[]> {
  const out: Judged<P>[] = [];
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    if (q === undefined) continue;
    const start = process.hrtime.bigint();
    const prediction = await system.predict(q.text);
    if (timings) timings[i] = Number(process.hrtime.bigint() - start) / 1000;
    out.push({ prediction, gold: q.label === 'oos' ? undefined : q.label });
  }
  return out;
}

export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Train on `train`, pick the cut-off on `val` + `oos_val`, report on `test` + `oos_test`. */
export async function runSystem<P>(
  system: BenchSystem<P>,
  data: IntentDataset,
  variant = 'clean',
): Promise<SystemFigures[]> {
  const t0 = process.hrtime.bigint();
  await system.train(data.train);
  const trainSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  const val = await predictAll(system, [...data.val, ...data.oos_val]);
  const testQueries = [...data.test, ...data.oos_test];
  // Warm up on training utterances, not test ones, so no test answer is cached before timing.
  await predictAll(system, data.train.slice(0, WARM_UP));
  const timings = new Float64Array(testQueries.length);
  const test = await predictAll(system, testQueries, timings);
  timings.sort();
  const latencyMicros = { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) };

  const evaluate = (judged: readonly Judged<P>[], cutoff: number) =>
    score(
      judged,
      (p) => system.outcome(p, cutoff),
      (p) => system.declined(p, cutoff),
    );
  const chosen = chooseCutoff(
    val,
    val.map((j) => system.confidence(j.prediction)),
    evaluate,
  );
  const common = {
    trainSeconds,
    latencyMicros,
    peakRssMB: peakRssMB(),
    riskCoverage: coverageAtOnePercent(system, test),
    variant,
  };
  const rows: SystemFigures[] = [];
  if (system.defaultCutoff !== undefined) {
    rows.push({
      system: system.name,
      ...evaluate(test, system.defaultCutoff),
      ...common,
      cutoff: system.defaultCutoff,
      cutoffFrom: 'default',
    });
  }
  rows.push({
    system: system.defaultCutoff === undefined ? system.name : `${system.name}@val-threshold`,
    ...evaluate(test, chosen.cutoff),
    ...common,
    cutoff: chosen.cutoff,
    cutoffFrom: 'validation',
  });
  return rows;
}
