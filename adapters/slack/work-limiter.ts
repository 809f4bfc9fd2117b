/**
 * Runs at most `concurrency` tasks at once, the rest in arrival order. Answers (the core plus a
 * Web API or response_url call each) then cannot crowd out the acknowledgements Slack needs
 * within 3 s when a burst of requests arrives together; `beforeStart` (the ack gate) may hold each
 * task until the acknowledgements waiting have been sent.
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
