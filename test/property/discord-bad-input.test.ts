import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DiscordMessagePayload,
  renderChoices,
  renderFeedback,
  renderReply,
} from '../../adapters/discord/render-reply.js';
import { type IncomingMessage, messageToQuery } from '../../adapters/discord/translate-events.js';
import type { Bot } from '../../src/bot-types.js';
import { pingsAnyone, resolvePings } from '../support/discord-simulator/allowed-mentions.js';
import {
  validateChoices,
  validateMessageBody,
} from '../support/discord-simulator/payload-validation.js';
import { createShippedBot } from '../support/shipped-bot.js';
import { anyText, NAMED_BAD_INPUTS } from './bad-inputs.js';
import { createLatencyRecorder } from './latency.js';
import { anyFeedback, anyReply, suggestion } from './reply-arbitraries.js';

const BOT_ID = '1100000000000000001';
const snowflake = fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String);
const latency = createLatencyRecorder();
/** Discord enforces the /ask option's max_length (500), so no longer question is ever echoed. */
const ECHO_MAX = 500;
const echoedQuestion = anyText.map((text) => text.slice(0, ECHO_MAX));
let bot: Bot;

beforeAll(async () => {
  bot = await createShippedBot();
});
afterAll(() => {
  console.info(latency.summary('discord pipeline'));
});

/** What Discord would accept and what it would notify, for every payload of a reply. */
function expectSendable(
  payloads: readonly DiscordMessagePayload[],
  { mayBeEmpty = false } = {},
): void {
  if (!mayBeEmpty) expect(payloads.length).toBeGreaterThan(0);
  for (const payload of payloads) {
    expect(payload.content.length).toBeLessThanOrEqual(2000);
    expect(payload.components.length).toBeLessThanOrEqual(5);
    for (const row of payload.components) {
      expect(row.components.length).toBeGreaterThan(0);
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const button of row.components) {
        expect(button.custom_id.length).toBeGreaterThan(0);
        expect(button.custom_id.length).toBeLessThanOrEqual(100);
        if (button.label !== undefined) {
          expect(button.label.length).toBeGreaterThan(0);
          expect(button.label.length).toBeLessThanOrEqual(80);
        }
      }
    }
    expect(payload.allowedMentions.parse).toEqual([]);
    expect(payload.allowedMentions.repliedUser).toBe(false);
    // The body as discord.js sends it, as a reply: Discord's own rules decide who is pinged.
    const body = {
      content: payload.content,
      embeds: payload.embeds,
      components: payload.components,
      allowed_mentions: { parse: [...payload.allowedMentions.parse], replied_user: false },
      message_reference: { message_id: '1' },
    };
    expect(validateMessageBody(body, false)).toBeUndefined();
    expect(pingsAnyone(resolvePings(body))).toBe(false);
  }
}

const incomingMessage: fc.Arbitrary<IncomingMessage> = fc.record({
  authorId: fc.oneof(snowflake, fc.constant(BOT_ID), fc.string()),
  authorIsBot: fc.boolean(),
  isSystem: fc.boolean(),
  content: fc.oneof(
    anyText,
    anyText.map((text) => `<@${BOT_ID}> ${text}`),
    anyText.map((text) => `${text} <@!${BOT_ID}>${text}`),
  ),
  channelId: fc.oneof(snowflake, fc.string()),
  threadParentId: fc.option(snowflake, { nil: undefined }),
  isDirect: fc.boolean(),
  mentionedUserIds: fc.array(fc.oneof(snowflake, fc.constant(BOT_ID), fc.string()), {
    maxLength: 5,
  }),
});

