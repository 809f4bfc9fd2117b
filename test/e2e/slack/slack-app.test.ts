import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../adapters/app.js';
import { ConfigError } from '../../../adapters/config-error.js';
import type { SlackAdapter } from '../../../adapters/slack/index.js';
import {
  blockText,
  buttons,
  createRecordingLogger,
  directMessageEvent,
  eventCallback,
  type FakeResponseUrls,
  type FakeSlackWebApi,
  type FakeSocketMode,
  homeOpenedEvent,
  interactionBody,
  messageShortcut,
  postAsSlack,
  type SlackPost,
  startFakeResponseUrls,
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

describe('GIVEN the composition root with Slack HTTP-mode variables and SLACK_HOST', () => {
  const SECRET = 'composition-root-signing-secret';
  let http: Awaited<ReturnType<typeof startApp>> | undefined;
  let web: FakeSlackWebApi;
  let responses: FakeResponseUrls;
  let url = '';
  let adapter: SlackAdapter | undefined;

  beforeAll(async () => {
    [web, responses] = await Promise.all([startFakeSlackWebApi(), startFakeResponseUrls()]);
    http = await startApp({
      env: {
        SLACK_BOT_TOKEN: 'xoxb-composition-root',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_PORT: '0',
        SLACK_HOST: '127.0.0.1',
        SLACK_API_URL: web.url,
        KNOWLEDGE_PATH: KNOWLEDGE,
        STORE_URL: 'memory://',
      },
      logger: createRecordingLogger(),
    });
    adapter = http.adapters[0] as SlackAdapter;
    url = `http://127.0.0.1:${adapter.address()?.port}/slack/events`;
  });
  afterAll(async () => {
    await http?.stop();
    await Promise.all([web?.close(), responses?.close()]);
  });

  const post = (body: string, contentType: SlackPost['contentType']) =>
    postAsSlack(url, { body, contentType, signingSecret: SECRET });

  it('THEN it listens on that interface only', () => {
    expect(adapter?.address()?.address).toBe('127.0.0.1');
  });

  it('WHEN the Home tab is opened THEN the knowledge’s topic and examples are published', async () => {
    await post(JSON.stringify(eventCallback(homeOpenedEvent({}))), 'application/json');
    const [call] = await web.waitForCalls('views.publish');
    const view = call?.args['view'] as { blocks: unknown[] };
    expect(blockText({ blocks: view.blocks })).toContain("The Lighthouse Keeper's Handbook");
    expect(buttons({ blocks: view.blocks }).map((b) => b.value)).toEqual([
      'lamp-lighting-time',
      'lamp-range',
    ]);
  });

  it('WHEN "Ask Knowledge Bot" is used on a message THEN it is answered privately', async () => {
    const responseUrl = responses.newUrl();
    const shortcut = messageShortcut({ text: 'when do you light the lamp?', responseUrl });
    await post(interactionBody(shortcut), 'application/x-www-form-urlencoded');
    const [answer] = await responses.waitForPosts(responseUrl);
    expect(answer?.body['response_type']).toBe('ephemeral');
    expect(blockText(answer?.body ?? {})).toContain('lit at sunset');
  });
});
