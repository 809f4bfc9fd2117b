import { REST, Routes } from 'discord.js';
import { discordCommands } from './ask-command.js';
import type { DiscordConfig } from './discord-config.js';

export interface RegistrationResult {
  readonly scope: 'global' | 'guild';
  readonly guildId?: string;
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
  const stored = (await rest.put(route, { body: discordCommands })) as readonly { name: string }[];
  return {
    scope: config.guildId ? 'guild' : 'global',
    ...(config.guildId ? { guildId: config.guildId } : {}),
    commands: stored.map((command) => command.name),
  };
}
