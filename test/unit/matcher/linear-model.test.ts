import { describe, expect, it } from 'vitest';
import { quantize, trainLinearModel } from '../../../src/matcher/linear-model.js';
import { packRows, toUnitVector } from '../../../src/matcher/sparse-vector.js';

const vec = (...features: number[]) => toUnitVector(new Map(features.map((f) => [f, 1])));

describe('trainLinearModel', () => {
  it('separates classes by their features, including a feature shared by both', () => {
    // Feature 0 is shared; 1–2 belong to class 0, 3–4 to class 1.
    const vectors = [vec(0, 1), vec(0, 2), vec(1, 2), vec(0, 3), vec(0, 4), vec(3, 4)];
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const model = trainLinearModel(packRows(vectors), labels, 2, 5, { epochs: 30 });
    const out = new Float64Array(2);
    model.probabilities(vec(0, 1), out);
    expect(out[0]).toBeGreaterThan(0.8);
    model.probabilities(vec(4), out);
    expect(out[1]).toBeGreaterThan(0.8);
    model.probabilities(vec(0), out);
    expect(Math.abs((out[0] ?? 0) - (out[1] ?? 0))).toBeLessThan(0.3);
    expect((out[0] ?? 0) + (out[1] ?? 0)).toBeCloseTo(1, 6);
  });

  it('GIVEN a model trained before THEN the next one, in its training memory, learns exactly as a fresh one', () => {
    const vectors = [vec(0, 1), vec(0, 2), vec(1, 2), vec(0, 3), vec(0, 4), vec(3, 4)];
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    // Another model's training leaves non-zero weights in the matrix the next model reuses.
    trainLinearModel(packRows([vec(1), vec(2)]), Int32Array.from([1, 0]), 2, 5, { epochs: 30 });
    const reusing = trainLinearModel(packRows(vectors), labels, 2, 5, { epochs: 30 });
    const fresh = trainLinearModel(packRows(vectors), labels, 2, 5, { epochs: 30 });
    for (const x of [vec(0), vec(1), vec(4), vec(0, 3)]) {
      const a = new Float64Array(2);
      const b = new Float64Array(2);
      reusing.probabilities(x, a);
      fresh.probabilities(x, b);
      expect([...a]).toEqual([...b]);
    }
  });

  it('GIVEN weights stored as bytes THEN each is within half a step (1/254 of its row maximum)', () => {
    const C = 3;
    const weights = Float32Array.from([0.5, -2, 1.27, 0, 0, 0, 1e-4, 3e-5, -7e-5]);
    const { weights: q, rowScale } = quantize(weights, 0.5, 3, C);
    for (let f = 0; f < 3; f++) {
      const row = [...weights.slice(f * C, f * C + C)].map((w) => w * 0.5);
      const max = Math.max(...row.map(Math.abs));
      row.forEach((w, c) => {
        const restored = (q[f * C + c] ?? 0) * (rowScale[f] ?? 0);
        expect(Math.abs(restored - w)).toBeLessThanOrEqual(max / 254 + 1e-12);
      });
    }
    // An all-zero row (a feature no phrasing had) stays zero.
    expect(rowScale[1]).toBe(0);
    expect([...q.slice(3, 6)]).toEqual([0, 0, 0]);
  });

  it('GIVEN labels that do not match the rows THEN throws when the model is built, before training', () => {
    const rows = packRows([vec(0), vec(1)]);
    expect(() => trainLinearModel(rows, Int32Array.from([0]), 2, 2)).toThrow(
      expect.objectContaining({
        code: 'MATCHER_BROKEN_INVARIANT',
        message: '2 training rows but 1 labels',
      }),
    );
    expect(() => trainLinearModel(rows, Int32Array.from([0, 2]), 2, 2)).toThrow(
      expect.objectContaining({
        code: 'MATCHER_INDEX_OUT_OF_RANGE',
        message: 'index 2 is out of range for length 2 (classes)',
      }),
    );
  });

  it('GIVEN a question naming a feature the model was not trained on THEN throws instead of scoring it 0', () => {
    const model = trainLinearModel(packRows([vec(0), vec(1)]), Int32Array.from([0, 1]), 2, 2);
    expect(() => model.probabilities(vec(0, 2), new Float64Array(2))).toThrow(
      expect.objectContaining({ code: 'MATCHER_INDEX_OUT_OF_RANGE' }),
    );
  });
});
