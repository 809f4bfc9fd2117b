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
let second: { id: string; answer: string };

beforeAll(async () => {
  h = await startHttpHarness();
  const [a, b] = h.bot.knowledge.entries;
  if (a === undefined || b === undefined) throw new Error('need two knowledge entries');
  first = { id: a.id, question: a.questions[0] ?? '', answer: a.answer };
  second = { id: b.id, answer: b.answer };
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

const start = (text: string) => text.slice(0, 40);

/** Asks in a DM and returns the public answer as the bot posted it. */
async function publicAnswer(text: string, channel = 'DALICE001') {
  await h.sendEvent(directMessageEvent({ text, channel }));
  const [call] = await h.api.waitForCalls('chat.postMessage');
  h.api.reset();
  return { blocks: call?.args['blocks'] as unknown[], text: String(call?.args['text']) };
}

describe('GIVEN buttons on a private answer (a slash command)', () => {
  it('WHEN a suggestion is pressed THEN the answer replaces the private message', async () => {
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({ actionId: 'kb_choose:0', value: second.id, responseUrl, ephemeral: true }),
    );
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(blockText(post?.body ?? {})).toContain(start(second.answer));
  });

  it('WHEN 👍 is pressed THEN the answer stays and its rating row becomes the thanks', async () => {
    const askUrl = h.responses.newUrl();
    await h.sendCommand(slashCommand({ text: first.question, responseUrl: askUrl }));
    await h.responses.waitForPosts(askUrl);

    const pressUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({
        actionId: 'kb_feedback_up',
        value: first.id,
        responseUrl: pressUrl,
        ephemeral: true,
      }),
    );
    const [post] = await h.responses.waitForPosts(pressUrl);
    expect(post?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const shown = blockText(post?.body ?? {});
    expect(shown).toContain(start(first.answer));
    expect(shown).toContain('👍 Thanks for the feedback.');
    const left = buttons(post?.body ?? {}).map((b) => b.actionId);
    expect(left).not.toContain('kb_feedback_up');
    expect(left).not.toContain('kb_feedback_down');
    expect(left).toContain('kb_share');
  });
});

describe('GIVEN buttons on a public message', () => {
  it('WHEN a suggestion of a decline is pressed THEN the message is updated into the answer', async () => {
    const root = nextTs();
    await h.sendEvent(
      mentionEvent({ text: `<@${h.api.botUserId}> what is the price of tea in China?`, ts: root }),
    );
    const [declined] = await h.api.waitForCalls('chat.postMessage');
    const offered = buttons(declined?.args ?? {})[0];
    if (offered === undefined) throw new Error('the decline offered no question');
    h.api.reset();

    const messageTs = nextTs();
    await h.sendInteraction(
      buttonPress({
        actionId: offered.actionId,
        value: offered.value,
        responseUrl: h.responses.newUrl(),
        threadTs: root,
        messageTs,
        blocks: declined?.args['blocks'] as unknown[],
      }),
    );
    const [update] = await h.api.waitForCalls('chat.update');
    expect(update?.args).toMatchObject({ channel: 'CGENERAL1', ts: messageTs });
    const entry = h.bot.knowledge.entries.find((e) => e.id === offered.value);
    expect(blockText(update?.args ?? {})).toContain(start(entry?.answer ?? '?'));
    await quiet(100);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('WHEN 👍 is pressed THEN the rating row says who rated it and cannot be pressed again', async () => {
    const answer = await publicAnswer(first.question);
    const messageTs = nextTs();
    await h.sendInteraction(
      buttonPress({
        actionId: 'kb_feedback_up',
        value: first.id,
        responseUrl: h.responses.newUrl(),
        channel: 'DALICE001',
        messageTs,
        ...answer,
      }),
    );
    const [update] = await h.api.waitForCalls('chat.update');
    expect(update?.args).toMatchObject({ channel: 'DALICE001', ts: messageTs });
    const shown = blockText(update?.args ?? {});
    expect(shown).toContain(start(first.answer));
    expect(shown).toContain('👍 Rated helpful by <@UALICE01>.');
    expect(buttons(update?.args ?? {}).map((b) => b.actionId)).not.toContain('kb_feedback_up');
    expect(h.bot.ratings.at(-1)).toMatchObject({ entry: first.id, rating: 'up' });
  });

  it('WHEN 👎 is pressed THEN the row is updated and the thanks comes privately', async () => {
    const answer = await publicAnswer(first.question);
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({
        actionId: 'kb_feedback_down',
        value: first.id,
        responseUrl,
        channel: 'DALICE001',
        ...answer,
      }),
    );
    const [update] = await h.api.waitForCalls('chat.update');
    expect(blockText(update?.args ?? {})).toContain('👎 Rated not helpful by <@UALICE01>.');
    const [thanks] = await h.responses.waitForPosts(responseUrl);
    expect(thanks?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(thanks?.body ?? {})).toMatch(/^Thanks, noted/);
  });
});

describe('GIVEN an answer shared in a channel the bot has not joined', () => {
  it('WHEN a related question is pressed THEN the answer comes through response_url, not an apology', async () => {
    h.api.fail('chat.postMessage', { error: 'not_in_channel' });
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({
        actionId: 'kb_choose:0',
        value: second.id,
        responseUrl,
        channel: 'CNOTJOINED',
        blockId: 'kb_related',
      }),
    );
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(blockText(post?.body ?? {})).toContain(start(second.answer));
    expect(h.logs.filter((r) => r.level === 'error')).toEqual([]);
  });

  it('WHEN 👍 is pressed THEN the shared message is updated through response_url', async () => {
    const answer = await publicAnswer(first.question);
    h.api.fail('chat.update', { error: 'not_in_channel' });
    const responseUrl = h.responses.newUrl();
    await h.sendInteraction(
      buttonPress({
        actionId: 'kb_feedback_up',
        value: first.id,
        responseUrl,
        channel: 'CNOTJOINED',
        ...answer,
      }),
    );
    const [post] = await h.responses.waitForPosts(responseUrl);
    expect(post?.body).toMatchObject({ response_type: 'in_channel', replace_original: true });
    expect(blockText(post?.body ?? {})).toContain('👍 Rated helpful by <@UALICE01>.');
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
