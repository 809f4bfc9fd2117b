import type { Logger } from '../logger.js';
import type { StateStore } from '../store/state-store.js';

export interface EventClaimsDeps {
  readonly store: StateStore;
  /** How long a claimed event id is remembered (Slack retries within minutes). */
  readonly ttlMs: number;
  readonly now: () => number;
  readonly logger: Logger;
}

/** Resolves true the first time an event id is claimed, false for a repeat (a retry, a redelivery). */
export type ClaimEvent = (eventId: string) => Promise<boolean>;

/**
 * De-duplication of platform events, so a retried or redelivered event is answered once, by one
 * instance: the store's atomic set-if-absent decides, across every process sharing it.
 */
export function createEventClaims(deps: EventClaimsDeps): ClaimEvent {
  const { store, now, logger } = deps;
  // During an outage the store cannot decide; deliveries of one event that arrive together in
  // this process are still told apart.
  const claiming = new Set<string>();
  return async (eventId) => {
    const key = `event:${eventId}`;
    if (claiming.has(key)) return false;
    claiming.add(key);
    try {
      const claimed = await store.setIfAbsent(key, now(), deps.ttlMs);
      if (claimed !== undefined) return claimed;
      // Answering twice beats not answering: during a store outage every claim succeeds.
      logger.warn({ key }, 'event claim failed: answering without deduplication');
      return true;
    } finally {
      claiming.delete(key);
    }
  };
}
