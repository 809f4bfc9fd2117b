import type { KnowledgeBase } from '../knowledge-base.js';
import { answerCutOff, confidenceOf, decide } from '../matcher/decide.js';
import type { Candidate } from '../matcher/matcher.js';
import { answerReply, clarifyReply, declineReply, suggestionsFor } from '../reply/build-reply.js';
import type { Explanation, Reply } from '../reply.js';

/** A matched question: the reply it gets and every candidate the matcher ranked. */
export interface MatchOutcome {
  readonly reply: Reply;
  readonly candidates: readonly Candidate[];
}

/** Runs the matcher on `text`, decides with the knowledge's thresholds, and builds the reply. */
export function matchQuestion(
  kb: KnowledgeBase,
  text: string,
  maxSuggestions: number,
): MatchOutcome {
  // A few more than shown, so runners-up remain once the answer itself and small talk are dropped.
  const result = kb.matcher.match(text, maxSuggestions + 2);
  const decision = decide(result, kb.thresholds);
  const [top, second] = result.candidates;
  const confidence = confidenceOf(top);
  const explanation: Explanation = {
    normalized: result.normalized,
    confidence,
    thresholds: kb.thresholds,
    ...(top && { matchedPhrasing: top.phrasing }),
    ...(top?.explained === true && { explainedAt: answerCutOff(top, kb.thresholds) }),
    ...(second && { runnerUp: { entry: second.entry, confidence: second.confidence } }),
  };
  const candidates = result.candidates;
  const chosen = decision.kind === 'answer' && top ? kb.entries.get(top.entry) : undefined;
  if (chosen && top) {
    return {
      reply: answerReply(kb, chosen, top.confidence, maxSuggestions, explanation),
      candidates,
    };
  }
  if (decision.kind === 'clarify') {
    const suggestions = suggestionsFor(kb, decision.candidates, maxSuggestions);
    if (suggestions.length > 0) {
      return { reply: clarifyReply(suggestions, confidence, explanation), candidates };
    }
  }
  const nearest = suggestionsFor(kb, candidates.filter(isNear(kb)), maxSuggestions);
  return {
    reply: declineReply(kb, confidence, explanation, maxSuggestions, nearest),
    candidates,
  };
}

/**
 * A candidate below the clarify threshold but within reach of it: declined, yet worth naming as
 * the closest thing the knowledge has. Unrelated questions score far lower (on the shipped file
 * general off-topic questions ("what is the weather in baghdad") score about 0.25 at most, against a
 * clarify threshold of about 0.64), so this share of the clarify threshold keeps them on the examples.
 */
export const NEAR_SHARE_OF_CLARIFY = 0.4;

function isNear(kb: KnowledgeBase): (candidate: Candidate) => boolean {
  const floor = kb.thresholds.clarify * NEAR_SHARE_OF_CLARIFY;
  return (candidate) => candidate.confidence >= floor;
}
