import type { Reply } from '../../src/index.js';
import { renderPlainText } from '../../src/index.js';

/** The `ask --json` contract: later checks and scripts rely on exactly these fields. */
export interface AskJson {
  readonly question: string;
  readonly answered: boolean;
  readonly answer: string;
  readonly entry: string | null;
  readonly confidence: number;
  readonly suggestions: readonly { readonly entry: string; readonly question: string }[];
  readonly explanation?: Reply['explanation'];
}

export function toAskJson(question: string, reply: Reply, explain: boolean): AskJson {
  const suggestions = reply.kind === 'answer' ? [] : reply.suggestions;
  return {
    question,
    answered: reply.kind === 'answer' && reply.entryKind === 'fact',
    answer: renderPlainText(reply),
    entry: reply.kind === 'answer' ? reply.entry.entry : null,
    confidence: Math.round(reply.confidence * 1000) / 1000,
    suggestions: suggestions.map(({ entry, question: q }) => ({ entry, question: q })),
    ...(explain && reply.explanation && { explanation: reply.explanation }),
  };
}
