import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../support/redis-server.js';
import {
  blockText,
  directMessageEvent,
  eventCallback,
  type FakeSlackWebApi,
  postAsSlack,
  startFakeSlackWebApi,
} from '../../support/slack-fake/index.js';
import { type BotProcess, startBotProcess } from './bot-process.js';
import { type SlowProxy, startSlowProxy } from './slow-proxy.js';

// `npm start` with Slack in HTTP mode against the local fake Web API, its store a private
// redis-server behind a proxy that delays every command, so a question is in flight when SIGTERM
// arrives. Events keep coming after the signal: every one acknowledged must still be answered.
const KNOWLEDGE = new URL('../slack/fixtures/lighthouse.yaml', import.meta.url).pathname;
const BOT_TOKEN = 'xoxb-ops-shutdown-token-0123';
const SIGNING_SECRET = 'ops-shutdown-signing-secret-0123456789';
const BOUND_MS = 8_000;
/** Bounds the events sent after the signal, should the server somehow keep accepting them. */
const MAX_LATE_EVENTS = 100;

let redis: RedisServer;
let proxy: SlowProxy;
let api: FakeSlackWebApi;
let bot: BotProcess | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  [proxy, api] = await Promise.all([
    startSlowProxy(redis.port, 0),
    startFakeSlackWebApi({ botToken: BOT_TOKEN }),
  ]);
});
afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await Promise.all([proxy?.close(), api?.close()]);
  await redis?.stop();
});

describe('GIVEN npm start with Slack in HTTP mode', () => {
  it('WHEN SIGTERM arrives with a DM in flight THEN every acknowledged event is answered and it exits 0 within the bound', async () => {
    const running = startBotProcess({
      KNOWLEDGE_PATH: KNOWLEDGE,
      STORE_URL: `redis://127.0.0.1:${proxy.port}`,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: '0',
      SLACK_API_URL: api.url,
      METRICS_PORT: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      SHUTDOWN_TIMEOUT_MS: String(BOUND_MS),
    });
    bot = running;
    const { port: slackPort } = await running.waitForLog('Slack adapter started');
    const { port: opsPort } = await running.waitForLog('metrics and health listening');
    const events = `http://127.0.0.1:${String(slackPort)}/slack/events`;
    const ops = `http://127.0.0.1:${String(opsPort)}`;
    let sent = 0;
    const sendDm = () => {
      sent += 1;
      const event = directMessageEvent({
        text: 'when do you light the lamp?',
        channel: `DOPS${String(sent).padStart(5, '0')}`,
        user: `UOPS${String(sent).padStart(5, '0')}`,
      });
      return postAsSlack(events, {
        body: JSON.stringify(eventCallback(event, { botUserId: api.botUserId })),
        contentType: 'application/json',
        signingSecret: SIGNING_SECRET,
      });
    };

    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    proxy.setDelay(200);
    const before = proxy.chunks;
    const first = await sendDm();
    expect(first.status).toBe(200);
    await proxy.waitForChunksAbove(before);
    const signalled = Date.now();
    running.child.kill('SIGTERM');

    // Keep sending until the server refuses: what it acknowledges in the meantime is accepted work.
    const acknowledged = ['DOPS00001'];
    for (let attempt = 0; attempt < MAX_LATE_EVENTS; attempt++) {
      const response = await sendDm().catch(() => undefined);
      if (response === undefined) break;
      if (response.status === 200) acknowledged.push(`DOPS${String(sent).padStart(5, '0')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const exit = await running.exited;

    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(BOUND_MS);
    const answered = api.callsTo('chat.postMessage');
    expect(answered.map((call) => call.args['channel']).sort()).toEqual(acknowledged.sort());
    for (const call of answered) expect(blockText(call.args)).toContain('lit at sunset');
    expect(running.logs().map((line) => line.msg)).toContain('Slack adapter stopped');
    await expect(fetch(events, { method: 'POST', body: '{}' })).rejects.toThrow();
    console.info(
      `slack http: SIGTERM to exit ${exit.at - signalled} ms; events acknowledged after the signal: ${acknowledged.length - 1}, refused after ${sent - acknowledged.length}`,
    );
  });
});
