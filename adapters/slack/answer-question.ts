import type { Query, Reply } from '../../src/index.js';
import type { EventRun } from '../runtime/event-runtime.js';
import { shouldSend } from '../runtime/reply-policy.js';
import { rememberPrivate } from './answer-press.js';
import { renderApology, renderReply } from './render-reply.js';
import type { ResponseUrl } from './response-url.js';
import { type IncomingQuestion, readEventId } from './slack-events.js';
import type { SlackHandlerDeps } from './slack-handlers.js';
import { postMessages, sendVia } from './slack-send.js';

/**
 * Queues reply work after the ack: tracked for shutdown, run in turn behind waiting acks. It does
 * not keep the listener waiting, so Bolt lets go of each request (its buffers and response) as soon
 * as it is acknowledged; under a burst a thousand of them held until answered cost real GC time.
 */
export type Later = (run: EventRun) => void;

/**
 * The two ways a question is answered: an event (mention, DM) in the conversation through the Web
 * API, or privately through a `response_url` (`/ask`, the message shortcut).
 */
export function createAnswerers(deps: SlackHandlerDeps, later: Later) {
  const { bot, client } = deps;
  const answerEvent = (
    kind: string,
    incoming: IncomingQuestion,
    body: unknown,
    retryNum: number | undefined,
  ) => {
    const eventId = readEventId(body);
    const { target } = incoming;
    // The core answers each event id once: Slack's retries get a quiet `duplicate` reply.
    const query = eventId !== undefined ? { ...incoming.query, eventId } : incoming.query;
    const context: LogContext = { kind, eventId, user: query.user, channel: target.channel };
    const answer = async () => {
      const reply = noteRequest(context, await bot.handle(query));
      if (!shouldSend(reply, 'message')) return;
      await postMessages(client, target, renderReply(reply));
    };
    later({
      event: kind,
      context,
      // A retry's 👀 would come off while the first delivery is still being answered.
      work: () =>
        retryNum !== undefined && retryNum > 0
          ? answer()
          : deps.signOfLife.during(target.channel, incoming.messageTs, answer),
      apologise: () => postMessages(client, target, [renderApology()]),
    });
  };

  /** A question answered privately through a `response_url` (`/ask`, the message shortcut). */
  const answerPrivately = (kind: string, query: Query, url: ResponseUrl) => {
    const context: LogContext = { kind, user: query.user, channel: query.conversation };
    later({
      event: kind,
      context,
      work: async () => {
        const reply = noteRequest(context, await bot.handle(query));
        const messages = renderReply(reply, { shareButton: true });
        rememberPrivate(
          deps,
          { user: query.user, target: { channel: query.conversation } },
          reply,
          messages,
        );
        await sendVia(url, messages, 'ephemeral');
      },
      apologise: () => apologiseVia(url),
    });
  };

  return { answerEvent, answerPrivately };
}

/** The apology takes the `response_url`'s last use only if one is left. */
export async function apologiseVia(url: ResponseUrl): Promise<void> {
  if (url.usesLeft > 0) await sendVia(url, [renderApology()], 'ephemeral');
}

/** What an error log line says about the event; filled in as the handler learns more. */
export type LogContext = Record<string, unknown>;

/** Adds the core's request id to the log context, so a failed send can be traced to the question. */
export function noteRequest<T extends Reply>(context: LogContext, reply: T): T {
  if (reply.requestId !== undefined) context['requestId'] = reply.requestId;
  return reply;
}
