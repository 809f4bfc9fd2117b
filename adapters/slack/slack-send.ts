import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render-reply.js';
import type { ResponseUrl } from './response-url.js';
import type { ReplyTarget } from './slack-events.js';
import { classifyWebApiError, platformError, withRetries } from './slack-retry.js';

type WebClient = webApi.WebClient;

/** Our text is already escaped; nothing in it should be linkified or unfurled. */
const MESSAGE_OPTIONS = {
  parse: 'none',
  link_names: false,
  unfurl_links: false,
  unfurl_media: false,
} as const;

/** Posts the messages of one reply in order, each retried through Slack's transient failures. */
export async function postMessages(
  client: WebClient,
  target: ReplyTarget,
  messages: readonly SlackMessage[],
): Promise<void> {
  for (const message of messages) {
    await withRetries(
      () =>
        client.chat.postMessage({
          channel: target.channel,
          text: message.text,
          blocks: message.blocks,
          ...(target.threadTs !== undefined ? { thread_ts: target.threadTs } : {}),
          ...MESSAGE_OPTIONS,
        }),
      classifyWebApiError,
    );
  }
}

/** Replaces a message the bot posted (`chat.update`), retried like a post. */
export async function updateMessage(
  client: WebClient,
  channel: string,
  ts: string,
  message: SlackMessage,
): Promise<void> {
  await withRetries(
    () =>
      client.chat.update({
        channel,
        ts,
        text: message.text,
        blocks: message.blocks,
        parse: 'none',
        link_names: false,
      }),
    classifyWebApiError,
  );
}

/**
 * Sends through a `response_url`, which works in any channel the message is in (the bot need not be
 * a member); with `replaceOriginal` the first message takes the pressed message's place.
 */
export async function sendVia(
  url: ResponseUrl,
  messages: readonly SlackMessage[],
  responseType: 'ephemeral' | 'in_channel',
  replaceOriginal = false,
): Promise<void> {
  for (const [index, message] of messages.entries()) {
    await url.send({
      response_type: responseType,
      replace_original: replaceOriginal && index === 0,
      text: message.text,
      blocks: message.blocks,
    });
  }
}

/** Web API refusals that mean "the bot cannot reach that message or channel", not "try again". */
const OUT_OF_REACH = new Set([
  'not_in_channel',
  'channel_not_found',
  'cant_update_message',
  'message_not_found',
  'is_archived',
  'restricted_action',
]);

export function isOutOfReach(error: unknown): boolean {
  const code = platformError(error);
  return code !== undefined && OUT_OF_REACH.has(code);
}
