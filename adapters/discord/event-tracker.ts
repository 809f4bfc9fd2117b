import type { Client, Message, RepliableInteraction } from 'discord.js';
import type { Logger } from '../../src/index.js';
import { createEventRuntime } from '../runtime/event-runtime.js';
import type { DiscordHandlers } from './discord-handlers.js';
import { RESTARTING } from './discord-handlers.js';
import { missingPermissions } from './rest-errors.js';

type Target = Message | RepliableInteraction;

/**
 * Discord's side of the shared event runtime: what an apology and a "restarting" note are for a
 * message or an interaction, and a failure line that names the permission an admin must grant.
 * While not accepting (before start, during shutdown) an interaction gets the private note instead
 * of nothing, so Discord does not show "This interaction failed".
 */
export function createEventTracker(deps: {
  readonly client: Client;
  readonly handlers: DiscordHandlers;
  readonly logger: Logger;
}) {
  const { client, handlers, logger } = deps;
  const targets = new WeakMap<object, Target>();
  const runtime = createEventRuntime({
    platform: 'discord',
    logger,
    describeFailure: (error, run) => {
      const target = targets.get(run);
      const missing = missingPermissions(error, target?.channel ?? null, client.user);
      return missing
        ? {
            fields: { missingPermissions: missing },
            message: `discord refused for lack of permissions: grant the bot ${missing.join(', ')} in this channel`,
          }
        : undefined;
    },
  });

  /** Runs one event's work: log with context, apologise, keep running. */
  function track(
    event: string,
    context: Record<string, unknown>,
    work: () => Promise<void>,
    target?: Target,
  ): void {
    const run = {
      event,
      context,
      work,
      ...(target && { apologise: () => handlers.apologize(target) }),
      ...(target && !('author' in target) && { refuse: () => handlers.notice(target, RESTARTING) }),
    };
    if (target) targets.set(run, target);
    void runtime.run(run);
  }

  return {
    track,
    get accepting(): boolean {
      return runtime.accepting;
    },
    accept: () => runtime.open(),
    /** Stops taking events; resolves when the replies in flight are done or after `timeoutMs`. */
    drain: async (timeoutMs: number): Promise<void> => {
      await runtime.drain(timeoutMs);
    },
  };
}

export type EventTracker = ReturnType<typeof createEventTracker>;
