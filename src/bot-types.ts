import type { About } from './about.js';
import type { Query, QueryContext } from './query.js';
import type { Reply, Suggestion } from './reply.js';

export type Rating = 'up' | 'down';

/** What the core says back after 👍/👎: a short acknowledgement, and for 👎 the runners-up. */
export interface FeedbackReply {
  readonly text: string;
  readonly suggestions: readonly Suggestion[];
}

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
  /** A suggestion or "Related" button was pressed: answer that entry in this conversation. */
  choose(context: QueryContext, entry: string): Promise<Reply>;
  /** 👍/👎 on an answer given in this conversation. */
  feedback(context: QueryContext, entry: string, rating: Rating): Promise<FeedbackReply>;
  /**
   * Claims a platform event id (Slack retries, redeliveries). Resolves true the first time an id is
   * seen, false for a repeat, so the event is answered once even across several bot instances.
   * Superseded by `Query.eventId` (one event, one core call); kept until every adapter passes it.
   */
  claim(eventId: string): Promise<boolean>;
  /** Writes what the core buffers (curation counts); call before closing the store. */
  flush(): Promise<void>;
  /** Questions to offer while the user types (autocomplete), best first. */
  complete(prefix: string, limit?: number): readonly Suggestion[];
  /** What the knowledge in service is about: topic, sources and `examples` example questions. */
  about(examples?: number): About;
}
