import type { KnowledgeBase } from '../knowledge-base.js';
import { answerReply, declineReply, helpReply, suggestionsFor } from '../reply/build-reply.js';
import { type MatchOutcome, matchQuestion } from './match-question.js';
import type { TurnTools } from './resolver.js';

/**
 * The tools of one turn, bound to its knowledge base so no resolver can reach another version.
 * Several resolvers ask the matcher about the same text (the message as asked, a part, a
 * rewrite): within a turn each text is matched once, since the knowledge base cannot change.
 */
export function createTurnTools(kb: KnowledgeBase, maxSuggestions: number): TurnTools {
  const matched = new Map<string, MatchOutcome>();
  return {
    match: (text) => {
      let outcome = matched.get(text);
      if (outcome === undefined) {
        outcome = matchQuestion(kb, text, maxSuggestions);
        matched.set(text, outcome);
      }
      return outcome;
    },
    answer: (entry, confidence, explanation) =>
      answerReply(kb, entry, confidence, maxSuggestions, explanation),
    decline: (confidence, explanation, nearest) =>
      declineReply(kb, confidence, explanation, maxSuggestions, nearest),
    help: () => helpReply(kb, maxSuggestions),
    suggestions: (candidates) => suggestionsFor(kb, candidates, maxSuggestions),
  };
}
