import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockText,
  buttonPress,
  buttons,
  directMessageEvent,
  mentionEvent,
  nextTs,
  quiet,
  slashCommand,
} from '../../support/slack-fake/index.js';
import { type HttpHarness, startHttpHarness } from './http-harness.js';

let h: HttpHarness;
let first: { id: string; question: string; answer: string };
let second: { id: string; question: string; answer: string };

beforeAll(async () => {
  h = await startHttpHarness();
  const [a, b] = h.bot.knowledge.entries;
  if (a === undefined || b === undefined) throw new Error('need two knowledge entries');
  first = { id: a.id, question: a.questions[0] ?? '', answer: a.answer };
  second = { id: b.id, question: b.questions[0] ?? '', answer: b.answer };
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

describe('GIVEN the Slack adapter in HTTP mode with the real core', () => {
  it('WHEN /ask is used THEN it acks at once and the private answer reaches response_url', async () => {
    const release = h.bot.hold();
    const responseUrl = h.responses.newUrl();
    const ack = await h.sendCommand(slashCommand({ text: first.question, responseUrl }));
    // The core is still holding the answer, yet Slack already has its acknowledgement.
    expect(ack.status).toBe(200);
    expect(h.responses.postsTo(responseUrl)).toHaveLength(0);
    release();

    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body['response_type']).toBe('ephemeral');
    expect(blockText(post?.body ?? {})).toContain(first.answer.slice(0, 40));
    const ids = buttons(post?.body ?? {}).map((b) => b.actionId);
    expect(ids).toEqual(expect.arrayContaining(['kb_feedback_up', 'kb_feedback_down', 'kb_share']));
    expect(blockText(post?.body ?? {})).toMatch(/Source: /);
    expect(h.bot.queries.at(-1)).toMatchObject({
      text: first.question,
      platform: 'slack',
      user: 'UALICE01',
      conversation: 'CGENERAL1',
    });
  });

  it('WHEN /ask has no text THEN it shows help with example questions from the knowledge', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: '', responseUrl }));
    const [post] = await h.responses.waitForPosts(responseUrl);
    const examples = buttons(post?.body ?? {});
    expect(examples.length).toBeGreaterThan(0);
    const ids = new Set(h.bot.knowledge.entries.map((entry) => entry.id));
    for (const example of examples) expect(ids.has(example.value)).toBe(true);
  });

  it('WHEN the bot is mentioned in a channel THEN it answers in a thread under the message', async () => {
    const ts = nextTs();
    const text = `<@${h.api.botUserId}> ${first.question}`;
    const response = await h.sendEvent(mentionEvent({ text, ts, channel: 'CGENERAL1' }));
    expect(response.status).toBe(200);
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(call?.token).toBe('xoxb-test-bot-token');
    expect(call?.args).toMatchObject({ channel: 'CGENERAL1', thread_ts: ts });
    expect(blockText(call?.args ?? {})).toContain(first.answer.slice(0, 40));
    expect(h.bot.queries.at(-1)).toMatchObject({ text: first.question, thread: ts });
  });

  it('WHEN the mention is inside a thread THEN the answer goes to that thread', async () => {
    const root = nextTs();
    await h.sendEvent(mentionEvent({ text: `<@${h.api.botUserId}> hi`, threadTs: root }));
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(call?.args['thread_ts']).toBe(root);
  });

  it('WHEN a user writes in a DM THEN it answers in the DM, not in a thread', async () => {
    await h.sendEvent(directMessageEvent({ text: first.question, channel: 'DALICE001' }));
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(call?.args['channel']).toBe('DALICE001');
    expect(call?.args['thread_ts']).toBeUndefined();
    expect(blockText(call?.args ?? {})).toContain(first.answer.slice(0, 40));
  });

  it('WHEN the core says a rate-limited user was already told THEN a DM gets no reply', async () => {
    await h.sendEvent(directMessageEvent({ text: 'over the limit, again', channel: 'DALICE001' }));
    await h.sendEvent(directMessageEvent({ text: first.question, channel: 'DALICE001' }));
    const [call] = await h.api.waitForCalls('chat.postMessage');
    await quiet(200);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(blockText(call?.args ?? {})).toContain(first.answer.slice(0, 40));
  });

  it('WHEN its own, other bots’, edited or join messages arrive THEN it ignores them', async () => {
    const before = h.bot.queries.length;
    await h.sendEvent(directMessageEvent({ text: 'own', user: h.api.botUserId }));
    await h.sendEvent(
      directMessageEvent({ text: 'other bot', user: 'UOTHER01', botId: 'BOTHER01' }),
    );
    await h.sendEvent(directMessageEvent({ text: 'edited', subtype: 'message_changed' }));
    await h.sendEvent(directMessageEvent({ text: 'joined', subtype: 'channel_join' }));
    await h.sendEvent(mentionEvent({ text: `<@${h.api.botUserId}> hi`, botId: 'BOTHER01' }));
    await h.sendEvent(directMessageEvent({ text: first.question }));
    await h.api.waitForCalls('chat.postMessage');
    await quiet(200);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.bot.queries.slice(before).map((q) => q.text)).toEqual([first.question]);
  });

  it('WHEN the knowledge does not cover the question THEN it declines and offers what it can answer', async () => {
    const ts = nextTs();
    await h.sendEvent(
      mentionEvent({ text: `<@${h.api.botUserId}> what is the price of tea in China?`, ts }),
    );
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(blockText(call?.args ?? {})).toMatch(/don't know/i);
    const offered = buttons(call?.args ?? {});
    expect(offered.length).toBeGreaterThan(0);
    const ids = new Set(h.bot.knowledge.entries.map((entry) => entry.id));
    for (const button of offered) expect(ids.has(button.value)).toBe(true);
  });

  it('WHEN a suggestion button is pressed in a thread THEN that entry is answered there', async () => {
    const root = nextTs();
    const responseUrl = h.responses.newUrl();
    const press = buttonPress({
      actionId: 'kb_choose:1',
      value: second.id,
      responseUrl,
      threadTs: root,
    });
    expect((await h.sendInteraction(press)).status).toBe(200);
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'CGENERAL1', thread_ts: root });
    expect(blockText(call?.args ?? {})).toContain(second.answer.slice(0, 40));
    expect(h.bot.chosen.at(-1)).toEqual({
      context: { platform: 'slack', user: 'UALICE01', conversation: 'CGENERAL1', thread: root },
      entry: second.id,
    });
  });

  it('WHEN a suggestion is pressed on a private answer THEN the answer stays private', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({ actionId: 'kb_choose:0', value: second.id, responseUrl, ephemeral: true }),
    );
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body['response_type']).toBe('ephemeral');
    expect(blockText(post?.body ?? {})).toContain(second.answer.slice(0, 40));
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('WHEN 👍 is pressed THEN the core records it and only the presser sees the thanks', async () => {
    const root = nextTs();
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({ actionId: 'kb_feedback_up', value: first.id, responseUrl, threadTs: root }),
    );
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(post?.body ?? {})).toMatch(/thank/i);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.bot.ratings.at(-1)).toEqual({
      context: { platform: 'slack', user: 'UALICE01', conversation: 'CGENERAL1', thread: root },
      entry: first.id,
      rating: 'up',
    });
  });

  it('WHEN 👎 is pressed on a private answer THEN the reply comes through response_url', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({ actionId: 'kb_feedback_down', value: first.id, responseUrl, ephemeral: true }),
    );
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body['response_type']).toBe('ephemeral');
    expect(h.bot.ratings.at(-1)?.rating).toBe('down');
  });

  it('WHEN "Share in channel" is pressed THEN the answer is posted publicly and the private copy removed', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({ actionId: 'kb_share', value: first.id, responseUrl, ephemeral: true }),
    );
    const [shared, removal] = await h.responses.waitForPosts(responseUrl, 2);
    expect(shared?.body['response_type']).toBe('in_channel');
    expect(blockText(shared?.body ?? {})).toContain(first.answer.slice(0, 40));
    expect(blockText(shared?.body ?? {})).toContain('Shared by <@UALICE01>');
    expect(buttons(shared?.body ?? {}).map((b) => b.actionId)).not.toContain('kb_share');
    expect(removal?.body).toEqual({ delete_original: true });
  });
});
