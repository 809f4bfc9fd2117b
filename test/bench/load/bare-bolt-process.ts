import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { childInput, tellParent } from './child-process.js';
import type { SlackAppInput } from './slack-app-process.js';

/** The baseline: a bare Bolt app (same version, HTTP receiver) whose `/ask` only acknowledges. */
const input = childInput<SlackAppInput>();
const app = new App({
  token: input.botToken,
  signingSecret: input.signingSecret,
  clientOptions: { slackApiUrl: input.apiUrl },
  logLevel: LogLevel.ERROR,
  deferInitialization: true,
});
app.command('/ask', async ({ ack }) => {
  await ack();
});
await app.init();
const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
tellParent({ port: (server.address() as AddressInfo).port });
process.once('SIGTERM', () => {
  void app.stop().then(() => {
    tellParent({ stopped: true });
    process.exit(0);
  });
});
