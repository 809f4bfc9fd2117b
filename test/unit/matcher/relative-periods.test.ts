import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../../../src/matcher/normalize.js';
import { relativePeriodsOf } from '../../../src/matcher/relative-periods.js';
import { askerOn } from '../../support/shipped-bot.js';

const HANDBOOK = new URL('../../golden/dev/handbook.yaml', import.meta.url).pathname;

const words = (text: string) => createNormalizer().words(text);

describe('relative periods', () => {
  it('GIVEN "last year", "next month" THEN they are read as periods; "this year" is the present', () => {
    expect(relativePeriodsOf(words('what was the per diem last year?'))).toEqual(['last year']);
    expect(relativePeriodsOf(words('pension next month, and the past weeks'))).toEqual([
      'next month',
      'past weeks',
    ]);
    expect(relativePeriodsOf(words('training budget this year'))).toEqual([]);
    expect(relativePeriodsOf(words('paid on the last working day'))).toEqual([]);
  });

  it('GIVEN a policy the handbook states for now THEN last year’s value is not answered with it', async () => {
    const ask = await askerOn(HANDBOOK);
    expect(await ask('what is the training budget per year')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'training-budget' },
    });
    // Each word is the budget entry's; the phrase asks for a value the handbook does not give.
    const lastYear = await ask('how much was the training budget last year');
    expect(lastYear.kind).not.toBe('answer');
  });
});
