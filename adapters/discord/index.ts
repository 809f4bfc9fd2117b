export { type RegistrationResult, registerCommands } from './command-registration.js';
export { askCommand, askMessageCommand, discordCommands, helpCommand } from './commands.js';
export {
  createDiscordAdapter,
  DISCORD_INTENTS,
  type DiscordAdapterOptions,
} from './discord-adapter.js';
export {
  DISCORD_VARIABLES,
  type DiscordConfig,
  readDiscordConfig,
  type ShardAssignment,
} from './discord-config.js';
export { DiscordError } from './discord-error.js';
export {
  createDiscordShardManager,
  type DiscordShardManagerOptions,
} from './discord-shard-manager.js';
