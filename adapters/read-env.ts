import { existsSync } from 'node:fs';
import type { Env } from './adapter.js';

/** Where the bot's settings file lives, relative to the folder it is started from. */
export const ENV_FILE = '.env';

/**
 * The environment every entry point runs with: the process environment plus `.env` when present
 * (a variable already set in the environment wins over the file). `npm start`, `npm run ask` and
 * `npm run kb` all read their settings through here, so none of them can see other settings.
 */
export function readEnv(): Env {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  return { ...process.env };
}
