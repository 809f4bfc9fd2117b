import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Holds reply work back while HTTP requests are waiting for their acknowledgement. Slack gives an
 * ack 3 s and a reply 30 minutes, so under a burst every request is acknowledged before the CPU
 * goes to answers; a request counts as waiting from its arrival until its response is sent.
 */
export interface AckGate {
  /** Counts the requests of this server (HTTP mode). Without a server the gate is always open. */
  watch(server: Server): void;
  /**
   * Resolves when no request is waiting and no burst is arriving, or once the work queued at
   * `since` (performance.now()) has waited `maxWaitMs`, so sustained traffic is still answered.
   */
  open(since?: number): Promise<void>;
  /** Requests waiting for their response now. */
  readonly waiting: number;
}

export interface AckGateOptions {
  /**
   * How long queued work is held back under continuous traffic before it may start anyway. A burst
   * Slack can still be acknowledged for lasts well under this; traffic that keeps requests waiting
   * longer is more than the process can acknowledge, and answers must not starve behind it.
   */
  readonly maxWaitMs?: number;
  /**
   * A burst: more than `burst.requests` arrivals within `burst.windowMs`. While one is arriving the
   * gate stays shut even in the gaps where no request happens to be waiting; ordinary traffic (a
   * few requests a second) never counts as one.
   */
  readonly burst?: { readonly requests: number; readonly windowMs: number };
  /** How often a waiting task looks again. */
  readonly pollMs?: number;
}

export function createAckGate({
  maxWaitMs = 10_000,
  burst = { requests: 8, windowMs: 100 },
  pollMs = 2,
}: AckGateOptions = {}): AckGate {
  let waiting = 0;
  // The last `burst.requests` arrival times, oldest first.
  const arrivals: number[] = [];
  if (!Number.isInteger(burst.requests) || burst.requests < 1)
    throw new RangeError(
      `ack gate: burst.requests must be a whole number ≥ 1, got ${burst.requests}`,
    );
  const bursting = () => {
    // Set only once `requests` (≥ 1) arrivals are kept, so the oldest is there.
    const oldest = arrivals.length >= burst.requests ? arrivals[0] : undefined;
    return oldest !== undefined && performance.now() - oldest < burst.windowMs;
  };
  // One poll loop for every task held back, started when the first one arrives.
  let clear: Promise<void> | undefined;
  const whenClear = () => {
    clear ??= (async () => {
      while (waiting > 0 || bursting()) await sleep(pollMs);
      clear = undefined;
    })();
    return clear;
  };
  return {
    watch(server) {
      // Before Bolt's own listener, so the count includes requests Bolt is still reading.
      server.prependListener('request', (_request, response) => {
        waiting++;
        arrivals.push(performance.now());
        if (arrivals.length > burst.requests) arrivals.shift();
        response.once('close', () => {
          waiting--;
        });
      });
    },
    async open(since = performance.now()) {
      if (waiting === 0 && !bursting()) return;
      const left = since + maxWaitMs - performance.now();
      if (left <= 0) return;
      const timeout = new AbortController();
      await Promise.race([
        whenClear(),
        sleep(left, undefined, { signal: timeout.signal }).catch(() => {}),
      ]);
      timeout.abort();
    },
    get waiting() {
      return waiting;
    },
  };
}
