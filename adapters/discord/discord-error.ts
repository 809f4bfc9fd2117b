import { BotError } from '../../src/index.js';

/** The Discord adapter (or its shards) could not connect or was refused by Discord. */
export class DiscordError extends BotError {
  constructor(
    code: 'DISCORD_LOGIN_FAILED' | 'DISCORD_SHARD_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
