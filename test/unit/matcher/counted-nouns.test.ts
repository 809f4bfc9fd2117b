import { describe, expect, it } from 'vitest';
import { countedNouns, countsUnstated } from '../../../src/matcher/counted-nouns.js';

const words = (text: string) => text.split(' ');
const counted = (text: string) => countedNouns(words(text), words(text));

describe('counted nouns', () => {
  it('reads what a question counts, through its modifiers, up to the next function word', () => {
    expect(counted('how mani bank holidai do full time employe get')).toEqual(['bank', 'holidai']);
    expect(counted('how mani us troop are in iraq')).toEqual(['us', 'troop']);
    expect(counted('what is the notic period')).toEqual([]);
  });

  it('counts nothing in particular for "how many times", "how many people" or a verb', () => {
    expect(counted('how mani time have militia attack')).toEqual([]);
    expect(
      countedNouns(words('how mani die in the attack'), words('how many died in the attack')),
    ).toEqual([]);
  });

  it('finds a count unstated only when none of its words follows one of the answer numbers', () => {
    const answer = new Set(['dai']);
    expect(countsUnstated(['bank', 'holidai'], answer)).toBe(true);
    expect(countsUnstated(['holidai', 'dai'], answer)).toBe(false);
    expect(countsUnstated([], answer)).toBe(false);
    expect(countsUnstated(['troop'], new Set())).toBe(false);
  });
});
