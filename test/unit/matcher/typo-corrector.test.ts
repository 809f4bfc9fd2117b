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

  it('keeps an English word one letter from a known word, but mends dropped and doubled letters', () => {
    const words = createTypoCorrector(new Map(['thank', 'government', 'first'].map((w) => [w, 1])));
    expect(words.correct('think')).toBeUndefined();
    expect(words.correct('thenk')?.surface).toBe('thank');
    expect(words.correct('goverment')?.surface).toBe('government');
    expect(words.correct('frist')?.surface).toBe('first');
  });

  it('leaves unrelated and very short words alone', () => {
    expect(corrector.correct('germany')).toBeUndefined();
    expect(corrector.correct('irq')).toBeUndefined();
    expect(corrector.correct('weather')).toBeUndefined();
  });

  it('reads a four-letter word one edit off as the only known word that near, from its first letter', () => {
    expect(corrector.correct('mnay')).toEqual({ surface: 'many', distance: 2 });
    expect(corrector.correct('irqa')?.surface).toBe('iraq');
    // A letter too many in a four-letter word.
    expect(corrector.correct('irraq')?.surface).toBe('iraq');
    // A word of English is not a typo of the knowledge's ("mane" is no "many").
    expect(corrector.correct('mane')).toBeUndefined();
    // Another first letter is another word ("lany" is not "many").
    expect(corrector.correct('lany')).toBeUndefined();
    // Two known words as near: neither is guessed.
    const twins = createTypoCorrector(
      new Map([
        ['bank', 1],
        ['band', 1],
      ]),
    );
    expect(twins.correct('banx')).toBeUndefined();
    expect(twins.correct('bnak')?.surface).toBe('bank');
  });

  it('reads a word typed without its vowels as the one known word with those consonants', () => {
    expect(corrector.correct('trps')).toEqual({ surface: 'troops', distance: 2 });
    expect(corrector.correct('cmmndr')?.surface).toBe('commander');
    // Consonants no known word has in that order, and words of English, are left alone.
    expect(corrector.correct('grmny')).toBeUndefined();
    expect(corrector.correct('myth')).toBeUndefined();
    // Two known words with the same consonants: neither is guessed.
    const twins = createTypoCorrector(
      new Map([
        ['long', 1],
        ['lung', 1],
      ]),
    );
    expect(twins.correct('lng')).toBeUndefined();
  });

  it('reads a confusable English word as its twin, at no edit, only when the knowledge uses the twin alone', () => {
    const paid = createTypoCorrector(new Map([['paid', 3]]));
    // A known pair, not a guess: the twin is as good as the word typed.
    expect(paid.correct('payed')).toEqual({ surface: 'paid', distance: 0 });
    // "effect" is left alone where the knowledge has no "affect" either.
    expect(paid.correct('effect')).toBeUndefined();
  });

  it('allows more edits only for longer words', () => {
    expect(maxEditsFor(3)).toBe(0);
    expect(maxEditsFor(5)).toBe(1);
    expect(maxEditsFor(9)).toBe(2);
  });
});
