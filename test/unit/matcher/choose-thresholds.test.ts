import { describe, expect, it } from 'vitest';
import { chooseThresholds } from '../../../src/matcher/choose-thresholds.js';
import type { Matcher, MatcherFactory, TrainingEntry } from '../../../src/matcher/matcher.js';

// A scripted matcher: every text maps to a fixed (entry, confidence), so the chosen cut-offs
// can be checked against a hand-computed optimum.
const script: Record<string, [string, number]> = {
  a1: ['a', 0.9],
  a2: ['a', 0.8],
  a3: ['b', 0.55], // a held-out phrasing the matcher gets wrong, with middling confidence
  b1: ['b', 0.85],
  b2: ['b', 0.75],
  b3: ['b', 0.7],
  'off-1': ['a', 0.6],
  'off-2': ['b', 0.2],
};
const factory: MatcherFactory = (): Matcher => ({
  match: (text) => {
    const [entry, confidence] = script[text] ?? ['a', 0];
    return { normalized: text, candidates: [{ entry, confidence, phrasing: text }] };
  },
});
const entries: TrainingEntry[] = [
  { id: 'a', phrasings: ['a1', 'a2', 'a3'] },
  { id: 'b', phrasings: ['b1', 'b2', 'b3'] },
];

describe('chooseThresholds', () => {
  it('puts the answer cut-off above every wrong answer and keeps all right ones', () => {
    const t = chooseThresholds(entries, ['off-1', 'off-2'], factory);
    expect(t.answer).toBeGreaterThan(0.6);
    expect(t.answer).toBeLessThanOrEqual(0.7);
  });

  it('keeps clarify at or below answer and above the far off-topic question', () => {
    const t = chooseThresholds(entries, ['off-1', 'off-2'], factory);
    expect(t.clarify).toBeLessThanOrEqual(t.answer);
    expect(t.clarify).toBeGreaterThan(0.2);
  });
});
