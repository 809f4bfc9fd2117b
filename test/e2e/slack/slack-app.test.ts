import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../adapters/app.js';
import { ConfigError } from '../../../adapters/config-error.js';
import {
  blockText,
  createRecordingLogger,
  directMessageEvent,
  eventCallback,
  type FakeSlackWebApi,
  type FakeSocketMode,
  startFakeSlackWebApi,
  startFakeSocketMode,
} from '../../support/slack-fake/index.js';
import { startAppFailure } from '../../support/start-app-failure.js';

// Starts the bot the way `npm start` does: the composition root reads the environment, sees the
// Slack variables (Socket Mode, SLACK_API_URL at the fake) and starts the Slack adapter.
const KNOWLEDGE = new URL('./fixtures/lighthouse.yaml', import.meta.url).pathname;
const logger = createRecordingLogger();
let api: FakeSlackWebApi;
let socket: FakeSocketMode;
let app: Awaited<ReturnType<typeof startApp>> | undefined;

const slackEnv = () => ({
  SLACK_BOT_TOKEN: 'xoxb-composition-root',
  SLACK_APP_TOKEN: 'xapp-1-composition-root',
  SLACK_API_URL: api.url,
  KNOWLEDGE_PATH: KNOWLEDGE,
  STORE_URL: 'memory://',
});

beforeAll(async () => {
  [api, socket] = await Promise.all([startFakeSlackWebApi(), startFakeSocketMode()]);
  api.setSocketModeUrl(socket.url);
  app = await startApp({ env: slackEnv(), logger });
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([api?.close(), socket?.close()]);
});

describe('GIVEN the composition root with Slack variables', () => {
  it('THEN it starts the Slack adapter, and only it, against SLACK_API_URL', () => {
    expect(app?.adapters.map((adapter) => adapter.name)).toEqual(['slack']);
    expect(api.callsTo('auth.test')[0]?.token).toBe('xoxb-composition-root');
    expect(api.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-composition-root');
    expect(socket.openConnections).toBe(1);
  });

  it('THEN a DM is answered from the configured knowledge, with its source', async () => {
    await socket.sendEvent(
      eventCallback(
        directMessageEvent({ text: 'when do you light the lamp?', channel: 'DCOMP0001' }),
      ),
    );
    const [call] = await api.waitForCalls('chat.postMessage');
    expect(call?.args['channel']).toBe('DCOMP0001');
    expect(blockText(call?.args ?? {})).toContain('lit at sunset');
    expect(blockText(call?.args ?? {})).toContain("The Lighthouse Keeper's Handbook");
  });

  it('THEN stopping the app closes the Socket Mode connection', async () => {
    const running = app;
    app = undefined;
    await running?.stop();
    await expect.poll(() => socket.openConnections).toBe(0);
  });

  it('WHEN a Slack variable is missing THEN start fails naming it', async () => {
    const { SLACK_APP_TOKEN: _app, ...httpWithoutSecret } = slackEnv();
    const failure = await startAppFailure({
      env: httpWithoutSecret,
      logger: createRecordingLogger(),
    });
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe('SLACK_SIGNING_SECRET');
  });
});
