import { describe, expect, it } from 'vitest';
import { readDates, spellNumericDates } from '../../../src/matcher/date-words.js';
import { readDigitWords } from '../../../src/matcher/digit-words.js';
import { createNormalizer } from '../../../src/matcher/normalize.js';

const read = (text: string) => readDates(text.split(' ')).join(' ');

describe('date words', () => {
  it('reads month abbreviations and ordinal days as the date the knowledge writes', () => {
    expect(read('since oct 7')).toBe('since october 7');
    expect(read('since october 7th')).toBe('since october 7');
    expect(read('the 7th of oct')).toBe('the 7 of october');
    expect(read('sept 2023')).toBe('september 2023');
  });

  it('leaves words that are also abbreviations alone unless a day or year is beside them', () => {
    expect(read('may i ask')).toBe('may i ask');
    expect(read('on may 3rd')).toBe('on may 3');
    expect(read('mar the talks')).toBe('mar the talks');
    expect(read('dec 2023')).toBe('december 2023');
    // An ordinal without a month is a rank, not a day.
    expect(read('the 3rd country')).toBe('the 3rd country');
  });

  it('reads short weekdays where they are days', () => {
    expect(read('open mon fri')).toBe('open monday friday');
    expect(read('paid on sat')).toBe('paid on saturday');
    expect(read('sat down in the sun')).toBe('sat down in the sun');
    expect(read('open till thurs')).toBe('open till thursday');
  });

  it('spells a numeric date after a date preposition, month first, and leaves fractions', () => {
    expect(spellNumericDates('strikes since 10/7 ??')).toBe('strikes since october 7 ??');
    expect(spellNumericDates('before 1/15/2024')).toBe('before january 15 2024');
    expect(spellNumericDates('take 1/2 day off')).toBe('take 1/2 day off');
    expect(spellNumericDates('since 13/7')).toBe('since 13/7');
  });

  it('makes every spelling of a date the same tokens in the normaliser', () => {
    const normalizer = createNormalizer();
    const tokens = (text: string) => normalizer.words(text).map((w) => w.token);
    const expected = tokens('strikes since Oct. 7');
    expect(tokens('strikes since October 7th')).toEqual(expected);
    expect(tokens('strikes since 10/7')).toEqual(expected);
  });
});

describe('digit words', () => {
  const digits = (text: string) => readDigitWords(text.split(' ')).join(' ');

  it("reads chat's 4 and 2 as for and to only where no number can stand", () => {
    expect(digits('r the stakes higher 4 the talks')).toBe('r the stakes higher for the talks');
    expect(digits('do i need receipts 4 per diem')).toBe('do i need receipts for per diem');
    expect(digits('how much notice do i need 2 give')).toBe('how much notice do i need to give');
    // Counts stay counts.
    expect(digits('i need 2 days off')).toBe('i need 2 days off');
    expect(digits('4 troops were hurt')).toBe('4 troops were hurt');
    expect(digits('i have 2 kids')).toBe('i have 2 kids');
  });
});
