import { BotError } from '../../src/index.js';

/** The Discord adapter (or its shards) could not connect, or Discord closed the gateway for good. */
export class DiscordError extends BotError {
  constructor(
    code: 'DISCORD_LOGIN_FAILED' | 'DISCORD_SHARD_FAILED' | 'DISCORD_GATEWAY_CLOSED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
