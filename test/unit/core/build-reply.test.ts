import { describe, expect, it } from 'vitest';
import {
  answerReply,
  clarifyReply,
  declineReply,
  emptyExplanation,
  HELP_ENTRY,
  helpReply,
  rateLimitedReply,
  suggestionsFor,
} from '../../../src/reply/build-reply.js';
import { candidate, scriptedKnowledgeBase } from './fixtures/scripted-kb.js';

// Pure functions of the knowledge base: no store, no bot.
const kb = scriptedKnowledgeBase();

describe('reply building', () => {
  it('GIVEN an entry THEN the answer carries its text, source with URL, and related entries', () => {
    const alpha = kb.entries.get('alpha');
    if (!alpha) throw new Error('fixture lost alpha');
    expect(answerReply(kb, alpha, 0.8, 3)).toEqual({
      kind: 'answer',
      text: 'According to Example News, alpha.',
      confidence: 0.8,
      entry: { entry: 'alpha', question: 'Question alpha?' },
      entryKind: 'fact',
      related: [{ entry: 'beta', question: 'Question beta?' }],
      source: {
        attribution: 'Example News',
        publication: 'Example News',
        passage: 'alpha passage',
        url: 'https://example.com/a',
      },
    });
  });

  it('GIVEN the help entry THEN its related questions are examples, as many as shown', () => {
    const help = kb.entries.get(HELP_ENTRY);
    if (!help) throw new Error('no built-in help entry');
    const reply = answerReply(kb, help, 1, 2);
    expect(reply.entryKind).toBe('conversation');
    expect(reply.related).toHaveLength(2);
    expect(reply.source).toBeUndefined();
  });

  it('GIVEN candidates with small talk among them THEN suggestions keep curated facts only, capped', () => {
    const candidates = [
      candidate('chat.greeting', 0.9),
      candidate('beta', 0.5),
      candidate('gamma', 0.4),
      candidate('alpha', 0.3),
    ];
    expect(suggestionsFor(kb, candidates, 2).map((s) => s.entry)).toEqual(['beta', 'gamma']);
  });

  it('GIVEN a clarification THEN it asks which one, with the suggestions as given', () => {
    const suggestions = [{ entry: 'beta', question: 'Question beta?' }];
    const reply = clarifyReply(suggestions, 0.5, emptyExplanation(kb));
    expect(reply).toMatchObject({ kind: 'clarify', confidence: 0.5, suggestions });
    expect(reply.text).toBe('I am not sure which of these you mean. Did you mean:');
  });

  it('GIVEN a decline THEN it says it does not know, names the topic and offers examples', () => {
    const reply = declineReply(kb, 0.1, emptyExplanation(kb), 3);
    expect(reply).toMatchObject({ kind: 'decline', reason: 'no-match', confidence: 0.1 });
    expect(reply.text).toContain("I don't know");
    expect(reply.text).toContain('Examples');
    expect(reply.suggestions.map((s) => s.entry)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('GIVEN an empty message THEN help is a decline with reason empty and examples', () => {
    const reply = helpReply(kb, 2);
    expect(reply).toMatchObject({ kind: 'decline', reason: 'empty', confidence: 0 });
    expect(reply.suggestions).toHaveLength(2);
    expect(reply.text).toBe(kb.entries.get(HELP_ENTRY)?.answer);
  });

  it('GIVEN the rate limit THEN the notice quotes it, and is quiet only when asked', () => {
    const notice = rateLimitedReply({ questions: 10, windowMs: 60_000 }, false);
    expect(notice).toMatchObject({ kind: 'decline', reason: 'rate-limited', suggestions: [] });
    expect(notice.text).toContain('10 questions per 60 seconds');
    expect(notice.quiet).toBeUndefined();
    expect(rateLimitedReply({ questions: 10, windowMs: 60_000 }, true).quiet).toBe(true);
  });
});
