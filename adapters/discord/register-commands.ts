import { existsSync } from 'node:fs';
import { BotError } from '../../src/index.js';
import type { Env } from '../adapter.js';
import { ConfigError } from '../config-error.js';
import { registerCommands } from './command-registration.js';
import { readDiscordConfig } from './discord-config.js';

/**
 * `npm run discord:register`: registers /ask globally, or in DISCORD_GUILD_ID only (instant).
 * Besides the composition root, this script is the one place that reads the environment.
 */
function readEnvironment(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return { ...process.env };
}

async function main(): Promise<void> {
  const config = readDiscordConfig(readEnvironment());
  if (config === undefined) {
    throw new ConfigError(
      'DISCORD_TOKEN',
      'and DISCORD_APPLICATION_ID are not set: registering commands needs both',
    );
  }
  const result = await registerCommands(config);
  const where =
    result.scope === 'guild'
      ? `in guild ${result.guildId}`
      : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered /${result.commands.join(', /')} ${where}.\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof BotError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`Could not register Discord commands: ${message}\n`);
  process.exit(1);
});
