import { describe, expect, it } from 'vitest';
import { collectEvidence } from '../../../src/matcher/held-out-evidence.js';
import type { TrainingEntry } from '../../../src/matcher/matcher.js';
import { createNormalizer } from '../../../src/matcher/normalize.js';

const fact = (id: string, phrasings: string[]): TrainingEntry => ({ id, phrasings });

// The bike scheme's nearest entry is small talk: both ask "who can …".
const entries: TrainingEntry[] = [
  fact('bike-scheme', [
    'who can use the bike scheme',
    'who can join the bike scheme',
    'who is eligible for the bike scheme',
    'bike scheme eligibility',
    'can i use the bike scheme',
  ]),
  fact('pension', [
    'how much goes into my pension',
    'what does the company pay into my pension',
    'pension contributions',
    'how much do i put in my pension',
    'employer pension match',
  ]),
  {
    id: 'chat.about',
    phrasings: ['who are you', 'who can i ask, bot', 'what is this bot', 'who made you'],
    smallTalk: true,
  },
];

describe('collectEvidence', () => {
  it('GIVEN small talk next to a fact THEN no made-up near miss swaps its words into the fact', () => {
    const { nearMisses } = collectEvidence(entries, createNormalizer(), 5);
    const swapped = nearMisses.filter((m) => m.except !== undefined);
    expect(nearMisses.length).toBeGreaterThan(0);
    expect(swapped.map((m) => m.except)).not.toContain(2);
  });

  it('GIVEN the same entry not marked as small talk THEN it is a sibling swaps draw on', () => {
    const unmarked = entries.map(({ smallTalk: _, ...e }) => e);
    const { nearMisses } = collectEvidence(unmarked, createNormalizer(), 5);
    expect(nearMisses.map((m) => m.except)).toContain(2);
  });
});
