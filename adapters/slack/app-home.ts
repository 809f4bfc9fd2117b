import type { webApi } from '@slack/bolt';
import type { Bot, Logger } from '../../src/index.js';
import { renderHome } from './render-home.js';
import { classifyWebApiError, withRetries } from './slack-retry.js';

/** Example questions on the Home tab. */
const HOME_EXAMPLES = 5;

export interface HomeOptions {
  readonly slashCommand: string;
  /** How often to look whether the knowledge changed (a reload), to refresh open Home tabs. */
  readonly refreshMs?: number;
  /** Users whose Home tab is refreshed after a reload: the most recent openers, at most this many… */
  readonly maxUsers?: number;
  /** …who opened it within this long. */
  readonly recentMs?: number;
}

/** Publishes the App Home tab (`views.publish`) when it is opened, and again after a reload. */
export interface HomePublisher {
  opened(user: string, channel: string): Promise<void>;
  start(): void;
  stop(): void;
}

export function createHomePublisher(
  deps: { readonly bot: Bot; readonly client: webApi.WebClient; readonly logger: Logger },
  options: HomeOptions,
): HomePublisher {
  const { bot, client, logger } = deps;
  const { refreshMs = 30_000, maxUsers = 200, recentMs = 24 * 60 * 60_000 } = options;
  // Insertion order is recency: re-opening moves a user to the end.
  const openers = new Map<string, { channel: string; at: number }>();
  // Taken at start(), so that constructing the adapter asks the core nothing.
  let published: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const publish = async (user: string, channel: string) => {
    const view = renderHome(bot.about(HOME_EXAMPLES), {
      slashCommand: options.slashCommand,
      dmChannel: channel,
    });
    await withRetries(() => client.views.publish({ user_id: user, view }), classifyWebApiError);
  };

  const refresh = async () => {
    const now = fingerprint(bot);
    if (now === published) return;
    published = now;
    const since = Date.now() - recentMs;
    const recent = [...openers].filter(([, seen]) => seen.at >= since).reverse();
    logger.info({ users: recent.length }, 'Knowledge changed: refreshing open Slack Home tabs');
    // One at a time: views.publish is rate limited per workspace, and nobody is waiting on these.
    for (const [user, { channel }] of recent) {
      try {
        await publish(user, channel);
      } catch (error) {
        logger.warn({ err: error, user }, 'Could not refresh a Slack Home tab');
      }
    }
  };

  return {
    async opened(user, channel) {
      openers.delete(user);
      openers.set(user, { channel, at: Date.now() });
      for (const oldest of openers.keys()) {
        if (openers.size <= maxUsers) break;
        openers.delete(oldest);
      }
      await publish(user, channel);
    },
    start() {
      published = fingerprint(bot);
      timer = setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** What the Home tab shows, as one string: a change means the knowledge was reloaded. */
function fingerprint(bot: Bot): string {
  return JSON.stringify(bot.about(HOME_EXAMPLES));
}
