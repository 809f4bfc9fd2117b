import {
  Client,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Message,
  Partials,
  type RepliableInteraction,
} from 'discord.js';
import type { Bot, Logger } from '../../src/index.js';
import type { Adapter } from '../adapter.js';
import { ConfigError } from '../config-error.js';
import { ASK_COMMAND } from './ask-command.js';
import type { DiscordConfig } from './discord-config.js';
import { DiscordError } from './discord-error.js';
import { createDiscordHandlers } from './discord-handlers.js';
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
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    // DM channels are not cached; without this discord.js drops DMs.
    partials: [Partials.Channel],
    allowedMentions: { ...NO_PINGS, parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
    // In a shard process: connect only the shards the manager assigned, so each guild is served once.
    ...(config.shard ? { shards: [...config.shard.ids], shardCount: config.shard.count } : {}),
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = false;
  let stopped: Promise<void> | undefined;

  /** One error boundary per event: log with context, apologise, keep running. */
  function track(
    event: string,
    context: Record<string, unknown>,
    work: () => Promise<void>,
    target?: Message | RepliableInteraction,
  ): void {
    if (!accepting) return;
    const task = work()
      .catch(async (error: unknown) => {
        logger.error({ err: error, event, ...context }, 'discord handler failed');
        if (target === undefined) return;
        await handlers.apologize(target).catch((apologyError: unknown) => {
          logger.warn({ err: apologyError, event, ...context }, 'could not send the apology');
        });
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }

  guardPacketHandling(client, logger);
  client.on(Events.MessageCreate, (message) => {
    const botUserId = client.user?.id;
    if (botUserId === undefined) return;
    const context = { message: message.id, channel: message.channelId, user: message.author.id };
    track('message', context, () => handlers.onMessage(message, botUserId), message);
  });

  client.on(Events.InteractionCreate, (interaction) => {
    const context = {
      interaction: interaction.id,
      channel: interaction.channelId,
      user: interaction.user.id,
    };
    if (interaction.isAutocomplete()) {
      if (interaction.commandName !== ASK_COMMAND) return;
      track('autocomplete', context, () => handlers.onAutocomplete(interaction));
    } else if (interaction.isChatInputCommand()) {
      if (interaction.commandName !== ASK_COMMAND) return;
      track('ask', context, () => handlers.onAsk(interaction), interaction);
    } else if (interaction.isButton()) {
      track(
        'button',
        { ...context, customId: interaction.customId },
        () => handlers.onButton(interaction),
        interaction,
      );
    }
  });

  client.on(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord ready');
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord warning'));
  client.on(Events.ShardError, (error, shard) =>
    logger.warn({ err: error, shard }, 'discord gateway connection error'),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ code: event.code, shard }, 'discord gateway closed for good; not reconnecting'),
  );
  client.on(Events.ShardReconnecting, (shard) =>
    logger.warn({ shard }, 'discord gateway disconnected; reconnecting'),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, 'discord gateway resumed'),
  );

  async function start(): Promise<void> {
    accepting = true;
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(config.token);
    } catch (error) {
      accepting = false;
      await client.destroy();
      throw loginError(error, config);
    }
    await ready;
  }

  async function drainAndClose(): Promise<void> {
    accepting = false;
    const drained = Promise.allSettled([...inFlight]);
    const timeout = new Promise((resolve) =>
      setTimeout(resolve, options.drainTimeoutMs ?? 10_000).unref(),
    );
    await Promise.race([drained, timeout]);
    await client.destroy();
    logger.info('discord stopped');
  }

  return {
    name: 'discord',
    start,
    stop() {
      stopped ??= drainAndClose();
      return stopped;
    },
  };
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
