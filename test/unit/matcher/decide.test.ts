import { describe, expect, it } from 'vitest';
import { decide, MIN_LEAD } from '../../../src/matcher/decide.js';
import type { MatchResult } from '../../../src/matcher/matcher.js';

const result = (...confidences: number[]): MatchResult => ({
  normalized: 'q',
  candidates: confidences.map((confidence, i) => ({
    entry: `e${i}`,
    confidence,
    phrasing: `p${i}`,
  })),
});
const thresholds = { answer: 0.7, clarify: 0.3 };

describe('decide', () => {
  it('answers a confident top candidate that is clearly ahead', () => {
    const d = decide(result(0.9, 0.05), thresholds);
    expect(d.kind).toBe('answer');
    expect(d.candidates.map((c) => c.entry)).toEqual(['e0']);
  });

  it('offers the two siblings of an open slot first, however far down the second ranks', () => {
    const base = result(0.72, 0.22, 0.2);
    const [first, , third] = base.candidates;
    if (!first || !third) throw new Error('three candidates expected');
    const d = decide({ ...base, vague: 'open-slot', siblings: [first, third] }, thresholds);
    expect(d.kind).toBe('clarify');
    expect(d.candidates.map((c) => c.entry)).toEqual(['e0', 'e2']);
  });

  it('clarifies when the top two are close, even above the answer threshold', () => {
    const d = decide(result(0.75, 0.75 * (1 - MIN_LEAD / 2), 0.01), thresholds);
    expect(d.kind).toBe('clarify');
    expect(d.candidates.map((c) => c.entry)).toEqual(['e0', 'e1']);
  });

  it('clarifies with at most three suggestions when confidence is middling', () => {
    const d = decide(result(0.5, 0.45, 0.4, 0.38, 0.36), thresholds);
    expect(d.kind).toBe('clarify');
    expect(d.candidates.map((c) => c.entry)).toEqual(['e0', 'e1', 'e2']);
  });

  it('offers, after the plausible ones, an entry the question names better than it names the top one', () => {
    const [top, other, wholly, partly] = result(0.5, 0.05, 0.04, 0.03).candidates;
    if (!top || !other || !wholly || !partly) throw new Error('four candidates expected');
    const named = (c: typeof top, how: 'wholly' | 'partly') => ({ ...c, named: how });
    const candidates = [top, other, named(wholly, 'wholly'), named(partly, 'partly')];
    // "who approves my expenses": training approval ranked first, expense claims named outright.
    expect(
      decide({ normalized: 'q', candidates }, thresholds).candidates.map((c) => c.entry),
    ).toEqual(['e0', 'e2', 'e3']);
    // A top the question names wholly leaves nothing named better; one it names partly, only the
    // wholly named one; and a named entry of another slot is never offered for it.
    const wholeTop = [named(top, 'wholly'), ...candidates.slice(1)];
    expect(decide({ normalized: 'q', candidates: wholeTop }, thresholds).candidates).toHaveLength(
      1,
    );
    const partTop = [named(top, 'partly'), other, { ...named(wholly, 'wholly'), otherSlot: true }];
    expect(decide({ normalized: 'q', candidates: partTop }, thresholds).candidates).toHaveLength(1);
  });

  it('answers an explained top at the explained cut-off, and anything else only at the answer one', () => {
    const cut = { ...thresholds, answerExplained: 0.6 };
    const base = result(0.65, 0.05);
    const [top, second] = base.candidates;
    if (!top || !second) throw new Error('two candidates expected');
    const explained = { ...base, candidates: [{ ...top, explained: true }, second] };
    expect(decide(explained, cut).kind).toBe('answer');
    expect(decide(base, cut).kind).toBe('clarify');
    // Without an explained cut-off, and with one above `answer`, `answer` holds for both.
    expect(decide(explained, thresholds).kind).toBe('clarify');
    expect(decide(explained, { ...thresholds, answerExplained: 0.9 }).kind).toBe('clarify');
    // Vague questions and close runners-up are still asked back.
    expect(decide({ ...explained, vague: 'one-word' }, cut).kind).toBe('clarify');
  });

  it('declines below the clarify threshold and when there is no candidate', () => {
    expect(decide(result(0.2, 0.1), thresholds)).toEqual({ kind: 'decline', candidates: [] });
    expect(decide(result(), thresholds).kind).toBe('decline');
  });
});
