import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import { createSilentLogger } from '../../../src/logger.js';
import { childInput, tellParent } from './child-process.js';
import { createLoadBot } from './load-bot.js';

/** The system under test for the Discord load run: real discord.js and core, the parent's simulator. */
export interface DiscordAppInput {
  readonly token: string;
  readonly applicationId: string;
  readonly apiUrl: string;
}

const input = childInput<DiscordAppInput>();
const { bot } = await createLoadBot();
const adapter = createDiscordAdapter(
  { token: input.token, applicationId: input.applicationId, apiUrl: input.apiUrl },
  { bot, logger: createSilentLogger() },
  { drainTimeoutMs: 5000 },
);
await adapter.start();
tellParent({ ready: true });
process.once('SIGTERM', () => {
  void adapter.stop().then(() => {
    tellParent({ stopped: true });
    process.exit(0);
  });
});
