import type { ConversationState } from '../conversation/conversation-memory.js';
import type { KnowledgeEntry } from '../knowledge/knowledge.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Candidate } from '../matcher/matcher.js';
import type { Query } from '../query.js';
import type { AnswerReply, DeclineReply, Explanation, Reply, Suggestion } from '../reply.js';
import type { MatchOutcome } from './match-question.js';

/**
 * One question being answered. Everything a resolver may look at was read once, at the start of
 * the turn: the same knowledge base throughout (a reload mid-turn cannot mix two versions) and the
 * conversation's memory as it was when the question arrived.
 */
export interface Turn {
  readonly kb: KnowledgeBase;
  readonly query: Query;
  /** The question, trimmed; never empty (an empty message gets help before any resolver runs). */
  readonly text: string;
  readonly state: ConversationState;
}

/** What a resolver decided. The pipeline remembers it for the next message. */
export interface Resolution {
  readonly reply: Reply;
  /**
   * The question this reply answers, in the user's words. When set, an answer is remembered with
   * it (follow-ups rewrite it) and a reply that is not an answer is logged for curation.
   */
  readonly question?: string;
  /** Every candidate the matcher ranked: an answer's runners-up come from these (👎 offers them). */
  readonly candidates?: readonly Candidate[];
}

/** What resolvers may use, bound to the turn's knowledge base and the core's configuration. */
export interface TurnTools {
  /** Matcher, thresholds and reply building in one: the reply `text` would get as a fresh question. */
  match(text: string): MatchOutcome;
  answer(entry: KnowledgeEntry, confidence: number, explanation?: Explanation): AnswerReply;
  decline(confidence: number, explanation: Explanation): DeclineReply;
  /** Curated entries among `candidates`, as many as a reply shows. */
  suggestions(candidates: readonly Candidate[]): Suggestion[];
}

/**
 * One way of answering a message: a numbered pick, a follow-up, a fresh match… The pipeline runs
 * the resolvers in order (see `resolvers.ts`) and takes the first resolution; `undefined` means
 * "not mine, ask the next one". The last resolver (matching) always resolves. A resolver reads the
 * turn and returns a reply; it never writes memory or logs for curation (the pipeline does).
 */
export type Resolver = (
  turn: Turn,
  tools: TurnTools,
) => Resolution | undefined | Promise<Resolution | undefined>;
