import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, SlackAdapterError } from '../../../adapters/slack/index.js';
import type { Bot } from '../../../src/bot-types.js';
import {
  createRecordingLogger,
  type FakeSlackWebApi,
  type FakeSocketMode,
  quiet,
  startFakeSlackWebApi,
  startFakeSocketMode,
} from '../../support/slack-fake/index.js';

// Start-up never reaches the core, so any Bot will do; this one fails loudly if it is reached.
const unreachable = (): never => {
  throw new Error('the core must not be called while starting');
};
const bot: Bot = {
  handle: unreachable,
  choose: unreachable,
  feedback: unreachable,
  flush: async () => {},
  complete: unreachable,
  about: unreachable,
};

let api: FakeSlackWebApi;
let socket: FakeSocketMode;

beforeAll(async () => {
  [api, socket] = await Promise.all([
    startFakeSlackWebApi({ botToken: 'xoxb-the-right-one' }),
    startFakeSocketMode(),
  ]);
  api.setSocketModeUrl(socket.url);
});
afterAll(() => Promise.all([api.close(), socket.close()]));

describe('GIVEN Slack refuses or the port is taken WHEN the adapter starts', () => {
  it('THEN a rejected bot token names SLACK_BOT_TOKEN', async () => {
    const adapter = createSlackAdapter(
      { mode: 'socket', botToken: 'xoxb-revoked', appToken: 'xapp-1-ok', apiUrl: api.url },
      { bot, logger: createRecordingLogger() },
    );
    const failure = adapter.start();
    await expect(failure).rejects.toBeInstanceOf(SlackAdapterError);
    await expect(failure).rejects.toMatchObject({ code: 'SLACK_AUTH' });
    await expect(failure).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
    await adapter.stop();
    expect(socket.connectionCount).toBe(0);
  });

  it('THEN a rejected app token names SLACK_APP_TOKEN', async () => {
    const adapter = createSlackAdapter(
      {
        mode: 'socket',
        botToken: 'xoxb-the-right-one',
        appToken: 'xoxb-wrong-kind',
        apiUrl: api.url,
      },
      { bot, logger: createRecordingLogger() },
    );
    await expect(adapter.start()).rejects.toThrow(/SLACK_APP_TOKEN/);
    await adapter.stop();
  });

  it('THEN an unreachable Web API names SLACK_API_URL', async () => {
    const closed = await freePort();
    const adapter = createSlackAdapter(
      {
        mode: 'socket',
        botToken: 'xoxb-the-right-one',
        appToken: 'xapp-1-ok',
        apiUrl: `http://127.0.0.1:${closed}/api/`,
      },
      { bot, logger: createRecordingLogger() },
    );
    const failure = adapter.start();
    await expect(failure).rejects.toMatchObject({ code: 'SLACK_CONNECT' });
    await expect(failure).rejects.toThrow(/SLACK_API_URL/);
    // A failed adapter is not restarted half-initialised.
    await expect(adapter.start()).rejects.toThrow(/cannot start/);
    await adapter.stop();
  }, 30_000);

  it('THEN while Slack is unavailable Socket Mode start waits, and stop() ends its retries', async () => {
    api.reset();
    api.fail('apps.connections.open', { error: 'internal_error' });
    const adapter = createSlackAdapter(
      { mode: 'socket', botToken: 'xoxb-the-right-one', appToken: 'xapp-1-ok', apiUrl: api.url },
      { bot, logger: createRecordingLogger() },
    );
    let settled = false;
    void adapter.start().then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await api.waitForCalls('apps.connections.open', 1);
    expect(settled).toBe(false);
    await adapter.stop();
    // The Socket Mode client would try again 5 s after the first failure; it must not.
    await quiet(6000);
    expect(api.callsTo('apps.connections.open')).toHaveLength(1);
    api.reset();
  }, 30_000);

  it('THEN a port in use names SLACK_PORT', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const adapter = createSlackAdapter(
        {
          mode: 'http',
          botToken: 'xoxb-the-right-one',
          signingSecret: 'secret',
          port,
          host: '127.0.0.1',
          apiUrl: api.url,
        },
        { bot, logger: createRecordingLogger() },
      );
      await expect(adapter.start()).rejects.toMatchObject({ code: 'SLACK_LISTEN' });
      await adapter.stop();
      await adapter.stop();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