describe('GIVEN the Discord adapter’s pure translation', () => {
  it('WHEN any message arrives THEN it is ignored or becomes a question without the bot’s mention', () => {
    fc.assert(
      fc.property(incomingMessage, (message) => {
        const decision = messageToQuery(message, BOT_ID);
        if (decision.kind === 'ignore') return;
        expect(message.authorId).not.toBe(BOT_ID);
        expect(decision.query.text).not.toContain(`<@${BOT_ID}>`);
        expect(decision.query.text).not.toContain(`<@!${BOT_ID}>`);
        expect(decision.query.text).toBe(decision.query.text.trim());
      }),
      { numRuns: 500 },
    );
  });

  it('WHEN the message is only a mention THEN the question is empty (the core gives help)', () => {
    for (const content of [`<@${BOT_ID}>`, ` <@!${BOT_ID}>\n\t`, `<@${BOT_ID}><@${BOT_ID}>`]) {
      const decision = messageToQuery(
        {
          authorId: '2',
          authorIsBot: false,
          isSystem: false,
          content,
          channelId: '3',
          threadParentId: undefined,
          isDirect: false,
          mentionedUserIds: [BOT_ID],
        },
        BOT_ID,
      );
      expect(decision).toMatchObject({ kind: 'ask', query: { text: '' } });
    }
  });

  it('WHEN any reply is rendered, with any echoed question THEN every message fits Discord and pings nobody', () => {
    fc.assert(
      fc.property(anyReply, fc.option(echoedQuestion, { nil: undefined }), (reply, question) => {
        expectSendable(renderReply(reply, question === undefined ? {} : { question }));
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN any feedback acknowledgement is rendered THEN it fits Discord and pings nobody', () => {
    fc.assert(
      // After 👍, or 👎 with no runners-up, the disabled "Thanks — rated" button is all: no message.
      fc.property(anyFeedback, (feedback) =>
        expectSendable(renderFeedback(feedback), { mayBeEmpty: feedback.suggestions.length === 0 }),
      ),
      { numRuns: 200 },
    );
  });

  it('WHEN any suggestions are offered as autocomplete choices THEN Discord accepts them', () => {
    fc.assert(
      fc.property(fc.array(suggestion, { maxLength: 40 }), (suggestions) => {
        expect(validateChoices({ choices: renderChoices(suggestions) })).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('WHEN a slash-command question holds a masked link THEN the echo above the answer does not render it as a link', () => {
    const [payload] = renderReply(
      {
        kind: 'decline',
        reason: 'no-match',
        text: 'I don’t know.',
        confidence: 0,
        suggestions: [],
      },
      { question: 'see [the official answer](https://evil.example/login)' },
    );
    // Discord renders [label](url) in a bot's message as a clickable link with the label shown:
    // the bot would be vouching for whatever the user linked.
    expect(payload?.content).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(https?:/);
  });
});

describe('GIVEN the Discord translation around the real core on the shipped knowledge', () => {
  const toAsk = (content: string): IncomingMessage => ({
    authorId: '2',
    authorIsBot: false,
    isSystem: false,
    content: `<@${BOT_ID}> ${content}`,
    channelId: '3',
    threadParentId: undefined,
    isDirect: false,
    mentionedUserIds: [BOT_ID],
  });

  async function roundTrip(content: string): Promise<void> {
    const decision = messageToQuery(toAsk(content), BOT_ID);
    expect(decision.kind).toBe('ask');
    if (decision.kind !== 'ask') return;
    const reply = await latency.handle(bot, decision.query);
    expect(latency.worstMs, latency.worstQuestion).toBeLessThan(1000);
    expectSendable(renderReply(reply));
    expectSendable(renderReply(reply, { question: content.slice(0, ECHO_MAX) }));
  }

  it('WHEN a mention carries any text THEN the reply is sendable and pings nobody', async () => {
    await fc.assert(fc.asyncProperty(anyText, roundTrip), { numRuns: 150 });
  });

  it.each(NAMED_BAD_INPUTS.map((input) => [input.name, input.text] as const))(
    'WHEN a mention carries %s THEN the reply is sendable and pings nobody',
    async (_name, text) => roundTrip(text),
  );
});
