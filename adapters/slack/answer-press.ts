import type { webApi } from '@slack/bolt';
import type { Bot, FeedbackReply, Rating, Reply } from '../../src/index.js';
import type { PrivateAnswers } from './private-answers.js';
import { BLOCK_IDS, renderFeedback, renderReply, type SlackMessage } from './render-reply.js';
import { ratedPrivately, ratedPublicly } from './render-result.js';
import type { ResponseUrl } from './response-url.js';
import type { ButtonPress } from './slack-events.js';
import { isOutOfReach, postMessages, sendVia, updateMessage } from './slack-send.js';

export interface PressDeps {
  readonly bot: Bot;
  readonly client: webApi.WebClient;
  readonly privateAnswers: PrivateAnswers;
  /** Adds the core's request id to the handler's log context. */
  readonly note: (reply: Reply) => Reply;
}

/**
 * A pressed button becomes its result. On a private message (a slash-command answer) the result
 * replaces it through the press's `response_url`; on a public one the message is updated
 * (`chat.update`), or answered below when the pressed row was "Related questions". Where the bot
 * cannot reach the channel (an answer someone shared where the bot is no member), the
 * `response_url` carries it instead.
 */
export async function answerPress(
  deps: PressDeps,
  press: ButtonPress,
  url: ResponseUrl | undefined,
): Promise<void> {
  const { intent, context } = press;
  switch (intent.kind) {
    case 'choose': {
      const reply = deps.note(await deps.bot.choose(context, intent.entry));
      if (press.ephemeral) {
        const messages = renderReply(reply, { shareButton: true });
        rememberPrivate(deps, press, reply, messages);
        return sendVia(required(url), messages, 'ephemeral', true);
      }
      const messages = renderReply(reply);
      if (press.blockId === BLOCK_IDS.related) return postPublicly(deps, press, url, messages);
      return replacePublicly(deps, press, url, messages);
    }
    case 'feedback': {
      const feedback = await deps.bot.feedback(context, intent.entry, intent.rating);
      return press.ephemeral
        ? ratePrivately(deps, press, url, intent.rating, feedback)
        : ratePublicly(deps, press, url, intent.rating, feedback);
    }
    case 'share': {
      const reply = deps.note(await deps.bot.choose(context, intent.entry));
      const messages = renderReply(reply, { sharedBy: press.user });
      if (!press.ephemeral) return postPublicly(deps, press, url, messages);
      const target = required(url);
      await sendVia(target, messages, 'in_channel');
      // The private copy has served its purpose once the public one is in the channel.
      await target.send({ delete_original: true });
      return;
    }
  }
}

/** Rendered private answers are kept so a later 👍/👎 on them can show the answer with its result. */
export function rememberPrivate(
  deps: Pick<PressDeps, 'privateAnswers'>,
  where: { readonly user: string; readonly target: { readonly channel: string } },
  reply: Reply,
  messages: readonly SlackMessage[],
): void {
  const last = messages.at(-1);
  if (reply.kind !== 'answer' || last === undefined) return;
  deps.privateAnswers.remember(
    { user: where.user, channel: where.target.channel, entry: reply.entry.entry },
    last,
  );
}

async function ratePrivately(
  deps: PressDeps,
  press: ButtonPress,
  url: ResponseUrl | undefined,
  rating: Rating,
  feedback: FeedbackReply,
): Promise<void> {
  const key = { user: press.user, channel: press.target.channel, entry: press.intent.entry };
  const answer = deps.privateAnswers.take(key);
  if (answer === undefined) {
    // The answer is not known here any more: acknowledge below it rather than erase it.
    return sendVia(required(url), renderFeedback(feedback), 'ephemeral');
  }
  return sendVia(required(url), [ratedPrivately(answer, rating, feedback)], 'ephemeral', true);
}

async function ratePublicly(
  deps: PressDeps,
  press: ButtonPress,
  url: ResponseUrl | undefined,
  rating: Rating,
  feedback: FeedbackReply,
): Promise<void> {
  const blocks = press.message && ratedPublicly(press.message.blocks, rating, press.user);
  if (blocks !== undefined) {
    await replacePublicly(deps, press, url, [{ text: press.message?.text ?? ' ', blocks }]);
  }
  // Only the presser sees the core's thanks, and after a 👎 the runners-up to pick from.
  if (blocks === undefined || feedback.suggestions.length > 0 || rating === 'down') {
    await sendVia(required(url), renderFeedback(feedback), 'ephemeral');
  }
}

/** The pressed public message becomes `messages[0]`; any further parts follow below it. */
async function replacePublicly(
  deps: PressDeps,
  press: ButtonPress,
  url: ResponseUrl | undefined,
  messages: readonly SlackMessage[],
): Promise<void> {
  const [first, ...rest] = messages;
  if (first === undefined || press.message === undefined) {
    return postPublicly(deps, press, url, messages);
  }
  try {
    await updateMessage(deps.client, press.target.channel, press.message.ts, first);
  } catch (error) {
    if (!isOutOfReach(error) || url === undefined) throw error;
    await sendVia(url, [first], 'in_channel', true);
  }
  if (rest.length > 0) await postPublicly(deps, press, url, rest);
}

async function postPublicly(
  deps: PressDeps,
  press: ButtonPress,
  url: ResponseUrl | undefined,
  messages: readonly SlackMessage[],
): Promise<void> {
  try {
    await postMessages(deps.client, press.target, messages);
  } catch (error) {
    if (!isOutOfReach(error) || url === undefined) throw error;
    await sendVia(url, messages, 'in_channel');
  }
}

function required(url: ResponseUrl | undefined): ResponseUrl {
  if (url === undefined) throw new Error('the button payload has no response_url');
  return url;
}
