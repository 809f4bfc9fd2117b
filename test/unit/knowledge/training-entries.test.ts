import { describe, expect, it } from 'vitest';
import { createConversationEntries } from '../../../src/knowledge/conversation-entries.js';
import type { KnowledgeEntry } from '../../../src/knowledge/knowledge.js';
import { trainingEntryOf } from '../../../src/knowledge/training-entries.js';

describe('trainingEntryOf', () => {
  it('GIVEN a curated fact THEN the matcher learns its phrasings and its answer, not small talk', () => {
    const fact: KnowledgeEntry = {
      id: 'us-troops-iraq',
      kind: 'fact',
      questions: ['How many U.S. troops are in Iraq?'],
      answer: 'About 2,500, according to the AP.',
      related: [],
    };
    expect(trainingEntryOf(fact)).toEqual({
      id: 'us-troops-iraq',
      phrasings: ['How many U.S. troops are in Iraq?'],
      answer: 'About 2,500, according to the AP.',
    });
  });

  it('GIVEN built-in small talk THEN it is marked so and carries no answer to check numbers by', () => {
    for (const entry of createConversationEntries('the handbook')) {
      const training = trainingEntryOf(entry);
      expect(training.smallTalk).toBe(true);
      expect(training.answer).toBeUndefined();
    }
  });
});
