import { describe, expect, it } from 'vitest';
import { maxEditsFor } from '../../../src/matcher/edit-budget.js';
import { createTypoCorrector } from '../../../src/matcher/typo-corrector.js';

const vocabulary = new Map(
  ['troops', 'kuwait', 'bahrain', 'qatar', 'iraq', 'bases', 'many', 'commander'].map((w) => [w, 1]),
);

describe('typo corrector', () => {
  const corrector = createTypoCorrector(vocabulary);

  it('corrects insertions, transpositions and substitutions to known words', () => {
    expect(corrector.correct('trops')?.surface).toBe('troops');
    expect(corrector.correct('kuwiat')?.surface).toBe('kuwait');
    expect(corrector.correct('bahrein')?.surface).toBe('bahrain');
    expect(corrector.correct('comander')?.surface).toBe('commander');
  });

  it('leaves unrelated and very short words alone', () => {
    expect(corrector.correct('germany')).toBeUndefined();
    expect(corrector.correct('irq')).toBeUndefined();
    expect(corrector.correct('weather')).toBeUndefined();
  });

  it('allows more edits only for longer words', () => {
    expect(maxEditsFor(3)).toBe(0);
    expect(maxEditsFor(5)).toBe(1);
    expect(maxEditsFor(9)).toBe(2);
  });
});
