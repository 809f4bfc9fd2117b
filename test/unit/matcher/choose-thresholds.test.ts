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

describe('chooseThresholds for explained questions', () => {
  // Explained (every word the entry's): right ones at 0.6 and 0.58, an off-topic one at 0.55;
  // unexplained: a wrong answer at 0.62 and an off-topic question at 0.64.
  const explainedScript: Record<string, [string, number, boolean]> = {
    a1: ['a', 0.9, false],
    a2: ['a', 0.6, true],
    a3: ['b', 0.62, false],
    b1: ['b', 0.85, false],
    b2: ['b', 0.58, true],
    b3: ['b', 0.7, false],
    'off-1': ['a', 0.64, false],
    'off-2': ['a', 0.55, true],
  };
  const explainedFactory: MatcherFactory = (): Matcher => ({
    match: (text) => {
      const [entry, confidence, explained] = explainedScript[text] ?? ['a', 0, false];
      const candidate = { entry, confidence, phrasing: text, ...(explained && { explained }) };
      return { normalized: text, candidates: [candidate] };
    },
  });

  it('chooses a lower cut-off for explained tops, still above every wrong explained one', () => {
    const t = chooseThresholds(entries, ['off-1', 'off-2'], explainedFactory);
    expect(t.answer).toBeGreaterThan(0.64);
    expect(t.answer).toBeLessThanOrEqual(0.7);
    expect(t.answerExplained).toBeGreaterThan(0.55);
    expect(t.answerExplained).toBeLessThanOrEqual(0.6);
    // b2 at 0.58 alone is one question: too little to set the cut-off by (a flat gain curve).
    expect(t.answerExplained).toBeGreaterThan(0.58);
  });
});
