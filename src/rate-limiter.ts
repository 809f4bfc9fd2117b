import type { StateStore } from './store/state-store.js';

export interface RateLimitConfig {
  /** Questions a user may ask per window; 0 turns rate limiting off. */
  readonly questions: number;
  readonly windowMs: number;
}

/** `notice`: over budget, tell the user once; `quiet`: over budget and already told this window. */
export type RateDecision = 'ok' | 'notice' | 'quiet';

export interface RateLimiter {
  check(user: string): Promise<RateDecision>;
}

interface WindowCount {
  readonly count: number;
}

/**
 * A fixed-window budget per user, kept in the store so several instances share it. A store outage
 * lets questions through: being answered without a limit beats not being answered.
 */
export function createRateLimiter(
  store: StateStore,
  config: RateLimitConfig,
  now: () => number,
): RateLimiter {
  return {
    async check(user) {
      if (config.questions <= 0) return 'ok';
      const window = Math.floor(now() / config.windowMs);
      const key = `rate:${user}:${window}`;
      // No count yet for this window (or the store lost it): this is the first question in it.
      const count = ((await store.get<WindowCount>(key))?.count ?? 0) + 1;
      // Outlives the window slightly so a slow clock on another instance still sees it.
      await store.set(key, { count } satisfies WindowCount, config.windowMs * 2);
      if (count <= config.questions) return 'ok';
      return count === config.questions + 1 ? 'notice' : 'quiet';
    },
  };
}
