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
  /** Resolves when no request is waiting, or after `maxWaitMs` so steady traffic is still answered. */
  open(): Promise<void>;
  /** Requests waiting for their response now. */
  readonly waiting: number;
}

export interface AckGateOptions {
  /** How long the gate stays shut under continuous traffic before work may start anyway. */
  readonly maxWaitMs?: number;
  /** How often a waiting task looks again. */
  readonly pollMs?: number;
}

export function createAckGate({ maxWaitMs = 1000, pollMs = 2 }: AckGateOptions = {}): AckGate {
  let waiting = 0;
  return {
    watch(server) {
      // Before Bolt's own listener, so the count includes requests Bolt is still reading.
      server.prependListener('request', (_request, response) => {
        waiting++;
        response.once('close', () => {
          waiting--;
        });
      });
    },
    async open() {
      const deadline = Date.now() + maxWaitMs;
      while (waiting > 0 && Date.now() < deadline) await sleep(pollMs);
    },
    get waiting() {
      return waiting;
    },
  };
}
