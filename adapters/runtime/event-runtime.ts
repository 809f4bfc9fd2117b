import type { Logger } from '../../src/index.js';

/** What a log line says about one platform event; handlers add to it as they learn more. */
export type EventContext = Record<string, unknown>;

export interface EventRuntimeOptions {
  /** Prefix of the error lines, e.g. "discord" or "slack". */
  readonly platform: string;
  readonly logger: Logger;
  /** Events answered at once; the rest wait in arrival order (keeps acknowledgements first). */
  readonly concurrency?: number;
  /**
   * A platform's better word for a failure (Discord names the permission an admin must grant);
   * undefined keeps the plain "handler failed" line.
   */
  readonly describeFailure?: (error: unknown, run: EventRun) => FailureLine | undefined;
  /**
   * Awaited before each piece of work starts, with when it was queued: Slack holds answers until
   * the acknowledgements waiting have gone out (see adapters/slack/ack-gate.ts).
   */
  readonly beforeWork?: (queuedAt: number) => Promise<void>;
}

export interface FailureLine {
  readonly fields: EventContext;
  readonly message: string;
}

export interface EventRun {
  /** Names the event in log lines ("message", "slash_command", "button"). */
  readonly event: string;
  readonly context: EventContext;
  readonly work: () => Promise<void>;
  /** Tells the user something went wrong; omitted where the platform offers no way to reply. */
  readonly apologise?: () => Promise<unknown>;
  /**
   * Answers an event that arrives while the runtime is not accepting (starting, draining), where
   * the platform shows an error to a user left without any reply.
   */
  readonly refuse?: () => Promise<unknown>;
}

/**
 * What both platform adapters share around each event: in-flight tracking so a shutdown drains
 * replies, one error boundary (log with context, apologise, keep running), and a bound on how
 * many answers run at once. Each adapter keeps only translation, rendering and its SDK lifecycle.
 */
export interface EventRuntime {
  /** Starts taking events (adapters call it when their connection opens). */
  open(): void;
  /** False before `open` and once `drain` began: the adapter refuses (or politely declines) new work. */
  readonly accepting: boolean;
  /**
   * Runs one event's work inside the error boundary; resolves when it is done, never rejects.
   * Returns false without running it when the runtime is not accepting.
   */
  run(run: EventRun): Promise<boolean>;
  /** Stops accepting and waits for the work in flight, at most `timeoutMs`; resolves what is left. */
  drain(timeoutMs: number): Promise<number>;
}

export function createEventRuntime(options: EventRuntimeOptions): EventRuntime {
  const { logger, platform } = options;
  const inFlight = new Set<Promise<void>>();
  const limit = createWorkLimiter(
    options.concurrency ?? Number.POSITIVE_INFINITY,
    options.beforeWork,
  );
  let accepting = false;

  async function boundary(run: EventRun): Promise<void> {
    const { event, context, work, apologise } = run;
    try {
      await limit(work);
    } catch (error) {
      const line = options.describeFailure?.(error, run);
      logger.error(
        { err: error, event, ...context, ...line?.fields },
        line?.message ?? `${platform} handler failed`,
      );
      if (apologise === undefined) return;
      try {
        await apologise();
      } catch (apologyError) {
        logger.warn({ err: apologyError, event, ...context }, 'could not send the apology');
      }
    }
  }

  return {
    open() {
      accepting = true;
    },
    get accepting() {
      return accepting;
    },
    async run(run) {
      if (!accepting) {
        await run.refuse?.().catch((error: unknown) => {
          logger.debug(
            { err: error, event: run.event, ...run.context },
            'could not refuse politely',
          );
        });
        return false;
      }
      const task = boundary(run).finally(() => inFlight.delete(task));
      inFlight.add(task);
      await task;
      return true;
    },
    async drain(timeoutMs) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
      if (inFlight.size > 0) {
        logger.warn({ pending: inFlight.size }, `${platform} replies still running; abandoned`);
      }
      return inFlight.size;
    },
  };
}

/**
 * Runs at most `concurrency` tasks at once, the rest in arrival order. Answers then cannot crowd
 * out the acknowledgements a platform needs within seconds when a burst arrives together;
 * `beforeStart` may hold each task a little longer (Slack's ack gate).
 */
export function createWorkLimiter(
  concurrency: number,
  beforeStart?: (queuedAt: number) => Promise<void>,
) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limit<T>(task: () => Promise<T>): Promise<T> {
    const queuedAt = performance.now();
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      await beforeStart?.(queuedAt);
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
