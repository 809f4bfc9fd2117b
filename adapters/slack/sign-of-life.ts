import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/index.js';
import { platformError } from './slack-retry.js';

const REACTION = 'eyes';

/** An 👀 reaction on a question while it is answered, so the asker sees the bot is on it. */
export interface SignOfLife {
  /** Runs `work` with the reaction on the message `ts` in `channel`; removed when `work` ends. */
  during<T>(channel: string, ts: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Reactions need the `reactions:write` scope. A workspace that installed the app before the scope
 * was added answers `missing_scope`: then the reaction is skipped for good, noted once at debug.
 * No reaction failure ever touches the answer.
 */
export function createSignOfLife(client: webApi.WebClient, logger: Logger): SignOfLife {
  let missingScope = false;
  const react = async (method: 'add' | 'remove', channel: string, ts: string) => {
    if (missingScope) return;
    try {
      await client.reactions[method]({ channel, timestamp: ts, name: REACTION });
    } catch (error) {
      const code = platformError(error);
      if (code === 'missing_scope') {
        if (!missingScope) {
          logger.debug(
            'No reactions:write scope: questions get no 👀 while answered (reinstall the app to grant it)',
          );
        }
        missingScope = true;
        return;
      }
      logger.debug({ err: error, code, channel }, `Could not ${method} the 👀 reaction`);
    }
  };
  return {
    async during(channel, ts, work) {
      const adding = react('add', channel, ts);
      try {
        return await work();
      } finally {
        await adding;
        await react('remove', channel, ts);
      }
    },
  };
}
