import { ApplicationCommandType, DiscordAPIError, REST, Routes } from 'discord.js';
import { ConfigError } from '../config-error.js';
import { discordCommands } from './commands.js';
import type { DiscordConfig } from './discord-config.js';

export interface RegistrationResult {
  readonly scope: 'global' | 'guild';
  readonly guildId?: string;
  /** What was registered, as a user finds it: `/ask`, `/help`, `"Ask Knowledge Bot" (message menu)`. */
  readonly commands: readonly string[];
}

/**
 * Replaces the application's commands with ours (a bulk PUT, so it is safe to run again). With a
 * guild id the commands appear in that guild at once; global ones can take a while to show.
 */
export async function registerCommands(config: DiscordConfig): Promise<RegistrationResult> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  let stored: readonly { name: string; type?: number }[];
  try {
    stored = (await rest.put(route, { body: discordCommands })) as typeof stored;
  } catch (error) {
    throw explain(error, config);
  }
  return {
    scope: config.guildId ? 'guild' : 'global',
    ...(config.guildId ? { guildId: config.guildId } : {}),
    commands: stored.map((command) =>
      command.type === ApplicationCommandType.Message
        ? `"${command.name}" (message menu)`
        : `/${command.name}`,
    ),
  };
}

/** Turns Discord's refusals into errors that name the setting to fix. */
function explain(error: unknown, config: DiscordConfig): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (error.status === 401) {
    return new ConfigError(
      'DISCORD_TOKEN',
      'was rejected by Discord (401): reset the token on the Bot page of the Developer Portal and copy it again',
      { cause: error },
    );
  }
  if (error.status === 403 && config.guildId) {
    return new ConfigError(
      'DISCORD_GUILD_ID',
      `names a guild the bot cannot manage commands in (403): invite the bot there with the "bot applications.commands" scopes, or unset it to register globally`,
      { cause: error },
    );
  }
  if (error.status === 403) {
    return new ConfigError(
      'DISCORD_APPLICATION_ID',
      'does not belong to this bot token (403): copy both from the same application in the Developer Portal',
      { cause: error },
    );
  }
  return error;
}
