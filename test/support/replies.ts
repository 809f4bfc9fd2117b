import type { AnswerReply, ClarifyReply, DeclineReply } from '../../src/reply.js';

/**
 * Replies as the scorers see them, built by hand: an answer from an entry (with its parts, an
 * id per part or undefined for one not covered), a clarification or a decline offering entries.
 */

const suggestionsOf = (entries: readonly string[]) =>
  entries.map((entry) => ({ entry, question: `${entry}?` }));

export const answerFrom = (entry: string, parts?: (string | undefined)[]): AnswerReply => ({
  kind: 'answer',
  text: entry,
  confidence: 0.9,
  entry: { entry, question: `${entry}?` },
  entryKind: 'fact',
  related: [],
  ...(parts && {
    parts: parts.map((id, i) => ({
      question: `part ${i}`,
      text: id ?? 'not covered',
      ...(id !== undefined && { entry: { entry: id, question: `${id}?` } }),
    })),
  }),
});

export const clarifyOffering = (entries: readonly string[]): ClarifyReply => ({
  kind: 'clarify',
  text: 'which?',
  confidence: 0.6,
  suggestions: suggestionsOf(entries),
});

export const declineOffering = (entries: readonly string[] = []): DeclineReply => ({
  kind: 'decline',
  reason: 'no-match',
  text: 'no',
  confidence: 0.1,
  suggestions: suggestionsOf(entries),
});
