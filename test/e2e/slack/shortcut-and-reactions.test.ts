import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockText,
  buttons,
  directMessageEvent,
  mentionEvent,
  messageShortcut,
  nextTs,
  quiet,
} from '../../support/slack-fake/index.js';
import { type HttpHarness, startHttpHarness } from './http-harness.js';

let h: HttpHarness;
let question: string;
let answer: string;

beforeAll(async () => {
  h = await startHttpHarness();
  const entry = h.bot.knowledge.entries[0];
  question = entry?.questions[0] ?? '';
  answer = entry?.answer ?? '';
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

describe('GIVEN the "Ask Knowledge Bot" message shortcut', () => {
  it('WHEN used on someone’s message THEN its text is answered privately through response_url', async () => {
    const release = h.bot.hold();
    const responseUrl = h.responses.newUrl();
    const ack = await h.sendInteraction(
      messageShortcut({ text: question, responseUrl, channel: 'CGENERAL1', author: 'UBOB0001' }),
    );
    expect(ack.status).toBe(200);
    release();
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(post?.body ?? {})).toContain(answer.slice(0, 40));
    expect(buttons(post?.body ?? {}).map((b) => b.actionId)).toContain('kb_share');
    expect(h.bot.queries.at(-1)).toMatchObject({
      text: question,
      user: 'UALICE01',
      conversation: 'CGENERAL1',
    });
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('GIVEN a question by mention or DM', () => {
  it('WHEN it is being answered THEN it carries 👀, removed once the answer is posted', async () => {
    const ts = nextTs();
    const release = h.bot.hold();
    await h.sendEvent(mentionEvent({ text: `<@${h.api.botUserId}> ${question}`, ts }));
    const [added] = await h.api.waitForCalls('reactions.add');
    expect(added?.args).toMatchObject({ channel: 'CGENERAL1', timestamp: ts, name: 'eyes' });
    expect(h.api.callsTo('reactions.remove')).toHaveLength(0);
    release();
    const [removed] = await h.api.waitForCalls('reactions.remove');
    expect(removed?.args).toMatchObject({ channel: 'CGENERAL1', timestamp: ts, name: 'eyes' });
    const order = h.api.calls.map((call) => call.method);
    expect(order.indexOf('chat.postMessage')).toBeLessThan(order.indexOf('reactions.remove'));
  });

  it('WHEN Slack retries the event THEN the retry adds no 👀 (it would come off too early)', async () => {
    await h.sendEvent(directMessageEvent({ text: question }), { retryNum: 1 });
    await h.api.waitForCalls('chat.postMessage');
    await quiet(100);
    expect(h.api.callsTo('reactions.add')).toHaveLength(0);
  });

  it('WHEN the app lacks reactions:write THEN questions are still answered and it stops trying', async () => {
    h.api.fail('reactions.add', { error: 'missing_scope' });
    const from = h.logs.length;
    await h.sendEvent(directMessageEvent({ text: question }));
    await h.api.waitForCalls('chat.postMessage');
    await h.sendEvent(directMessageEvent({ text: question }));
    await h.api.waitForCalls('chat.postMessage', 2);
    await quiet(100);
    expect(h.api.callsTo('reactions.add')).toHaveLength(1);
    expect(h.api.callsTo('reactions.remove')).toHaveLength(0);
    const noted = h.logs.slice(from).filter((r) => /reactions:write/.test(r.message));
    expect(noted.map((r) => r.level)).toEqual(['debug']);
    expect(h.logs.slice(from).filter((r) => r.level === 'error' || r.level === 'warn')).toEqual([]);
  });
});
