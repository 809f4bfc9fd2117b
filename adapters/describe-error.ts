import { BotError } from '../src/index.js';

/**
 * What to print when an entry point fails. Our errors already say how to fix the problem, so their
 * message is enough; anything else is unexpected and keeps its stack for the bug report.
 */
export function describeError(error: unknown): string {
  if (error instanceof BotError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
