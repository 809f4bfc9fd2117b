import type { KnowledgeEntry } from '../knowledge/knowledge.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Candidate } from '../matcher/matcher.js';
import type { RateLimitConfig } from '../rate-limiter.js';
import type { AnswerReply, ClarifyReply, DeclineReply, Explanation, Suggestion } from '../reply.js';

/**
 * The bot's copy: every reply the core builds, as pure functions of the knowledge base and the
 * numbers they quote. No store, no clock, no matcher call: tests build replies directly.
 */

/** The built-in help entry: its "related" questions are examples of what to ask. */
export const HELP_ENTRY = 'chat.help';

/** The curated facts among `candidates`, best first, at most `limit`, as suggestions. */
export function suggestionsFor(
  kb: KnowledgeBase,
  candidates: readonly Candidate[],
  limit: number,
): Suggestion[] {
  return candidates
    .map((candidate) => kb.entries.get(candidate.entry))
    .filter((entry): entry is KnowledgeEntry => entry?.kind === 'fact')
    .slice(0, limit)
    .map(kb.suggestion);
}

/** An answer from one entry, with its source and its related entries (help: example questions). */
export function answerReply(
  kb: KnowledgeBase,
  entry: KnowledgeEntry,
  confidence: number,
  maxSuggestions: number,
  explanation?: Explanation,
): AnswerReply {
  const publication = entry.source?.publication;
  return {
    kind: 'answer',
    text: entry.answer,
    confidence,
    entry: kb.suggestion(entry),
    entryKind: entry.kind,
    // Help has no curated neighbours; its "related" questions are examples of what to ask.
    related:
      entry.id === HELP_ENTRY
        ? kb.examples(maxSuggestions)
        : entry.related
            .map((id) => kb.entries.get(id))
            .filter((related): related is KnowledgeEntry => related !== undefined)
            .map(kb.suggestion),
    ...(publication !== undefined && {
      source: {
        attribution: entry.attribution ?? publication,
        publication,
        passage: entry.passage ?? '',
        ...(entry.source?.url !== undefined && { url: entry.source.url }),
      },
    }),
    ...(explanation && { explanation }),
  };
}

/** "Did you mean …?" with a numbered list of close entries. */
export function clarifyReply(
  suggestions: readonly Suggestion[],
  confidence: number,
  explanation: Explanation,
): ClarifyReply {
  return {
    kind: 'clarify',
    text: 'I am not sure which of these you mean. Did you mean:',
    confidence,
    suggestions,
    explanation,
  };
}

/** The knowledge does not cover the question: say so, and what it does cover. */
export function declineReply(
  kb: KnowledgeBase,
  confidence: number,
  explanation: Explanation,
  maxSuggestions: number,
): DeclineReply {
  return {
    kind: 'decline',
    reason: 'no-match',
    text: `I don't know: my knowledge doesn't cover that. I can answer questions about ${kb.topic}, for example:`,
    confidence,
    suggestions: kb.examples(maxSuggestions),
    explanation,
  };
}

/** An empty message: the help text and example questions. */
export function helpReply(kb: KnowledgeBase, maxSuggestions: number): DeclineReply {
  return {
    kind: 'decline',
    reason: 'empty',
    text: kb.entries.get(HELP_ENTRY)?.answer ?? `Ask me a question about ${kb.topic}.`,
    confidence: 0,
    suggestions: kb.examples(maxSuggestions),
  };
}

/** Over the rate limit; `quiet` once the user has been told in this window. */
export function rateLimitedReply(rateLimit: RateLimitConfig, quiet: boolean): DeclineReply {
  const seconds = Math.round(rateLimit.windowMs / 1000);
  return {
    kind: 'decline',
    reason: 'rate-limited',
    text: `You're asking faster than I can keep up with (${rateLimit.questions} questions per ${seconds} seconds). Please wait a moment and ask again.`,
    confidence: 0,
    suggestions: [],
    ...(quiet && { quiet: true }),
  };
}

/** A question over the length cap: say how long one may be, without reading it. */
export function tooLongReply(maxCharacters: number): DeclineReply {
  return {
    kind: 'decline',
    reason: 'too-long',
    text: `That question is too long for me: please ask it in at most ${maxCharacters.toLocaleString('en-US')} characters.`,
    confidence: 0,
    suggestions: [],
  };
}

/** A repeated event: answered by its first delivery, so this reply is never sent. */
export function duplicateReply(): DeclineReply {
  return {
    kind: 'decline',
    reason: 'duplicate',
    text: 'This message was already answered.',
    confidence: 0,
    suggestions: [],
    quiet: true,
  };
}

/** An explanation for a reply that involved no matching (a pressed button naming a gone entry). */
export function emptyExplanation(kb: KnowledgeBase): Explanation {
  return { normalized: '', confidence: 0, thresholds: kb.thresholds };
}
