import { describe, expect, it } from 'vitest';
import { misspellingAliases } from '../../../src/matcher/misspelling-aliases.js';
import { createNormalizer } from '../../../src/matcher/normalize.js';

/** The aliases of phrasings given per entry, as "typo → word". */
function aliasesOf(entries: readonly (readonly string[])[]): Record<string, string> {
  const phrasings = entries.flat();
  const groups = entries.flatMap((qs, entry) => qs.map(() => entry));
  const aliases = misspellingAliases(phrasings, createNormalizer({}), groups);
  return Object.fromEntries([...aliases].map(([typo, word]) => [typo, word.surface]));
}

describe('misspelling aliases', () => {
  it('reads a phrasing typo of an English word as the word, whichever entry spells it right', () => {
    const aliases = aliasesOf([
      ['what time does the london office close', 'when does the london office open'],
      ['what time does the leeds office clse', 'can i work remotly from leeds'],
      ['how many days can I work remotely'],
    ]);
    // A letter left out, in four letters as in more: no other entry's word is that near.
    expect(aliases['clse']).toBe('close');
    expect(aliases['remotly']).toBe('remotely');
  });

  it('leaves names, words of English and one letter typed for another alone', () => {
    const aliases = aliasesOf([
      ['how many days of leave do I get', 'what about the days off'],
      ['how much leave do dads get', 'what did Grene say', 'is the green zone safe'],
    ]);
    // "dads" is one letter from "days", but a substitution is as often another word.
    expect(aliases['dads']).toBeUndefined();
    // Written with a capital, "Grene" is somebody's name; in lower case, a typo of "green".
    expect(aliases['grene']).toBeUndefined();
    expect(aliasesOf([['what did grene say'], ['the green zone']])['grene']).toBe('green');
  });

  it('keeps two spellings that one phrasing uses together as two words', () => {
    const aliases = aliasesOf([['are the talks with iran and iraq'], ['what does iraq say']]);
    expect(aliases['iran']).toBeUndefined();
  });
});
