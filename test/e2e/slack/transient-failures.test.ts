import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockText,
  buttonPress,
  directMessageEvent,
  quiet,
  slashCommand,
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
beforeEach(() => {
  h.api.reset();
  h.responses.failWith(undefined);
});

describe('GIVEN Slack fails for a moment', () => {
  it('WHEN chat.postMessage answers "ratelimited" with Retry-After THEN the answer is sent after the wait', async () => {
    h.api.fail('chat.postMessage', { error: 'ratelimited', retryAfter: 1, times: 1 });
    const sent = Date.now();
    await h.sendEvent(directMessageEvent({ text: question }));
    const calls = await h.api.waitForCalls('chat.postMessage', 2, 10_000);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(900);
    expect(blockText(calls[1]?.args ?? {})).toContain(answer.slice(0, 40));
    await quiet(200);
    // One refused try, one answer, no apology.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('WHEN response_url answers 500 twice THEN /ask is answered on the third try', async () => {
    h.responses.failWith(500, 2);
    const responseUrl = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: question, responseUrl }));
    const [post] = await h.responses.waitForPosts(responseUrl, 1, 10_000);
    expect(blockText(post?.body ?? {})).toContain(answer.slice(0, 40));
    expect(h.responses.attempts.filter((a) => a.url === responseUrl)).toHaveLength(3);
  });

  it('WHEN response_url stays down THEN it tries no more than Slack allows and keeps running', async () => {
    h.responses.failWith(503);
    const responseUrl = h.responses.newUrl();
    const from = h.logs.length;
    await h.sendInteraction(
      buttonPress({ actionId: 'kb_feedback_up', value: 'x', responseUrl, ephemeral: true }),
    );
    await h.waitForLog((r) => r.level === 'error', 20_000, from);
    await quiet(3000);
    const tries = h.responses.attempts.filter((a) => a.url === responseUrl).length;
    expect(tries).toBeGreaterThan(1);
    expect(tries).toBeLessThanOrEqual(5);

    h.responses.failWith(undefined);
    const next = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: question, responseUrl: next }));
    await h.responses.waitForPosts(next);
  }, 30_000);

  it('WHEN answering fails THEN the apology blames neither the user nor the bot', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: 'explode', responseUrl }));
    const [post] = await h.responses.waitForPosts(responseUrl);
    const apology = blockText(post?.body ?? {});
    expect(apology).toMatch(/^Sorry/);
    expect(apology).not.toMatch(/my side|my fault|your (question|fault)|you did/i);
  });
});
