import type { KnowledgeBase } from '../knowledge-base.js';
import { answerReply, declineReply, suggestionsFor } from '../reply/build-reply.js';
import { matchQuestion } from './match-question.js';
import type { TurnTools } from './resolver.js';

/** The tools of one turn, bound to its knowledge base so no resolver can reach another version. */
export function createTurnTools(kb: KnowledgeBase, maxSuggestions: number): TurnTools {
  return {
    match: (text) => matchQuestion(kb, text, maxSuggestions),
    answer: (entry, confidence, explanation) =>
      answerReply(kb, entry, confidence, maxSuggestions, explanation),
    decline: (confidence, explanation) => declineReply(kb, confidence, explanation, maxSuggestions),
    suggestions: (candidates) => suggestionsFor(kb, candidates, maxSuggestions),
  };
}
