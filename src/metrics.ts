import type { Rating } from './bot-types.js';
import type { Reply } from './reply.js';

/**
 * The core's metrics port. The composition root passes a Prometheus-backed implementation when
 * metrics are on; the default records nothing. Kept to what an operator alerts on.
 */
export interface BotMetrics {
  /** One question handled: its outcome (and decline reason) and how long the core took. */
  questionHandled(outcome: Reply['kind'], reason: string | undefined, seconds: number): void;
  feedbackRecorded(rating: Rating): void;
  /** A store operation failed or timed out: the bot answered without memory. */
  storeError(): void;
}

export function createNoopMetrics(): BotMetrics {
  return { questionHandled: () => {}, feedbackRecorded: () => {}, storeError: () => {} };
}
