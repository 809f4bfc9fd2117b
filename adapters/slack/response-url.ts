import { REPLY_RETRY_POLICY, type TransientFailure, withRetries } from './slack-retry.js';

/** What may be POSTed to a `response_url`. */
export interface ResponseUrlBody {
  readonly response_type?: 'ephemeral' | 'in_channel';
  readonly replace_original?: boolean;
  readonly delete_original?: boolean;
  readonly text?: string;
  readonly blocks?: readonly unknown[];
}

/** Slack's limits on one `response_url`: it works for 30 minutes and takes 5 messages. */
export const RESPONSE_URL_LIMITS = { uses: 5, lifetimeMs: 30 * 60_000 } as const;

/**
 * A POST to a `response_url` failed: it is out of uses or time (`exhausted`), the request got no
 * answer (`unreachable`), or Slack answered an HTTP error (`status`, with its `Retry-After`).
 */
export class ResponseUrlError extends Error {
  readonly code = 'SLACK_RESPONSE_URL';
  constructor(
    message: string,
    readonly reason: 'exhausted' | 'unreachable' | 'refused',
    readonly status?: number,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ResponseUrlError';
  }
}

/** One payload's `response_url`, counting its uses so retries never spend more than Slack allows. */
export interface ResponseUrl {
  /** Sends `body`, retrying Slack's transient failures while uses and time remain. */
  send(body: ResponseUrlBody): Promise<void>;
  /** Uses left (failed tries count: Slack may have counted them). */
  readonly usesLeft: number;
}

export function createResponseUrl(url: string, now: () => number = Date.now): ResponseUrl {
  return new CountedResponseUrl(url, now);
}

// A class rather than closures: one is made per command or press, a thousand in a burst.
class CountedResponseUrl implements ResponseUrl {
  private used = 0;
  private readonly expires: number;

  constructor(
    private readonly url: string,
    private readonly now: () => number,
  ) {
    this.expires = now() + RESPONSE_URL_LIMITS.lifetimeMs;
  }

  get usesLeft(): number {
    return Math.max(0, RESPONSE_URL_LIMITS.uses - this.used);
  }

  send(body: ResponseUrlBody): Promise<void> {
    return withRetries(
      () => this.post(body),
      classifyResponseUrlError,
      REPLY_RETRY_POLICY,
      () => this.usable(),
    );
  }

  private usable(): boolean {
    return this.used < RESPONSE_URL_LIMITS.uses && this.now() < this.expires;
  }

  private async post(body: ResponseUrlBody): Promise<void> {
    if (!this.usable()) {
      throw new ResponseUrlError('the response_url is out of uses or expired', 'exhausted');
    }
    this.used++;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const message = `POST to response_url failed: ${describe(error)}`;
      throw new ResponseUrlError(message, 'unreachable', undefined, undefined, { cause: error });
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    throw new ResponseUrlError(
      `response_url answered HTTP ${response.status}`,
      'refused',
      response.status,
      Number.isNaN(retryAfter) ? undefined : retryAfter,
    );
  }
}

/** 5xx, 429 and a connection that failed are worth another try; 404 (expired) and 400 are not. */
function classifyResponseUrlError(error: unknown): TransientFailure | undefined {
  if (!(error instanceof ResponseUrlError) || error.reason === 'exhausted') return undefined;
  if (error.reason === 'unreachable') return {};
  const { status = 0, retryAfterSeconds } = error;
  if (status !== 429 && status < 500) return undefined;
  return retryAfterSeconds !== undefined ? { retryAfterSeconds } : {};
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
