import { describe, expect, it } from 'vitest';
import {
  backgroundWords,
  entryCores,
  entryWordUses,
  leavesSlotOpen,
} from '../../../src/matcher/entry-profiles.js';

/**
 * Profiles of a file whose phrasings are given as token lists, one list of phrasings per entry,
 * after ten entries of other topics (which make "us" and "iraq" the file's background).
 */
function profilesOf(given: readonly (readonly (readonly string[])[])[]) {
  const topics = ['troop', 'militia', 'base', 'attack', 'drone', 'kuwait', 'qatar', 'jordan'];
  const others = [...topics, 'syria', 'gaza'].map((topic) => [['us', 'iraq', topic]]);
  const entries = [...given, ...others];
  const tokens = entries.flat();
  const entryOf = entries.flatMap((phrasings, e) => phrasings.map(() => e));
  const cores = entryCores(tokens, entryOf, entries.length);
  return {
    cores,
    background: backgroundWords(cores),
    wordUses: entryWordUses(tokens, entryOf, entries.length),
  };
}

// Both siblings ranked close together, as the scorer ranks them for a question naming neither.
const RANKED = [
  { e: 0, s: 1 },
  { e: 1, s: 0.9 },
];

describe('leavesSlotOpen', () => {
  const leave = profilesOf([
    [
      ['birth', 'parent', 'leave', 'length'],
      ['maternity', 'birth', 'parent', 'leave'],
      ['maternity', 'leave', 'pay'],
    ],
    [
      ['non', 'birth', 'parent', 'leave', 'length'],
      ['non', 'birth', 'parent', 'leave', 'pay'],
      ['non', 'birth', 'parent', 'leave'],
      ['paternity', 'leave', 'length'],
      ['paternity', 'leave', 'dad'],
      ['partner', 'leave', 'length'],
    ],
  ]);

  it('GIVEN a question naming neither sibling THEN the slot they differ in is open', () => {
    expect(leavesSlotOpen(RANKED, leave, new Set(['parent', 'leave', 'pay']))).toBe(true);
  });

  it('GIVEN a word several phrasings of one sibling use and none of the other THEN it names that side', () => {
    // "paternity" is no core word (two phrasings of six), but only the non-birth side says it.
    expect(leavesSlotOpen(RANKED, leave, new Set(['paternity', 'leave', 'pay']))).toBe(false);
    // One phrasing's word ("partner") is too little to tell the sides apart by.
    expect(leavesSlotOpen(RANKED, leave, new Set(['partner', 'leave', 'pay']))).toBe(true);
  });

  it('GIVEN entries that share only the words of the whole file THEN they are two topics, no slot', () => {
    const talks = profilesOf([
      [
        ['us', 'iraq', 'negotiation', 'about'],
        ['us', 'iraq', 'negotiation'],
      ],
      [
        ['us', 'iraq', 'stake'],
        ['us', 'iraq', 'stake', 'higher'],
      ],
    ]);
    expect(leavesSlotOpen(RANKED, talks, new Set(['us', 'iraq', 'info']))).toBe(false);
  });

  it("GIVEN one sibling whose own words are the file's background THEN a question naming neither side asks for that general entry", () => {
    const talks = profilesOf([
      [
        ['us', 'iraq', 'talk', 'troop'],
        ['us', 'iraq', 'talk', 'troop', 'about'],
      ],
      [
        ['us', 'iraq', 'talk', 'stake', 'higher'],
        ['stake', 'us', 'iraq', 'talk', 'higher'],
      ],
      [['troop', 'kuwait', 'count']],
      [['troop', 'qatar', 'count']],
    ]);
    expect(talks.background.has('troop')).toBe(true);
    expect(leavesSlotOpen(RANKED, talks, new Set(['info', 'us', 'iraq', 'talk']))).toBe(false);
  });
});
