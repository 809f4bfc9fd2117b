/**
 * What the composition root starts and stops. Each platform adapter is one of these; it receives
 * its validated config and the core's `Bot` from the root and never reads the environment itself.
 */
export interface Adapter {
  readonly name: string;
  start(): Promise<void>;
  /** Stops taking new events, finishes replies in flight, closes connections. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Rejects if the adapter fails for good while running (Discord closed the gateway with a fatal
   * code): the process should then exit non-zero so a supervisor restarts it. Never resolves.
   */
  readonly failed?: Promise<never>;
}

/** The environment as the composition root hands it to config readers (a copy of the process environment). */
export type Env = Readonly<Record<string, string | undefined>>;
