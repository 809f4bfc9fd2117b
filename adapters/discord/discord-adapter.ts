import {
  ActivityType,
  Client,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  Partials,
} from 'discord.js';
import type { Bot, Logger } from '../../src/index.js';
import type { Adapter } from '../adapter.js';
import { ConfigError } from '../config-error.js';
import { ASK_COMMAND } from './commands.js';
import type { DiscordConfig } from './discord-config.js';
import { DiscordError } from './discord-error.js';
import { createDiscordHandlers } from './discord-handlers.js';
import { createEventTracker } from './event-tracker.js';
import { watchGateway } from './gateway-events.js';
import { routeInteraction } from './interaction-router.js';
import { guardPacketHandling } from './packet-guard.js';
import { NO_PINGS } from './render-reply.js';

export interface DiscordAdapterOptions {
  /** Defer an interaction reply when the core takes longer than this (default 2 s of Discord's 3). */
  readonly deferAfterMs?: number;
  /** How long `stop()` waits for replies in flight (default 10 s). */
  readonly drainTimeoutMs?: number;
}

/**
 * Only what the bot needs: guilds (channel cache), guild messages and DMs. Mentions and DMs carry
 * their content without the privileged Message Content intent, so it is not requested.
 */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

/** Creates the Discord adapter: discord.js in, the core's `Bot` behind it, nothing else. */
export function createDiscordAdapter(
  config: DiscordConfig,
  deps: { bot: Bot; logger: Logger },
  options: DiscordAdapterOptions = {},
): Adapter {
  const logger = deps.logger.child({
    adapter: 'discord',
    ...(config.shard && { shards: config.shard.ids }),
  });
  const handlers = createDiscordHandlers({
    bot: deps.bot,
    logger,
    deferAfterMs: options.deferAfterMs ?? 2000,
  });
  const client = createClient(config);
  const tracker = createEventTracker({ client, handlers, logger });
  let stopping = false;
  let stopped: Promise<void> | undefined;
  let fatal: Error | undefined;
  let reject: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, rejectFailed) => {
    reject = rejectFailed;
  });
  // Whoever awaits it sees the rejection; nobody awaiting must not crash the process.
  failed.catch(() => {});

  guardPacketHandling(client, logger);
  client.on(Events.MessageCreate, (message) => {
    const botUserId = client.user?.id;
    // During shutdown a message stays unanswered: a notice would be noise in the channel.
    if (botUserId === undefined || !tracker.accepting) return;
    const context = { message: message.id, channel: message.channelId, user: message.author.id };
    tracker.track('message', context, () => handlers.onMessage(message, botUserId), message);
  });

  client.on(Events.InteractionCreate, (interaction) => {
    const context = {
      interaction: interaction.id,
      channel: interaction.channelId,
      user: interaction.user.id,
    };
    if (interaction.isAutocomplete()) {
      if (interaction.commandName !== ASK_COMMAND || !tracker.accepting) return;
      tracker.track('autocomplete', context, () => handlers.onAutocomplete(interaction));
      return;
    }
    if (!interaction.isRepliable()) return;
    const routed = routeInteraction(interaction, handlers, client.user?.id ?? '');
    tracker.track(routed.event, { ...context, ...routed.context }, routed.work, interaction);
  });

  watchGateway(client, logger, {
    isStopping: () => stopping,
    onFatal: (error) => {
      fatal = error;
      void tracker.drain(0);
      reject(error);
    },
  });

  async function start(): Promise<void> {
    tracker.accept();
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(config.token);
    } catch (error) {
      await tracker.drain(0);
      await client.destroy();
      // A fatal close during login says more than discord.js's own error does.
      throw fatal ?? loginError(error, config);
    }
    // A fatal close before READY (4014: an intent not enabled in the portal) fails the start.
    await Promise.race([ready, failed]);
  }

  async function drainAndClose(): Promise<void> {
    await tracker.drain(options.drainTimeoutMs ?? 10_000);
    stopping = true;
    await client.destroy();
    logger.info('discord stopped');
  }

  return {
    name: 'discord',
    start,
    failed,
    stop() {
      stopped ??= drainAndClose();
      return stopped;
    },
  };
}

/** The discord.js client: only the intents the bot needs, no pings, this process's shards. */
function createClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are not cached; without this discord.js drops DMs.
    partials: [Partials.Channel],
    allowedMentions: { ...NO_PINGS, parse: [] },
    // Sent in IDENTIFY: "Listening to /ask" under the bot's name tells users how to ask.
    presence: { status: 'online', activities: [{ name: '/ask', type: ActivityType.Listening }] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
    // In a shard process: connect only the shards the manager assigned, so each guild is served once.
    ...(config.shard ? { shards: [...config.shard.ids], shardCount: config.shard.count } : {}),
  });
}

function loginError(error: unknown, config: DiscordConfig): Error {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) {
    return new ConfigError(
      'DISCORD_TOKEN',
      'was rejected by Discord: reset the token on the Bot page of the Developer Portal and copy it again',
      { cause: error },
    );
  }
  const where = config.apiUrl ?? 'https://discord.com/api';
  return new DiscordError(
    'DISCORD_LOGIN_FAILED',
    `Could not connect to Discord through ${where}: ${error instanceof Error ? error.message : String(error)}. Check the network${config.apiUrl ? ' and DISCORD_API_URL' : ''}.`,
    { cause: error },
  );
}
