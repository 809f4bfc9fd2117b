import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp } from '../../../adapters/app.js';
import {
  blockText,
  createRecordingLogger,
  eventCallback,
  type FakeSlackWebApi,
  type FakeSocketMode,
  mentionEvent,
  nextTs,
  startFakeSlackWebApi,
  startFakeSocketMode,
} from '../../support/slack-fake/index.js';

// A conversation in a Slack thread, through the composition root (`npm start`'s path) on the
// shipped knowledge: a two-part question, then a pronoun follow-up in the same thread.
let api: FakeSlackWebApi;
let socket: FakeSocketMode;
let app: Awaited<ReturnType<typeof startApp>> | undefined;

beforeAll(async () => {
  [api, socket] = await Promise.all([startFakeSlackWebApi(), startFakeSocketMode()]);
  api.setSocketModeUrl(socket.url);
  app = await startApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-conversation',
      SLACK_APP_TOKEN: 'xapp-1-conversation',
      SLACK_API_URL: api.url,
      KNOWLEDGE_PATH: 'knowledge',
      STORE_URL: 'memory://',
    },
    logger: createRecordingLogger(),
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await Promise.all([api?.close(), socket?.close()]);
});
beforeEach(() => api.reset());

async function mention(text: string, ts: string, threadTs?: string): Promise<string> {
  const event = mentionEvent({
    text: `<@${api.botUserId}> ${text}`,
    ts,
    ...(threadTs !== undefined && { threadTs }),
  });
  await socket.sendEvent(eventCallback(event));
  const [call] = await api.waitForCalls('chat.postMessage');
  api.reset();
  expect(call?.args).toMatchObject({ channel: 'CGENERAL1', thread_ts: threadTs ?? ts });
  return blockText(call?.args ?? {});
}

describe('GIVEN a conversation in a Slack thread', () => {
  it('WHEN a message asks two things THEN one reply in the thread answers both, each attributed', async () => {
    const text = await mention('how many troops in kuwait and qatar?', nextTs());
    expect(text).toContain('Kuwait hosts over 13,000');
    expect(text).toContain('Qatar hosts 10,000');
    expect(
      text.match(/According to the U\.S\. Department of Defense/g)?.length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('WHEN a follow-up in the thread says "she" THEN it resolves to the person the last answer was about', async () => {
    const thread = nextTs();
    expect(await mention('who is randa slim?', thread)).toContain('senior fellow');
    const followUp = await mention('where does she work?', nextTs(), thread);
    expect(followUp).toContain('Middle East Institute');
  });

  it('WHEN the same follow-up comes in another thread THEN it has no context there', async () => {
    const thread = nextTs();
    await mention('who is randa slim?', thread);
    const elsewhere = await mention('where does she work?', nextTs());
    expect(elsewhere).not.toContain('Randa Slim is a senior fellow');
  });
});
