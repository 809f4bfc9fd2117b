import { describe, expect, it } from 'vitest';
import { asksOtherRate, rateUnitsOf } from '../../../src/matcher/rate-units.js';
import { askerOn } from '../../support/shipped-bot.js';

const HANDBOOK = new URL('../../golden/dev/handbook.yaml', import.meta.url).pathname;

const units = (text: string) => [...rateUnitsOf(text.toLowerCase().split(/\s+/))];

describe('rate units', () => {
  it('GIVEN "per week", "days a year", "each night" THEN each names its unit, singular', () => {
    expect(units('statutory sick pay per week')).toEqual(['week']);
    expect(units('25 days a year and 2 days per weeks')).toEqual(['year', 'week']);
    expect(units('per diem each night')).toEqual(['night']);
    expect(units('a day off')).toEqual(['day']);
    expect(units('how long is a shift')).toEqual(['shift']);
    expect(units('what happens per the policy')).toEqual([]);
  });

  it('GIVEN an entry stating no rate in the unit asked THEN the question asks another rate', () => {
    expect(asksOtherRate(new Set(['week']), new Set(['year']))).toBe(true);
    expect(asksOtherRate(new Set(['year']), new Set(['year']))).toBe(false);
    expect(asksOtherRate(new Set(), new Set(['year']))).toBe(false);
  });

  it('GIVEN the sick-pay entry THEN its weekly rate is not answered; a rate it states is', async () => {
    const ask = await askerOn(HANDBOOK);
    // The entry says when Statutory Sick Pay applies, not what it pays a week.
    expect((await ask('how much is statutory sick pay per week')).kind).not.toBe('answer');
    expect(await ask('how much is the training budget per year?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'training-budget' },
    });
  });
});
