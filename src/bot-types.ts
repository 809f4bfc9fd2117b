import type { About } from './about.js';
import type { Query, QueryContext } from './query.js';
import type { Reply, Suggestion } from './reply.js';

export type Rating = 'up' | 'down';

/** What the core says back after 👍/👎: a short acknowledgement, and for 👎 the runners-up. */
export interface FeedbackReply {
  readonly text: string;
  readonly suggestions: readonly Suggestion[];
  /**
   * Set when the press's `eventId` was already claimed (a redelivery, another instance): nothing
   * was recorded and adapters send nothing.
   */
  readonly duplicate?: true;
}

/**
 * A press on a button or menu: the conversation it happened in and, when the platform gives one,
 * the id of the press, so a redelivered or twice-received press is acted on once.
 */
export type ActionContext = QueryContext & { readonly eventId?: string };

/**
 * The one way into the core. Adapters translate platform events into these calls and render the
 * results; they never match, read knowledge or touch the store themselves.
 */
export interface Bot {
  /**
   * Answer, clarify or decline a question. Empty text gets help with example questions. A query
   * with an `eventId` already claimed gets a quiet `duplicate` decline, which adapters do not send.
   */
  handle(query: Query): Promise<Reply>;
  /**
   * A suggestion or "Related" button was pressed: answer that entry in this conversation. A press
   * whose `eventId` was already claimed gets the same quiet `duplicate` decline as `handle`.
   */
  choose(context: ActionContext, entry: string): Promise<Reply>;
  /** 👍/👎 on an answer given in this conversation; a claimed `eventId` records nothing. */
  feedback(context: ActionContext, entry: string, rating: Rating): Promise<FeedbackReply>;
  /** Writes what the core buffers (curation counts); call before closing the store. */
  flush(): Promise<void>;
  /** Questions to offer while the user types (autocomplete), best first. */
  complete(prefix: string, limit?: number): readonly Suggestion[];
  /** What the knowledge in service is about: topic, sources and `examples` example questions. */
  about(examples?: number): About;
}
