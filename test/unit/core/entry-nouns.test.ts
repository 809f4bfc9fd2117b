import { describe, expect, it } from 'vitest';
import { entryFrequencies, entryNouns, withNouns } from '../../../src/conversation/entry-nouns.js';
import { entry } from './fixtures/scripted-kb.js';

describe('entry nouns', () => {
  const strikes = entry('strikes', {
    subject: 'Iraq',
    questions: [
      'How many strikes have militias launched on U.S. troops in Iraq?',
      'number of strikes on us troops in iraq',
      'how many times did militias strike troops in iraq',
      'strikes on troops since october',
      'militia strikes on us troops in iraq',
    ],
  });
  const count = entry('count', {
    subject: 'Iraq',
    questions: ['How many U.S. troops are in Iraq?', 'troops in iraq', 'number of troops in Iraq'],
  });
  // A file of ten entries: troops in nine of them, strikes in one.
  const file = { entries: 10, df: new Map([...entryFrequencies([strikes, count]), ['troops', 9]]) };

  it('GIVEN an entry THEN its nouns are those its phrasings use most and other entries least', () => {
    // "troops" is in every entry, "strikes" only in this one; units and the subject never count.
    expect(entryNouns(strikes, file).plural).toBe('strikes');
    expect(entryNouns(count, file).plural).toBe('troops');
    expect(entryNouns(count, file).singular).toBeUndefined();
  });

  it('GIVEN a follow-up THEN "they" and "it" become the nouns, placed where the entry is', () => {
    expect(withNouns('will they keep going', { plural: 'strikes' }, 'Iraq')).toBe(
      'will the strikes in Iraq keep going',
    );
    // A follow-up that says where ("there", or the place) is not placed again.
    expect(withNouns('how long have they been there', { plural: 'forces' }, 'Iraq')).toBe(
      'how long have the forces been there',
    );
    expect(withNouns('when did it start', { singular: 'presence' }, 'Iraq')).toBe(
      'when did the presence in Iraq start',
    );
    expect(withNouns('how many are in kuwait', { plural: 'troops' })).toBeUndefined();
  });
});
