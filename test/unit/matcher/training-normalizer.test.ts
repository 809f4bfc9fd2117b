import { describe, expect, it } from 'vitest';
import { createNormalizer, createTrainingNormalizer } from '../../../src/matcher/normalize.js';

describe('training normaliser', () => {
  const base = createNormalizer({ synonyms: [['troops', 'soldiers']] });
  const phrasing = 'How many U.S. soldiers are in Iraq?';

  it('gives the same words as the normaliser it wraps', () => {
    const { normalizer } = createTrainingNormalizer(base, [phrasing]);
    expect(normalizer.words(phrasing)).toEqual(base.words(phrasing));
    expect(normalizer.words('Who leads the militias?')).toEqual(
      base.words('Who leads the militias?'),
    );
    expect(normalizer.tokenOf('soldiers')).toBe(base.tokenOf('troops'));
  });

  it('remembers the training phrasings only, and nothing after release', () => {
    const training = createTrainingNormalizer(base, [phrasing]);
    const { normalizer } = training;
    expect(normalizer.words(phrasing)).toBe(normalizer.words(phrasing));
    expect(normalizer.words('How many troops?')).not.toBe(normalizer.words('How many troops?'));
    training.release();
    expect(normalizer.words(phrasing)).not.toBe(normalizer.words(phrasing));
    expect(normalizer.words(phrasing)).toEqual(base.words(phrasing));
  });
});
