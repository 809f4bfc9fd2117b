/**
 * Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `what` in the message. Fakes record calls asynchronously; tests wait for them with this.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves after `ms`; for "nothing more arrives" checks, which need some quiet time. */
export function quiet(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
