import { guardAnswer } from '../context-guard.js';
import type { Resolver } from '../resolver.js';

/**
 * The question as asked, matched against the knowledge, and checked against the conversation's
 * context (see `context-guard.ts`). Always resolves: it comes last.
 */
export const matchAsked: Resolver = (turn, tools) => {
  const { reply, candidates } = tools.match(turn.text);
  return guardAnswer(turn, tools, turn.text, { reply, question: turn.text, candidates });
};
