import type { Client, Message, RepliableInteraction } from 'discord.js';
import type { Logger } from '../../src/index.js';
import type { DiscordHandlers } from './discord-handlers.js';
import { RESTARTING } from './discord-handlers.js';
import { missingPermissions } from './rest-errors.js';

/**
 * The adapter's one error boundary per event, and the replies in flight that a stop waits for.
 * While not accepting (before start, during shutdown) an interaction gets a private "restarting"
 * note instead of nothing, so Discord does not show "This interaction failed".
 */
export function createEventTracker(deps: {
  readonly client: Client;
  readonly handlers: DiscordHandlers;
  readonly logger: Logger;
}) {
  const { client, handlers, logger } = deps;
  const inFlight = new Set<Promise<void>>();
  let accepting = false;

  function logFailure(
    error: unknown,
    event: string,
    context: Record<string, unknown>,
    target?: Message | RepliableInteraction,
  ) {
    const missing = missingPermissions(error, target?.channel ?? null, client.user);
    if (missing) {
      logger.error(
        { err: error, event, ...context, missingPermissions: missing },
        `discord refused for lack of permissions: grant the bot ${missing.join(', ')} in this channel`,
      );
    } else {
      logger.error({ err: error, event, ...context }, 'discord handler failed');
    }
  }

  /** Runs one event's work: log with context, apologise, keep running. */
  function track(
    event: string,
    context: Record<string, unknown>,
    work: () => Promise<void>,
    target?: Message | RepliableInteraction,
  ): void {
    if (!accepting) {
      if (target !== undefined && !('author' in target)) {
        handlers.notice(target, RESTARTING).catch((error: unknown) => {
          logger.debug({ err: error, event, ...context }, 'could not send the restarting notice');
        });
      }
      return;
    }
    const task = work()
      .catch(async (error: unknown) => {
        logFailure(error, event, context, target);
        if (target === undefined) return;
        await handlers.apologize(target).catch((apologyError: unknown) => {
          logger.warn({ err: apologyError, event, ...context }, 'could not send the apology');
        });
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }

  return {
    track,
    get accepting(): boolean {
      return accepting;
    },
    accept(): void {
      accepting = true;
    },
    /** Stops taking events; resolves when the replies in flight are done or after `timeoutMs`. */
    async drain(timeoutMs: number): Promise<void> {
      accepting = false;
      const drained = Promise.allSettled([...inFlight]);
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([drained, timeout]);
    },
  };
}

export type EventTracker = ReturnType<typeof createEventTracker>;
