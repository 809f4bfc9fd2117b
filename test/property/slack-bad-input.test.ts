import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderFeedback,
  renderReply,
  type SlackMessage,
} from '../../adapters/slack/render-reply.js';
import {
  type IncomingQuestion,
  readButtonPress,
  readDirectMessage,
  readEventId,
  readMention,
  readSlashCommand,
} from '../../adapters/slack/slack-events.js';
import { slackToPlainText } from '../../adapters/slack/slack-text.js';
import type { Bot } from '../../src/bot-types.js';
import type { Query } from '../../src/query.js';
import type { Reply } from '../../src/reply.js';
import { createShippedBot } from '../support/shipped-bot.js';
import {
  buttonPress,
  directMessageEvent,
  markupText,
  mentionEvent,
  slashCommand,
  validateMessage,
} from '../support/slack-fake/index.js';
import { anyText, NAMED_BAD_INPUTS } from './bad-inputs.js';
import { createLatencyRecorder } from './latency.js';
import { anyFeedback, anyReply } from './reply-arbitraries.js';

const BOT_USER = 'UBOT0001';
const latency = createLatencyRecorder();
let bot: Bot;

beforeAll(async () => {
  bot = await createShippedBot();
});
afterAll(() => {
  console.info(latency.summary('slack pipeline'));
});

/** Sequences Slack turns into a mention, a broadcast or a link when it parses mrkdwn. */
const ACTIVE_MARKUP = /<[!@#]|<(https?|mailto):/i;
const BROADCAST_WORD = /(^|[^\w\u2060])@(here|channel|everyone)\b/i;

type Obj = Readonly<Record<string, unknown>>;

function eachObject(value: unknown, visit: (object: Obj) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) eachObject(item, visit);
  } else if (typeof value === 'object' && value !== null) {
    visit(value as Obj);
    for (const child of Object.values(value)) eachObject(child, visit);
  }
}

/** Slack would accept every message, and none of them mentions, broadcasts or links anything. */
function expectSafe(messages: readonly SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(validateMessage({ ...message })).toBeUndefined();
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.length).toBeLessThanOrEqual(40_000);
    const markup = markupText({ ...message });
    expect(markup).not.toMatch(ACTIVE_MARKUP);
    expect(markup).not.toMatch(BROADCAST_WORD);
    eachObject(message.blocks, (object) => {
      if (object['type'] === 'section') {
        const text = object['text'] as Obj;
        expect((text['text'] as string).length).toBeLessThanOrEqual(3000);
      }
      // verbatim: Slack must not auto-link bare URLs or channel names in our text.
      if (object['type'] === 'mrkdwn') expect(object['verbatim']).toBe(true);
      if (object['type'] === 'button') {
        const label = (object['text'] as Obj)['text'] as string;
        expect(label.length).toBeLessThanOrEqual(75);
        expect(label).not.toMatch(BROADCAST_WORD);
        expect((object['action_id'] as string).length).toBeLessThanOrEqual(255);
        expect((object['value'] as string).length).toBeLessThanOrEqual(2000);
      }
    });
  }
}

/** Curated links are the only links a reply may carry; user text may not add one. */
function withoutSourceUrl(reply: Reply): Reply {
  if (reply.kind !== 'answer' || reply.source?.url === undefined) return reply;
  const { url: _url, ...source } = reply.source;
  return { ...reply, source };
}

/** Payloads shaped like Slack's, with any field dropped or replaced by garbage. */
function mangled(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc
    .dictionary(fc.constantFrom(...keys), fc.oneof(fc.anything(), fc.constant(undefined)), {
      maxKeys: keys.length,
    })
    .map((changes) => ({ ...valid, ...changes }));
}

function expectQuestion(incoming: IncomingQuestion | undefined): void {
  if (incoming === undefined) return;
  expectQuery(incoming.query);
  expect(typeof incoming.target.channel).toBe('string');
}

function expectQuery(query: Query | undefined): void {
  if (query === undefined) return;
  for (const field of [query.text, query.user, query.conversation]) {
    expect(typeof field).toBe('string');
  }
  expect(query.text).not.toContain(`<@${BOT_USER}>`);
}

