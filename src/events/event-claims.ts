import type { Logger } from '../logger.js';
import type { BotMetrics } from '../metrics.js';
import type { StateStore } from '../store/state-store.js';

export interface EventClaimsDeps {
  readonly store: StateStore;
  /**
   * Atomic "store this key unless it exists" from the store backend (Redis `SET NX PX`), so that
   * several instances claim an event exactly once. Without it, claims are atomic within a process.
   */
  readonly setIfAbsent?: (key: string, value: unknown, ttlMs: number) => Promise<boolean>;
  /** How long a claimed event id is remembered (Slack retries within minutes). */
  readonly ttlMs: number;
  readonly now: () => number;
  readonly metrics: BotMetrics;
  readonly logger: Logger;
}

/** Resolves true the first time an event id is claimed, false for a repeat (a retry, a redelivery). */
export type ClaimEvent = (eventId: string) => Promise<boolean>;

/** De-duplication of platform events, so a retried or redelivered event is answered once. */
export function createEventClaims(deps: EventClaimsDeps): ClaimEvent {
  const { store, now, metrics, logger } = deps;
  // Claims being checked right now in this process: a read-then-write is not atomic on its own.
  const claiming = new Set<string>();

  /** Several instances on one store: only an atomic set-if-absent lets exactly one of them win. */
  async function claimAtomically(key: string): Promise<boolean> {
    try {
      return (await deps.setIfAbsent?.(key, now(), deps.ttlMs)) ?? true;
    } catch (error) {
      // Answering twice beats not answering: during a store outage every claim succeeds.
      metrics.storeError();
      logger.warn({ err: error, key }, 'event claim failed: answering without deduplication');
      return true;
    }
  }

  return async (eventId) => {
    const key = `event:${eventId}`;
    if (claiming.has(key)) return false;
    claiming.add(key);
    try {
      if (deps.setIfAbsent) return await claimAtomically(key);
      if ((await store.get<number>(key)) !== undefined) return false;
      await store.set(key, now(), deps.ttlMs);
      return true;
    } finally {
      claiming.delete(key);
    }
  };
}
