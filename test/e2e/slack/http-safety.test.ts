import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockText,
  buttonPress,
  directMessageEvent,
  eventCallback,
  mentionEvent,
  nextEventId,
  postAsSlack,
  quiet,
  slashCommand,
  viewSubmission,
  visibleText,
} from '../../support/slack-fake/index.js';
import { type HttpHarness, SIGNING_SECRET, startHttpHarness } from './http-harness.js';
import { longText } from './test-bot.js';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

const event = () => JSON.stringify(eventCallback(directMessageEvent({ text: 'hello' })));

describe('GIVEN the Slack adapter in HTTP mode', () => {
  it('WHEN a request has a bad signature THEN it answers 401 and the core hears nothing', async () => {
    const before = h.bot.queries.length;
    const response = await postAsSlack(h.url, {
      body: event(),
      contentType: 'application/json',
      signingSecret: 'not-the-signing-secret',
    });
    expect(response.status).toBe(401);
    const tampered = await postAsSlack(h.url, {
      body: event(),
      contentType: 'application/json',
      signingSecret: SIGNING_SECRET,
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(tampered.status).toBe(401);
    await quiet(100);
    expect(h.bot.queries.length).toBe(before);
  });

  it('WHEN a correctly signed request is more than 5 minutes old THEN it is rejected (replay)', async () => {
    const before = h.bot.queries.length;
    const response = await postAsSlack(h.url, {
      body: event(),
      contentType: 'application/json',
      signingSecret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(response.status).toBe(401);
    await quiet(100);
    expect(h.bot.queries.length).toBe(before);
  });

  it('WHEN a correctly signed request is dated more than 5 minutes ahead THEN it is rejected too', async () => {
    const before = h.bot.queries.length;
    const future = await postAsSlack(h.url, {
      body: event(),
      contentType: 'application/json',
      signingSecret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) + 60 * 60,
    });
    expect(future.status).toBe(401);
    // A little clock skew is fine, as in the past.
    const skewed = await postAsSlack(h.url, {
      body: event(),
      contentType: 'application/json',
      signingSecret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) + 60,
    });
    expect(skewed.status).toBe(200);
    await h.api.waitForCalls('chat.postMessage');
    expect(h.bot.queries.length).toBe(before + 1);
  });

  it('WHEN a signed payload no listener takes arrives THEN it is acknowledged at once and noted at debug', async () => {
    const from = h.logs.length;
    const started = performance.now();
    const submission = await h.sendInteraction(viewSubmission());
    const limited = await postAsSlack(h.url, {
      body: JSON.stringify({
        token: 'legacy',
        type: 'app_rate_limited',
        team_id: 'TTEAM001',
        minute_rate_limited: 1,
        api_app_id: 'AFAKE0001',
      }),
      contentType: 'application/json',
      signingSecret: SIGNING_SECRET,
    });
    const unknownButton = await h.sendInteraction(
      buttonPress({
        actionId: 'old_version_button',
        value: 'x',
        responseUrl: h.responses.newUrl(),
      }),
    );
    expect([submission.status, limited.status, unknownButton.status]).toEqual([200, 200, 200]);
    // Bolt alone would hold each for 3 s and then answer 404.
    expect(performance.now() - started).toBeLessThan(2500);
    const lines = h.logs.slice(from);
    expect(lines.filter((r) => r.level === 'error' || r.level === 'warn')).toEqual([]);
    expect(lines.filter((r) => r.level === 'debug' && /No listener/.test(r.message))).toHaveLength(
      3,
    );
  });

  it('WHEN Slack verifies the request URL THEN the challenge is echoed; a health check gets 200', async () => {
    const response = await postAsSlack(h.url, {
      body: JSON.stringify({ token: 'legacy', challenge: 'c-123', type: 'url_verification' }),
      contentType: 'application/json',
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c-123' });
    const health = await fetch(h.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('WHEN Slack retries an event THEN it is answered once', async () => {
    const eventId = nextEventId();
    const dm = directMessageEvent({ text: 'hello' });
    expect((await h.sendEvent(dm, { eventId })).status).toBe(200);
    expect((await h.sendEvent(dm, { eventId, retryNum: 1 })).status).toBe(200);
    expect((await h.sendEvent(dm, { eventId, retryNum: 2 })).status).toBe(200);
    await h.api.waitForCalls('chat.postMessage');
    await quiet(300);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('WHEN user text carries mentions, broadcasts and links THEN none survives into the reply', async () => {
    const hostile =
      '<!channel> <!here> <!everyone> <@UEVIL001> <!subteam^S0123|@admins> ' +
      '<https://evil.example/x|click me> @here @channel &lt;!channel&gt; done';
    await h.sendEvent(mentionEvent({ text: `<@${h.api.botUserId}> echo ${hostile}` }));
    const [call] = await h.api.waitForCalls('chat.postMessage');
    // What the core received is plain text, stripped of Slack markup.
    const query = h.bot.queries.at(-1);
    expect(query?.text).toBe(
      'echo @channel @here @everyone @UEVIL001 @admins click me @here @channel <!channel> done',
    );
    const sent = visibleText(call?.args ?? {});
    expect(sent).toContain('done');
    expect(sent).not.toMatch(/<[!@#]/);
    expect(sent).not.toMatch(/<https?:/);
    expect(sent).not.toMatch(/@(here|channel|everyone)\b/);
    expect(call?.args).toMatchObject({ parse: 'none', link_names: 'false' });
  });

  it('WHEN the answer is very long THEN it is split into messages Slack accepts, in order', async () => {
    const length = 50_000;
    await h.sendEvent(directMessageEvent({ text: `long ${length}` }));
    const calls = await h.api.waitForCalls('chat.postMessage', 2);
    await quiet(200);
    const all = h.api.callsTo('chat.postMessage');
    expect(all.length).toBe(calls.length);
    // The fake enforces Slack's limits: every part was accepted, none was rejected as too long.
    expect(h.logs.filter((r) => r.level === 'error')).toEqual([]);
    const text = all.map((c) => blockText(c.args)).join('\n');
    const expected = longText(length)
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;');
    expect(text.replace(/\s+/g, ' ')).toContain(expected.replace(/\s+/g, ' ').slice(0, 30_000));
    expect(text).toContain('Sentence 1 of');
    expect(buttons(all.at(-1))).toContain('kb_feedback_up');
    expect(buttons(all[0])).not.toContain('kb_feedback_up');
  });

  it('WHEN the answer is far too long THEN it is trimmed cleanly with a note', async () => {
    await h.sendEvent(directMessageEvent({ text: 'long 300000' }));
    await h.api.waitForCalls('chat.postMessage', 3);
    await quiet(200);
    const all = h.api.callsTo('chat.postMessage');
    expect(all).toHaveLength(3);
    expect(blockText(all[2]?.args ?? {})).toContain('too long for Slack');
  });

  it('WHEN the Web API fails THEN the error is logged with context and the next message is answered', async () => {
    h.api.fail('chat.postMessage', { error: 'channel_not_found' });
    const eventId = nextEventId();
    await h.sendEvent(directMessageEvent({ text: 'hello', channel: 'DGONE0001' }), { eventId });
    // The answer and then the apology were both tried.
    await h.api.waitForCalls('chat.postMessage', 2);
    const failure = await waitForLog(
      h,
      (r) => r.level === 'error' && r.context['eventId'] === eventId,
    );
    expect(failure.context).toMatchObject({
      kind: 'direct_message',
      channel: 'DGONE0001',
      user: 'UALICE01',
    });
    // The core's request id ties the failed send to the core's log line for the question.
    expect(failure.context['requestId']).toEqual(expect.any(String));

    h.api.reset();
    await h.sendEvent(directMessageEvent({ text: 'hello', channel: 'DALICE001' }));
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(call?.args['channel']).toBe('DALICE001');
  });

  it('WHEN the Web API answers HTTP 500 THEN a few quick retries are made, then it gives up and keeps running', async () => {
    h.api.fail('chat.postMessage', { status: 500 });
    const from = h.logs.length;
    await h.sendEvent(directMessageEvent({ text: 'hello' }));
    await waitForLog(h, (r) => r.level === 'warn' && /apology/.test(r.message), 15_000, from);
    // 1 try + 2 retries for the answer, the same for the apology.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(6);
    h.api.reset();
    await h.sendEvent(directMessageEvent({ text: 'hello' }));
    await h.api.waitForCalls('chat.postMessage');
  });

  it('WHEN the core throws THEN the user gets a short apology and the process keeps going', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: 'explode', responseUrl }));
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body['response_type']).toBe('ephemeral');
    expect(blockText(post?.body ?? {})).toMatch(/^Sorry, no answer could be given just now/);
    const logged = await waitForLog(
      h,
      (r) => r.level === 'error' && r.context['kind'] === 'slash_command',
    );
    expect(logged.context['err']).toBeInstanceOf(Error);

    const next = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: 'hello', responseUrl: next }));
    await h.responses.waitForPosts(next);
  });
});

function buttons(call: { args: Readonly<Record<string, unknown>> } | undefined): string[] {
  const blocks = call?.args['blocks'];
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block: { type?: string; elements?: { action_id?: string }[] }) =>
    block.type === 'actions' ? (block.elements ?? []).map((e) => String(e.action_id)) : [],
  );
}

async function waitForLog(
  harness: HttpHarness,
  match: (record: HttpHarness['logs'][number]) => boolean,
  timeoutMs = 5000,
  from = 0,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = harness.logs.slice(from).find(match);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('expected log line did not appear');
    await quiet(20);
  }
}
