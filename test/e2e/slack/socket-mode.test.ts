import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import {
  blockText,
  buttonPress,
  createRecordingLogger,
  directMessageEvent,
  eventCallback,
  type FakeResponseUrls,
  type FakeSlackWebApi,
  type FakeSocketMode,
  mentionEvent,
  nextEventId,
  nextTs,
  quiet,
  slashCommand,
  startFakeResponseUrls,
  startFakeSlackWebApi,
  startFakeSocketMode,
} from '../../support/slack-fake/index.js';
import { createTestBot, type TestBot } from './test-bot.js';

let bot: TestBot;
let api: FakeSlackWebApi;
let socket: FakeSocketMode;
let responses: FakeResponseUrls;
let adapter: SlackAdapter;
let question: string;
let answer: string;

beforeAll(async () => {
  [bot, api, socket, responses] = await Promise.all([
    createTestBot(),
    startFakeSlackWebApi(),
    startFakeSocketMode({ pingIntervalMs: 1000 }),
    startFakeResponseUrls(),
  ]);
  api.setSocketModeUrl(socket.url);
  const entry = bot.knowledge.entries[0];
  question = entry?.questions[0] ?? '';
  answer = entry?.answer ?? '';
  adapter = createSlackAdapter(
    {
      mode: 'socket',
      botToken: 'xoxb-socket-test',
      appToken: 'xapp-1-socket-test',
      apiUrl: api.url,
    },
    { bot, logger: createRecordingLogger() },
  );
  // Resolves only once the fake has said hello on the WebSocket.
  await adapter.start();
});
afterAll(async () => {
  await adapter.stop();
  await Promise.all([api.close(), socket.close(), responses.close()]);
});
beforeEach(() => api.reset());

describe('GIVEN the Slack adapter in Socket Mode', () => {
  it('WHEN started THEN it verified the bot token and opened the socket with the app token', () => {
    expect(socket.openConnections).toBe(1);
    expect(adapter.address()).toBeUndefined();
  });

  it('WHEN a mention arrives THEN the envelope is acked and the answer goes to the thread', async () => {
    const ts = nextTs();
    const ack = await socket.sendEvent(
      eventCallback(mentionEvent({ text: `<@${api.botUserId}> ${question}`, ts })),
    );
    expect(ack.envelope_id).toBeTruthy();
    const [call] = await api.waitForCalls('chat.postMessage');
    expect(call?.token).toBe('xoxb-socket-test');
    expect(call?.args).toMatchObject({ channel: 'CGENERAL1', thread_ts: ts });
    expect(blockText(call?.args ?? {})).toContain(answer.slice(0, 40));
  });

  it('WHEN /ask arrives over the socket THEN it is acked and answered through response_url', async () => {
    const responseUrl = responses.newUrl();
    const release = bot.hold();
    const ack = await socket.sendSlashCommand(slashCommand({ text: question, responseUrl }));
    expect(ack.envelope_id).toBeTruthy();
    expect(responses.postsTo(responseUrl)).toHaveLength(0);
    release();
    const [post] = await responses.waitForPosts(responseUrl);
    expect(post?.body['response_type']).toBe('ephemeral');
    expect(blockText(post?.body ?? {})).toContain(answer.slice(0, 40));
  });

  it('WHEN a button is pressed THEN the interaction is acked and handled', async () => {
    const entry = bot.knowledge.entries[1];
    const responseUrl = responses.newUrl();
    await socket.sendInteractive(
      buttonPress({
        actionId: 'kb_choose:0',
        value: entry?.id ?? '',
        responseUrl,
        ephemeral: true,
      }),
    );
    const [post] = await responses.waitForPosts(responseUrl);
    expect(blockText(post?.body ?? {})).toContain(entry?.answer.slice(0, 40));
  });

  it('WHEN Slack redelivers an event THEN it is answered once', async () => {
    const payload = eventCallback(directMessageEvent({ text: question }), {
      eventId: nextEventId(),
    });
    await socket.sendEvent(payload);
    await socket.sendEvent(payload, 1);
    await api.waitForCalls('chat.postMessage');
    await quiet(300);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('WHEN Slack asks the app to reconnect THEN it opens a new connection and keeps answering', async () => {
    const before = socket.connectionCount;
    socket.requestReconnect('refresh_requested');
    await socket.waitForConnections(before + 1, 15_000);
    // The new connection must be greeted and ready before envelopes are accepted on it.
    await quiet(100);
    await socket.sendEvent(eventCallback(directMessageEvent({ text: question })));
    const [call] = await api.waitForCalls('chat.postMessage');
    expect(blockText(call?.args ?? {})).toContain(answer.slice(0, 40));
    expect(api.callsTo('apps.connections.open').at(-1)?.token).toBe('xapp-1-socket-test');
  });
});
