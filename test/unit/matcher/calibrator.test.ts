import { describe, expect, it } from 'vitest';
import { createCalibrator, fitCalibrator } from '../../../src/matcher/calibrator.js';

describe('fitCalibrator', () => {
  it('learns a probability that rises with the evidence and matches observed frequencies', () => {
    // Evidence x in [0, 1); the example is right with probability x (deterministic pattern).
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const x = (i % 100) / 100;
      rows.push([x]);
      labels.push((i * 37) % 100 < x * 100 ? 1 : 0);
    }
    const c = fitCalibrator(rows, labels, 0.01);
    const low = c.probability([0.1]);
    const mid = c.probability([0.5]);
    const high = c.probability([0.9]);
    expect(low).toBeLessThan(mid);
    expect(mid).toBeLessThan(high);
    expect(mid).toBeGreaterThan(0.4);
    expect(mid).toBeLessThan(0.6);
    expect(high).toBeGreaterThan(0.75);
    expect(low).toBeLessThan(0.25);
  });

  it('stays finite on perfectly separable data thanks to the ridge', () => {
    const c = fitCalibrator([[0], [0], [1], [1]], [0, 0, 1, 1], 1);
    for (const w of c.weights) expect(Number.isFinite(w)).toBe(true);
    expect(c.probability([1])).toBeGreaterThan(c.probability([0]));
  });

  it('GIVEN rows of unequal length, or features of another length than the weights, THEN throws', () => {
    expect(() => fitCalibrator([[0, 1], [1]], [0, 1])).toThrow(
      expect.objectContaining({ code: 'MATCHER_BROKEN_INVARIANT' }),
    );
    expect(() => createCalibrator([0.5, 1, 2]).probability([1])).toThrow(
      expect.objectContaining({
        code: 'MATCHER_BROKEN_INVARIANT',
        message: '1 features for a calibrator of 2',
      }),
    );
  });
});
