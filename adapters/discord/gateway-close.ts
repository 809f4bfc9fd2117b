import { GatewayCloseCodes } from 'discord.js';
import { DiscordError } from './discord-error.js';

/** What to fix for each close code after which discord.js does not reconnect. */
const FIXES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    'authentication failed: the token was reset or revoked; copy a new one into DISCORD_TOKEN (Developer Portal → Bot → Reset Token)',
  [GatewayCloseCodes.InvalidIntents]: 'the requested intents are invalid',
  [GatewayCloseCodes.DisallowedIntents]:
    'the bot asked for a privileged intent that is not enabled (Developer Portal → Bot → Privileged Gateway Intents)',
  [GatewayCloseCodes.InvalidShard]: 'the shard settings are invalid: check DISCORD_SHARDS',
  [GatewayCloseCodes.ShardingRequired]:
    'the bot is in too many servers for one connection: set DISCORD_SHARDS=auto',
  [GatewayCloseCodes.InvalidAPIVersion]: 'the gateway API version is no longer supported',
};

/** The error an adapter fails with when Discord closed the gateway for good. */
export function gatewayClosedError(code: number): DiscordError {
  const fix = FIXES[code] ?? 'Discord will not accept this connection again';
  return new DiscordError(
    'DISCORD_GATEWAY_CLOSED',
    `Discord closed the gateway connection with ${code}: ${fix}. The bot cannot answer Discord any more and stops.`,
  );
}
