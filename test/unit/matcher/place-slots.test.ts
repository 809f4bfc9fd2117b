import { describe, expect, it } from 'vitest';
import {
  namesOtherEntity,
  placeSwapped,
  sharesOnlySlots,
} from '../../../src/matcher/place-slots.js';

const uses =
  (...words: string[]) =>
  (token: string) =>
    words.includes(token);

describe('place slots', () => {
  const attack2020 = ['attack', 'base', 'iraq', '2020', 'injur'];
  it('GIVEN another place named and the entry place left out THEN the place is swapped', () => {
    const question = new Set(['how', 'mani', 'injur', 'in', 'the', 'jordan', 'attack', '2020']);
    expect(placeSwapped(attack2020, question, uses(...attack2020))).toBe(true);
  });

  it('GIVEN the entry place kept, or no other place THEN nothing is swapped', () => {
    const both = new Set(['attack', 'iraq', 'jordan']);
    expect(placeSwapped(attack2020, both, uses(...attack2020))).toBe(false);
    expect(placeSwapped(attack2020, new Set(['attack', '2020']), uses(...attack2020))).toBe(false);
    // "us" is also a pronoun: leaving it out leaves out no place.
    const usCore = ['us', 'troop', 'kuwait'];
    expect(placeSwapped(usCore, new Set(['troop', 'kuwait', 'iraq']), uses(...usCore))).toBe(false);
  });

  const deaths = ['mani', 'us', 'troop', 'kill', 'attack', 'jordan'];
  const background = new Set(['us', 'troop', 'iraq']);
  it('GIVEN only the place and background words shared THEN the entry is not what is asked', () => {
    const question = ['how', 'mani', 'us', 'troop', 'in', 'jordan'];
    expect(sharesOnlySlots(deaths, background, question, uses(...deaths))).toBe(true);
  });

  it('GIVEN a word of what the entry says, or a time THEN it is asked', () => {
    const died = ['how', 'mani', 'di', 'in', 'jordan'];
    expect(sharesOnlySlots(deaths, background, died, uses(...deaths, 'di'))).toBe(false);
    const duration = ['year', 'us', 'troop', 'iraq', 'long'];
    const years = ['how', 'mani', 'year', 'us', 'troop', 'iraq'];
    expect(sharesOnlySlots(duration, background, years, uses(...duration))).toBe(false);
  });

  it('GIVEN someone the entry never speaks of THEN another entity is named; its own place is not', () => {
    const known = () => true;
    const perDiem = new Set(['per', 'diem', 'employe', 'night']);
    const uses = (t: string) => perDiem.has(t);
    const none = new Set<string>();
    expect(namesOtherEntity(['partner', 'per', 'diem'], known, uses, perDiem, none)).toBe(true);
    expect(namesOtherEntity(['per', 'diem'], known, uses, perDiem, none)).toBe(false);
    const iraq = new Set(['troop', 'iraq']);
    const inIraq = (t: string) => iraq.has(t);
    expect(namesOtherEntity(['troop', 'iraqi', 'soil'], known, inIraq, iraq, none)).toBe(false);
  });
});
