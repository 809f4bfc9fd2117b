import { describe, expect, it } from 'vitest';
import {
  type IncomingMessage,
  messageToQuery,
  queryContext,
  stripBotMention,
} from '../../../adapters/discord/translate-events.js';

const BOT = '111111111111111111';
const base: IncomingMessage = {
  authorId: '222222222222222222',
  authorIsBot: false,
  isSystem: false,
  content: `<@${BOT}> How many troops?`,
  channelId: '333333333333333333',
  threadParentId: undefined,
  isDirect: false,
  mentionedUserIds: [BOT],
};

describe('messageToQuery', () => {
  it('turns a guild mention into a query without the mention', () => {
    expect(messageToQuery(base, BOT)).toEqual({
      kind: 'ask',
      query: {
        platform: 'discord',
        user: base.authorId,
        conversation: base.channelId,
        text: 'How many troops?',
      },
    });
  });

  it('keys a thread message by its parent channel and the thread', () => {
    const decision = messageToQuery({ ...base, threadParentId: '444444444444444444' }, BOT);
    expect(decision).toMatchObject({
      query: { conversation: '444444444444444444', thread: base.channelId },
    });
  });

  it('answers every DM, mention or not', () => {
    const dm = { ...base, isDirect: true, content: 'hello', mentionedUserIds: [] };
    expect(messageToQuery(dm, BOT)).toMatchObject({ kind: 'ask', query: { text: 'hello' } });
  });

  it('passes an empty question on a bare mention (the core answers with help)', () => {
    const bare = messageToQuery({ ...base, content: `<@!${BOT}>` }, BOT);
    expect(bare).toMatchObject({ kind: 'ask', query: { text: '' } });
  });

  it('ignores its own messages, other bots, system messages and guild messages not for it', () => {
    expect(messageToQuery({ ...base, authorId: BOT }, BOT)).toEqual({
      kind: 'ignore',
      reason: 'own',
    });
    expect(messageToQuery({ ...base, authorIsBot: true }, BOT)).toEqual({
      kind: 'ignore',
      reason: 'bot',
    });
    expect(messageToQuery({ ...base, isSystem: true }, BOT)).toEqual({
      kind: 'ignore',
      reason: 'system',
    });
    // @everyone reaches the bot too, but is not a question for it.
    expect(
      messageToQuery({ ...base, content: '@everyone meeting', mentionedUserIds: [] }, BOT),
    ).toEqual({ kind: 'ignore', reason: 'not-addressed' });
  });
});

describe('stripBotMention', () => {
  it('removes both mention forms of the bot but keeps other mentions', () => {
    expect(stripBotMention(`<@${BOT}> hi <@!${BOT}> <@999> there`, BOT)).toBe('hi <@999> there');
  });
});

describe('queryContext', () => {
  it('leaves thread out outside threads', () => {
    expect(queryContext({ userId: 'u', channelId: 'c', threadParentId: undefined })).toEqual({
      platform: 'discord',
      user: 'u',
      conversation: 'c',
    });
  });
});
