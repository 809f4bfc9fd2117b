import { describe, expect, it } from 'vitest';
import { createAckGate } from '../../../adapters/slack/ack-gate.js';

describe('createAckGate', () => {
  it('GIVEN no server watched THEN the gate is open at once', async () => {
    const gate = createAckGate();
    await expect(gate.open()).resolves.toBeUndefined();
    expect(gate.waiting).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])(
    'GIVEN a burst of %s requests THEN refuses it, naming the option',
    (requests) => {
      expect(() => createAckGate({ burst: { requests, windowMs: 100 } })).toThrow(
        /burst\.requests must be a whole number ≥ 1/,
      );
    },
  );
});
