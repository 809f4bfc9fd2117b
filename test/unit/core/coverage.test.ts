import { describe, expect, it } from 'vitest';
import { createCoverage } from '../../../src/conversation/coverage.js';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { entry, knowledge } from './fixtures/scripted-kb.js';

const injuries = entry('injuries', {
  subject: 'Iraq',
  questions: ['How many troops were injured in the 2020 attack in Iraq?', 'b', 'c', 'd', 'e', 'f'],
  answer: 'According to Example News, more than 100 troops were injured in 2020.',
});
const deaths = entry('deaths', {
  subject: 'Jordan',
  speaker: 'Randa Slim',
  questions: ['How many troops were killed in Jordan?', 'b', 'c', 'd', 'e', 'f'],
  answer: 'Randa Slim said the attack in Jordan killed three troops.',
});
const file: Knowledge = {
  ...knowledge,
  entries: [injuries, deaths],
  synonyms: [['injured', 'hurt', 'wounded']],
  offTopic: ['How many troops are in Germany?'],
};
const coverage = createCoverage(file);

describe('follow-up coverage', () => {
  it('GIVEN words the entry gives (synonyms included) THEN nothing is uncovered', () => {
    expect(coverage.uncovered('and how many were hurt?', injuries)).toEqual([]);
    expect(coverage.uncovered('where does she work there', injuries)).toEqual([]);
  });

  it('GIVEN a word the knowledge knows from another entry THEN the entry does not cover it', () => {
    expect(coverage.uncovered('and how many were killed?', injuries)).toEqual(['kill']);
  });

  it('GIVEN another year or an off-topic place THEN uncovered; an unknown word is left to the matcher', () => {
    expect(coverage.uncovered('and in 2015?', injuries)).toEqual(['2015']);
    expect(coverage.uncovered('and in germany?', injuries)).toEqual(['germani']);
    expect(coverage.uncovered('and in narnia?', injuries)).toEqual([]);
  });

  it('GIVEN a text naming the subject, the speaker by surname, or a number the entry gives THEN it names the entry', () => {
    expect(coverage.names('what about jordan', deaths)).toBe(true);
    expect(coverage.names('what did slim say', deaths)).toBe(true);
    expect(coverage.names('and in 2020?', injuries)).toBe(true);
    expect(coverage.names('and how many were wounded', deaths)).toBe(false);
  });
});
