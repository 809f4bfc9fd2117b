import { describe, expect, it } from 'vitest';
import {
  type CompletionCandidate,
  rankCompletions,
} from '../../../src/autocomplete/rank-completions.js';

const countries = ['Iraq', 'Syria', 'Jordan', 'Qatar', 'Bahrain', 'Kuwait', 'Saudi Arabia'];
const candidates: CompletionCandidate[] = [
  ...countries.map((country) => ({
    entry: `troops.${country.toLowerCase()}`,
    questions: [`How many US troops are in ${country}?`, `US forces in ${country}`],
  })),
  { entry: 'kurds', questions: ['Who are the Kurdish forces?'] },
  { entry: 'bases', questions: ['Which bases does the US use?'] },
];

const ids = (typed: string, options = {}) =>
  rankCompletions(typed, candidates, options).map((s) => s.entry);

describe('rankCompletions', () => {
  it('GIVEN a half-typed last word THEN the questions that finish it come first', () => {
    expect(ids('troops in ku')[0]).toBe('troops.kuwait');
    // Only the questions that finish "ku"; Kuwait (every word) before the Kurds (only "ku").
    expect(ids('troops in ku')).toEqual(['troops.kuwait', 'kurds']);
    expect(ids('how many troops in sa')).toEqual(['troops.saudi arabia']);
  });

  it('GIVEN the matcher picks THEN they break ties and follow the word matches', () => {
    const matched = ['troops.qatar', 'bases'];
    expect(ids('troops in ku', { matched })).toEqual([
      'troops.kuwait',
      'kurds',
      'troops.qatar',
      'bases',
    ]);
    // Every troops question shares "troops in": the matcher's order decides among them.
    expect(ids('troops in ', { matched: ['troops.jordan'] }).slice(0, 2)).toEqual([
      'troops.jordan',
      'troops.iraq',
    ]);
  });

  it('GIVEN a word typed whole THEN a question having it ranks above one with a longer word', () => {
    const words: CompletionCandidate[] = [
      { entry: 'troopship', questions: ['What is a troopship?'] },
      { entry: 'troop', questions: ['How big is a troop?'] },
    ];
    expect(rankCompletions('troop ', words).map((s) => s.entry)).toEqual(['troop', 'troopship']);
  });

  it('GIVEN a match in the shown question and one in a phrasing THEN the shown one first', () => {
    const shown: CompletionCandidate[] = [
      {
        entry: 'host',
        questions: ['Which country hosts the most troops?', 'Do troops in Kuwait lead?'],
      },
      { entry: 'kuwait', questions: ['How many troops are in Kuwait?'] },
    ];
    expect(rankCompletions('troops in ku', shown).map((s) => s.entry)).toEqual(['kuwait', 'host']);
  });

  it('GIVEN a phrasing that matches THEN the canonical question is shown', () => {
    expect(rankCompletions('forces in qa', candidates)[0]).toEqual({
      entry: 'troops.qatar',
      question: 'How many US troops are in Qatar?',
    });
  });

  it('GIVEN many matches or long questions THEN at most 25, each at most 100 characters', () => {
    const many: CompletionCandidate[] = Array.from({ length: 40 }, (_, i) => ({
      entry: `e${i}`,
      questions: [`Question ${i} ${'about a very long subject '.repeat(i % 2 === 0 ? 1 : 8)}?`],
    }));
    const ranked = rankCompletions('question', many, { limit: 50 });
    expect(ranked).toHaveLength(25);
    for (const suggestion of ranked) expect(suggestion.question.length).toBeLessThanOrEqual(100);
    // Cut after a whole word.
    expect(ranked.find((s) => s.entry === 'e1')?.question).toMatch(
      / (about|a|very|long|subject)…$/,
    );
  });

  it('GIVEN nothing typed or nothing in common THEN nothing but the matcher picks', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('zebra')).toEqual([]);
    expect(ids('zebra', { matched: ['bases'] })).toEqual(['bases']);
  });
});
