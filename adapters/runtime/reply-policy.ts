import type { Reply } from '../../src/index.js';

/**
 * Where a reply would go: a `message` answers a mention or DM, a `command` a slash command, button
 * or shortcut that the platform requires an answer to.
 */
export type Surface = 'message' | 'command';

/**
 * The quiet rule both platforms follow. A duplicate (an event another instance, or an earlier
 * delivery, already answered) is never sent. A rate-limit notice the user already saw this window
 * is not sent to a message, where it would be noise; a command must get some answer, so it is.
 */
export function shouldSend(reply: Reply, surface: Surface): boolean {
  if (reply.kind !== 'decline') return true;
  if (reply.reason === 'duplicate') return false;
  return !(reply.quiet === true && surface === 'message');
}
