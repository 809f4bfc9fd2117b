import type { KnowledgeBase } from '../knowledge-base.js';
import { answerCutOff, confidenceOf, decide } from '../matcher/decide.js';
import type { Candidate, MatchResult } from '../matcher/matcher.js';
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
  const bare = offeredWithoutTimes(kb, result);
  const near = candidates.filter((c) => isNear(kb)(c) && !bare.some((b) => b.entry === c.entry));
  const nearest = suggestionsFor(kb, [...bare, ...near], maxSuggestions);
  return {
    reply: declineReply(kb, confidence, explanation, maxSuggestions, nearest),
    candidates,
  };
}

/**
 * The entry that would answer the question without the dates and numbers the knowledge never
 * uses ("how many troops in iraq 2024" has no 2024 figure, but the knowledge has one for Iraq),
 * and those it would offer: offered, never answered, as the closest things to what was asked.
 */
function offeredWithoutTimes(kb: KnowledgeBase, result: MatchResult): readonly Candidate[] {
  if (result.withoutUnseenTimes === undefined) return [];
  const bare = kb.matcher.match(result.withoutUnseenTimes);
  const decision = decide(bare, kb.thresholds);
  return decision.candidates;
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