describe('GIVEN the Slack adapter’s pure translation', () => {
  it('WHEN any value arrives as an event, command or button press THEN nothing throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expectQuestion(readMention(a, BOT_USER));
        expectQuestion(readDirectMessage(a, BOT_USER));
        expectQuery(readSlashCommand(a));
        readButtonPress(a, b);
        readEventId(a);
      }),
      { numRuns: 500 },
    );
  });

  it('WHEN Slack-shaped payloads have missing or wrongly typed fields THEN they are read or dropped, never thrown', () => {
    const url = 'http://127.0.0.1:9/commands/1';
    fc.assert(
      fc.property(
        mangled(mentionEvent({ text: `<@${BOT_USER}> hi` })),
        mangled(directMessageEvent({ text: 'hi' })),
        mangled(slashCommand({ text: 'hi', responseUrl: url })),
        mangled(buttonPress({ actionId: 'kb_choose:0', value: 'x', responseUrl: url })),
        (mention, dm, command, press) => {
          expectQuestion(readMention(mention, BOT_USER));
          expectQuestion(readDirectMessage(dm, BOT_USER));
          expectQuery(readSlashCommand(command));
          const actions = (press as { actions?: unknown }).actions;
          readButtonPress(press, Array.isArray(actions) ? actions[0] : actions);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('WHEN any text is read from Slack markup THEN the bot’s mention is gone and nothing throws', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const plain = slackToPlainText(`<@${BOT_USER}> ${text}`, BOT_USER);
        expect(plain).toBe(plain.trim());
        expect(slackToPlainText(`<@${BOT_USER}>`, BOT_USER)).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN any reply is rendered THEN Slack accepts every message and no mention, broadcast or link is created', () => {
    fc.assert(
      fc.property(anyReply, fc.boolean(), (reply, shareButton) => {
        expectSafe(renderReply(withoutSourceUrl(reply), { shareButton }));
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN a suggestion that fills a button label mentions @here THEN the defused label still fits 75 characters', () => {
    // "1. " + 72 characters is exactly 75; breaking "@here" with a word joiner adds one more.
    const question = `${'x'.repeat(66)} @here`;
    const [message] = renderReply({
      kind: 'clarify',
      text: 'I am not sure which of these you mean. Did you mean:',
      confidence: 0.5,
      suggestions: [{ entry: 'long-question', question }],
    });
    expect(message).toBeDefined();
    if (message !== undefined) expectSafe([message]);
  });

  it('WHEN any feedback acknowledgement is rendered THEN Slack accepts it and nothing is linked', () => {
    fc.assert(
      fc.property(anyFeedback, (feedback) => expectSafe(renderFeedback(feedback))),
      { numRuns: 200 },
    );
  });
});

describe('GIVEN the Slack translation around the real core on the shipped knowledge', () => {
  async function roundTrip(text: string): Promise<void> {
    const url = 'http://127.0.0.1:9/commands/1';
    const command = readSlashCommand(slashCommand({ text, responseUrl: url }));
    const mention = readMention(mentionEvent({ text: `<@${BOT_USER}> ${text}` }), BOT_USER);
    expect(command).toBeDefined();
    expect(mention).toBeDefined();
    for (const query of [command, mention?.query]) {
      if (query === undefined) continue;
      const reply = await latency.handle(bot, query);
      expect(latency.worstMs, latency.worstQuestion).toBeLessThan(1000);
      expectSafe(renderReply(reply, { shareButton: true }));
    }
  }

  it('WHEN /ask or a mention carries any text THEN the reply is accepted and links or mentions nothing', async () => {
    await fc.assert(fc.asyncProperty(anyText, roundTrip), { numRuns: 150 });
  });

  it.each(NAMED_BAD_INPUTS.map((input) => [input.name, input.text] as const))(
    'WHEN /ask or a mention carries %s THEN the reply is accepted and links or mentions nothing',
    async (_name, text) => roundTrip(text),
  );
});
