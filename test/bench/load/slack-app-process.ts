import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { createSilentLogger } from '../../../src/logger.js';
import { childInput, tellParent } from './child-process.js';
import { createLoadBot } from './load-bot.js';

/**
 * The system under test for the Slack load run: the real adapter in HTTP mode with the real core
 * on the shipped knowledge, talking to the parent's fake Web API. Logs are silenced so the run
 * measures the bot, not the terminal.
 */
export interface SlackAppInput {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly signingSecret: string;
}

const input = childInput<SlackAppInput>();
const { bot } = await createLoadBot();
const adapter = createSlackAdapter(
  {
    mode: 'http',
    botToken: input.botToken,
    signingSecret: input.signingSecret,
    port: 0,
    host: '127.0.0.1',
    apiUrl: input.apiUrl,
  },
  { bot, logger: createSilentLogger() },
);
await adapter.start();
tellParent({ port: adapter.address()?.port });
process.once('SIGTERM', () => {
  void adapter.stop().then(() => {
    tellParent({ stopped: true });
    process.exit(0);
  });
});
