import { describe, expect, it } from 'vitest';
import { describeKnowledge } from '../../../src/about.js';
import type { Knowledge, KnowledgeEntry } from '../../../src/knowledge/knowledge.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';

const entry = (id: string): KnowledgeEntry => ({
  id,
  kind: 'fact',
  questions: [`Question ${id}?`],
  answer: `According to Example News, ${id}.`,
  related: [],
});

const knowledge: Knowledge = {
  files: ['a.yaml', 'b.yaml'],
  entries: ['a', 'b', 'c', 'd'].map(entry),
  synonyms: [],
  offTopic: [],
  thresholds: { answer: 0.7, clarify: 0.3 },
  sources: [
    { publication: 'Example News', title: 'Examples', url: 'https://example.com/x' },
    { publication: 'Example News', title: 'Examples', url: 'https://example.com/x' },
    { publication: 'Other Daily' },
  ],
};

describe('GIVEN knowledge from two files with a repeated source', () => {
  const kb = createKnowledgeBase(knowledge, {
    matcherFactory: () => ({ match: (text) => ({ normalized: text, candidates: [] }) }),
  });

  it('THEN about lists the topic, each source once, and the requested number of examples', () => {
    expect(describeKnowledge(kb, 2)).toEqual({
      topic: 'Examples',
      sources: [
        { publication: 'Example News', title: 'Examples', url: 'https://example.com/x' },
        { publication: 'Other Daily' },
      ],
      examples: [
        { entry: 'a', question: 'Question a?' },
        { entry: 'c', question: 'Question c?' },
      ],
    });
  });
});
