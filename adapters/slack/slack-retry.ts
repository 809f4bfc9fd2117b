import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries for the calls that carry a reply a user is waiting for. Slack's transient failures are
 * rate limits (`ratelimited`, HTTP 429 with `Retry-After`) and short outages (HTTP 5xx, a dropped
 * connection); everything else (`not_in_channel`, an expired `response_url`) fails the same way
 * on every try and is not retried.
 */
export interface RetryPolicy {
  /** Tries after the first one. */
  readonly retries: number;
  /** First wait; doubled on each retry. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this, whatever `Retry-After` asks. */
  readonly maxDelayMs: number;
}

export const REPLY_RETRY_POLICY = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
} as const satisfies RetryPolicy;

/** What a failed try tells the retry loop. */
export interface TransientFailure {
  /** Seconds Slack asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterSeconds?: number;
}

/**
 * Runs `attempt` until it succeeds, `classify` says the error is not transient, the policy's retries
 * are spent or `mayRetry` says no (a `response_url` out of uses). Waits `Retry-After` when Slack
 * gives one, else backs off exponentially.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => TransientFailure | undefined,
  policy: RetryPolicy = REPLY_RETRY_POLICY,
  mayRetry: () => boolean = () => true,
): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const transient = classify(error);
      if (transient === undefined || tried >= policy.retries || !mayRetry()) throw error;
      const backoff = policy.baseDelayMs * 2 ** tried;
      const asked =
        transient.retryAfterSeconds !== undefined ? transient.retryAfterSeconds * 1000 : 0;
      await sleep(Math.min(policy.maxDelayMs, Math.max(backoff, asked)));
    }
  }
}

/** Web API errors worth another try: the platform said so, or the request never completed. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * Classifies a Web API client error. The client itself already waits out HTTP 429 (`Retry-After`)
 * and retries 5xx and dropped connections; what reaches us transient is a `{ ok: false, error:
 * "ratelimited" }` answer and its kin, with the `Retry-After` Slack sent alongside.
 */
export function classifyWebApiError(error: unknown): TransientFailure | undefined {
  const platform = platformError(error);
  if (platform === undefined || !TRANSIENT_PLATFORM_ERRORS.has(platform)) return undefined;
  const seconds = field(field(field(error, 'data'), 'response_metadata'), 'retryAfter');
  return typeof seconds === 'number' ? { retryAfterSeconds: seconds } : {};
}

/** The Web API's `error` string (`not_in_channel`, `missing_scope`, …), if `error` is one. */
export function platformError(error: unknown): string | undefined {
  const value = field(field(error, 'data'), 'error');
  return typeof value === 'string' ? value : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
