import { describe, expect, it } from 'vitest';
import { trainLinearModel } from '../../../src/matcher/linear-model.js';
import { toUnitVector } from '../../../src/matcher/sparse-vector.js';

const vec = (...features: number[]) => toUnitVector(new Map(features.map((f) => [f, 1])));

describe('trainLinearModel', () => {
  it('separates classes by their features, including a feature shared by both', () => {
    // Feature 0 is shared; 1–2 belong to class 0, 3–4 to class 1.
    const vectors = [vec(0, 1), vec(0, 2), vec(1, 2), vec(0, 3), vec(0, 4), vec(3, 4)];
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const model = trainLinearModel(vectors, labels, 2, 5, { epochs: 30 });
    const out = new Float64Array(2);
    model.probabilities(vec(0, 1), out);
    expect(out[0]).toBeGreaterThan(0.8);
    model.probabilities(vec(4), out);
    expect(out[1]).toBeGreaterThan(0.8);
    model.probabilities(vec(0), out);
    expect(Math.abs((out[0] ?? 0) - (out[1] ?? 0))).toBeLessThan(0.3);
    expect((out[0] ?? 0) + (out[1] ?? 0)).toBeCloseTo(1, 6);
  });

  it('GIVEN a released model THEN the next one reuses its memory and learns exactly as a fresh one', () => {
    const vectors = [vec(0, 1), vec(0, 2), vec(1, 2), vec(0, 3), vec(0, 4), vec(3, 4)];
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const first = trainLinearModel(vectors, labels, 2, 5, { epochs: 30 });
    first.release();
    expect(() => first.probabilities(vec(0), new Float64Array(2))).toThrow(/after release/);
    // Trained into the released (non-zero) matrix, then one trained into a new one.
    const reusing = trainLinearModel(vectors, labels, 2, 5, { epochs: 30 });
    const fresh = trainLinearModel(vectors, labels, 2, 5, { epochs: 30 });
    for (const x of [vec(0), vec(1), vec(4), vec(0, 3)]) {
      const a = new Float64Array(2);
      const b = new Float64Array(2);
      reusing.probabilities(x, a);
      fresh.probabilities(x, b);
      expect([...a]).toEqual([...b]);
    }
  });
});
