import { describe, expect, it } from 'vitest';
import {
  readButtonPress,
  readDirectMessage,
  readEventId,
  readMention,
  readSlashCommand,
} from '../../../adapters/slack/slack-events.js';
import {
  buttonPress,
  directMessageEvent,
  eventCallback,
  mentionEvent,
  slashCommand,
} from '../../support/slack-fake/index.js';

const BOT = 'UBOT0001';

describe('readMention', () => {
  it('GIVEN a top-level mention THEN the question is answered in a thread under it', () => {
    const event = mentionEvent({ text: `<@${BOT}> How long?`, ts: '1.000100', channel: 'C1' });
    expect(readMention(event, BOT)).toEqual({
      query: {
        text: 'How long?',
        platform: 'slack',
        user: 'UALICE01',
        conversation: 'C1',
        thread: '1.000100',
      },
      target: { channel: 'C1', threadTs: '1.000100' },
      messageTs: '1.000100',
    });
  });

  it('GIVEN a mention inside a thread THEN the thread root is kept', () => {
    const event = mentionEvent({ text: `<@${BOT}> and then?`, ts: '2.0', threadTs: '1.0' });
    expect(readMention(event, BOT)?.target.threadTs).toBe('1.0');
    expect(readMention(event, BOT)?.query.thread).toBe('1.0');
  });

  it('GIVEN a bare mention THEN the core gets empty text (help)', () => {
    expect(readMention(mentionEvent({ text: `<@${BOT}>` }), BOT)?.query.text).toBe('');
  });

  it('GIVEN a mention by a bot or by ourselves THEN it is ignored', () => {
    expect(readMention(mentionEvent({ text: `<@${BOT}> hi`, botId: 'B2' }), BOT)).toBeUndefined();
    expect(readMention(mentionEvent({ text: 'hi', user: BOT }), BOT)).toBeUndefined();
    expect(readMention({ type: 'app_mention' }, BOT)).toBeUndefined();
    expect(readMention(null, BOT)).toBeUndefined();
  });

  it('GIVEN a mention inside a DM THEN it is left to the DM handler (answered once)', () => {
    expect(
      readMention(mentionEvent({ text: `<@${BOT}> hi`, channel: 'D0DM0001' }), BOT),
    ).toBeUndefined();
  });
});

describe('readDirectMessage', () => {
  it('GIVEN a DM THEN it is answered in the DM, without a thread', () => {
    expect(readDirectMessage(directMessageEvent({ text: 'hi', channel: 'D1' }), BOT)).toEqual({
      query: { text: 'hi', platform: 'slack', user: 'UALICE01', conversation: 'D1' },
      target: { channel: 'D1' },
      messageTs: expect.any(String),
    });
  });

  it('GIVEN a DM in a thread THEN the answer goes to that thread', () => {
    const incoming = readDirectMessage(directMessageEvent({ text: 'hi', threadTs: '9.0' }), BOT);
    expect(incoming?.target.threadTs).toBe('9.0');
    expect(incoming?.query.thread).toBe('9.0');
  });

  it.each([
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['a join', { subtype: 'channel_join' }],
    ['a bot message', { subtype: 'bot_message' }],
    ['another bot', { botId: 'BOTHER' }],
    ['our own message', { user: BOT }],
  ])('GIVEN %s THEN it is ignored', (_name, fields) => {
    expect(readDirectMessage(directMessageEvent({ text: 'x', ...fields }), BOT)).toBeUndefined();
  });

  it('GIVEN a file shared with a caption THEN it is a question; without text THEN ignored', () => {
    expect(
      readDirectMessage(directMessageEvent({ text: 'what is this', subtype: 'file_share' }), BOT)
        ?.query.text,
    ).toBe('what is this');
    const { text: _text, ...withoutText } = directMessageEvent({ text: '' });
    expect(readDirectMessage(withoutText, BOT)).toBeUndefined();
  });

  it('GIVEN a channel message THEN it is left to app_mention', () => {
    const event = { ...directMessageEvent({ text: 'hi' }), channel_type: 'channel' };
    expect(readDirectMessage(event, BOT)).toBeUndefined();
  });
});

describe('readSlashCommand', () => {
  it('GIVEN /ask with text THEN it becomes a query in the channel, with markup stripped', () => {
    const command = slashCommand({
      text: 'is <@U9|bob> right &amp; sure?',
      responseUrl: 'http://x',
      channel: 'C7',
    });
    expect(readSlashCommand(command)).toEqual({
      text: 'is @bob right & sure?',
      platform: 'slack',
      user: 'UALICE01',
      conversation: 'C7',
    });
  });

  it('GIVEN /ask with no text THEN the query is empty (help)', () => {
    expect(readSlashCommand(slashCommand({ text: '   ', responseUrl: 'http://x' }))?.text).toBe('');
  });
});

describe('readButtonPress', () => {
  const press = (fields: Parameters<typeof buttonPress>[0]) => {
    const body = buttonPress(fields);
    return readButtonPress(body, (body['actions'] as unknown[])[0]);
  };

  it('GIVEN a suggestion pressed on a threaded answer THEN the thread is the context', () => {
    expect(
      press({ actionId: 'kb_choose:2', value: 'e1', responseUrl: 'u', threadTs: '5.0' }),
    ).toEqual({
      intent: { kind: 'choose', entry: 'e1' },
      context: { platform: 'slack', user: 'UALICE01', conversation: 'CGENERAL1', thread: '5.0' },
      ephemeral: false,
      target: { channel: 'CGENERAL1', threadTs: '5.0' },
      user: 'UALICE01',
      responseUrl: 'u',
      blockId: 'kb_suggestions',
    });
  });

  it('GIVEN 👍/👎/share on a private answer THEN intents and ephemerality are read', () => {
    expect(
      press({ actionId: 'kb_feedback_up', value: 'e', responseUrl: 'u', ephemeral: true }),
    ).toMatchObject({
      intent: { kind: 'feedback', entry: 'e', rating: 'up' },
      ephemeral: true,
      context: { conversation: 'CGENERAL1' },
    });
    expect(press({ actionId: 'kb_feedback_down', value: 'e', responseUrl: 'u' })?.intent).toEqual({
      kind: 'feedback',
      entry: 'e',
      rating: 'down',
    });
    expect(
      press({ actionId: 'kb_share', value: 'e', responseUrl: 'u', ephemeral: true })?.intent.kind,
    ).toBe('share');
  });

  it('GIVEN someone else’s action or a button without value THEN it is ignored', () => {
    expect(press({ actionId: 'other_app_button', value: 'e', responseUrl: 'u' })).toBeUndefined();
    expect(press({ actionId: 'kb_choose:0', value: '', responseUrl: 'u' })).toBeUndefined();
  });
});

describe('readEventId', () => {
  it('GIVEN an Events API envelope THEN its event_id is the dedup key', () => {
    expect(readEventId(eventCallback(directMessageEvent({ text: 'x' }), { eventId: 'Ev1' }))).toBe(
      'Ev1',
    );
    expect(readEventId({})).toBeUndefined();
  });
});
