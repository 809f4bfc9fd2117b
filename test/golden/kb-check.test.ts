import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../src/knowledge/check-knowledge.js';
import { createMatcher } from '../../src/matcher/create-matcher.js';
import { shippedKnowledgeBase } from '../support/shipped-bot.js';

// `npm run kb -- check` on the shipped knowledge, in-process: a bad edit to the file fails CI.
describe('kb check on the shipped knowledge', () => {
  it('reports no errors, and every entry reaches at least 80% cross-validated accuracy', async () => {
    const report = checkKnowledge(await shippedKnowledgeBase(), createMatcher);
    expect(report.problems.filter((p) => p.level === 'error').map((p) => p.message)).toEqual([]);
    const weak = report.entries.filter((e) => e.accuracy < 0.8).map((e) => `${e.id} ${e.accuracy}`);
    expect(weak).toEqual([]);
    expect(report.entries.length).toBeGreaterThanOrEqual(25);
    expect(report.duplicates).toEqual([]);
    expect(report.offTopicAnswered).toEqual([]);
  });
});
