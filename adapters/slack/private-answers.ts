import type { SlackMessage } from './render-reply.js';

/**
 * The private answers the bot sent lately, by user, channel and entry. Slack does not send an
 * ephemeral message back with a button press on it, so this is what lets a 👍/👎 on a private
 * answer turn its rating row into the result while the answer stays readable. Bounded; a miss
 * (after a restart, on another instance) only means the rating is acknowledged below instead.
 */
export interface PrivateAnswers {
  remember(key: PrivateAnswerKey, message: SlackMessage): void;
  take(key: PrivateAnswerKey): SlackMessage | undefined;
}

export interface PrivateAnswerKey {
  readonly user: string;
  readonly channel: string;
  readonly entry: string;
}

export function createPrivateAnswers(
  { max = 500, ttlMs = 30 * 60_000 }: { max?: number; ttlMs?: number } = {},
  now: () => number = Date.now,
): PrivateAnswers {
  const answers = new Map<string, { message: SlackMessage; at: number }>();
  const keyOf = (key: PrivateAnswerKey) => `${key.user}\u0000${key.channel}\u0000${key.entry}`;
  return {
    remember(key, message) {
      const id = keyOf(key);
      answers.delete(id);
      answers.set(id, { message, at: now() });
      // Oldest first in a Map: drop from the front.
      for (const oldest of answers.keys()) {
        if (answers.size <= max) break;
        answers.delete(oldest);
      }
    },
    take(key) {
      const id = keyOf(key);
      const found = answers.get(id);
      answers.delete(id);
      return found !== undefined && now() - found.at < ttlMs ? found.message : undefined;
    },
  };
}
