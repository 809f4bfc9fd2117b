import { setImmediate } from 'node:timers/promises';
import type { App, RespondArguments, webApi } from '@slack/bolt';
import type { Bot, Logger, Reply } from '../../src/index.js';
import { renderApology, renderFeedback, renderReply, type SlackMessage } from './render-reply.js';
import {
  type ButtonPress,
  type IncomingQuestion,
  type ReplyTarget,
  readButtonPress,
  readDirectMessage,
  readEventId,
  readMention,
  readSlashCommand,
} from './slack-events.js';
import { createWorkLimiter } from './work-limiter.js';

type WebClient = webApi.WebClient;
type Respond = (message: RespondArguments) => Promise<unknown>;

export interface SlackHandlerDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  /** Runs one piece of reply work so `stop()` can wait for it. */
  readonly track: (work: () => Promise<void>) => Promise<void>;
}

/** The slash command in the manifest. */
export const SLASH_COMMAND = '/ask';

/**
 * Wires Slack's events to the core. Every listener acknowledges first (Slack allows 3 s), then
 * does its work inside one error boundary: log with context, apologise, keep running.
 */
/** Answers in progress at once; enough to keep the core busy, few enough that acks go first. */
const ANSWER_CONCURRENCY = 8;

export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const { bot, logger, track } = deps;
  const answering = createWorkLimiter(ANSWER_CONCURRENCY);

  const answerEvent = async (
    kind: string,
    incoming: IncomingQuestion,
    body: unknown,
    client: WebClient,
  ): Promise<void> => {
    const eventId = readEventId(body);
    const context: LogContext = {
      kind,
      eventId,
      user: incoming.query.user,
      channel: incoming.target.channel,
    };
    await track(() =>
      guard(
        logger,
        context,
        async () => {
          if (eventId !== undefined && !(await claim(bot, logger, eventId, context))) return;
          const reply = noteRequest(context, await bot.handle(incoming.query));
          // Over the rate limit and already told this window: a message needs no answer.
          if (reply.kind === 'decline' && reply.quiet) return;
          await post(client, incoming.target, renderReply(reply));
        },
        () => post(client, incoming.target, [renderApology()]),
      ),
    );
  };

  app.event('app_mention', async ({ event, body, context, client }) => {
    const incoming = readMention(event, context.botUserId);
    if (incoming !== undefined) await answerEvent('app_mention', incoming, body, client);
  });

  app.event('message', async ({ event, body, context, client }) => {
    const incoming = readDirectMessage(event, context.botUserId);
    if (incoming !== undefined) await answerEvent('direct_message', incoming, body, client);
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const query = readSlashCommand(command);
    if (query === undefined) return;
    const context: LogContext = {
      kind: 'slash_command',
      user: query.user,
      channel: query.conversation,
    };
    // Tracked from the ack on, so a shutdown waits for it; answered in turn, so that under a burst
    // the requests already received are acknowledged before the CPU goes to answers.
    await track(async () => {
      await setImmediate();
      await answering(() =>
        guard(
          logger,
          context,
          async () => {
            const reply = noteRequest(context, await bot.handle(query));
            await sendVia(respond, renderReply(reply, { shareButton: true }), 'ephemeral');
          },
          () => sendVia(respond, [renderApology()], 'ephemeral'),
        ),
      );
    });
  });

  app.action(/^kb_/, async ({ ack, body, action, respond, client }) => {
    await ack();
    const press = readButtonPress(body, action);
    if (press === undefined) return;
    const context: LogContext = {
      kind: `button_${press.intent.kind}`,
      entry: press.intent.entry,
      user: press.user,
      channel: press.target.channel,
    };
    await track(() =>
      guard(
        logger,
        context,
        () => answerPress(bot, press, respond, client, context),
        () => sendVia(respond, [renderApology()], 'ephemeral'),
      ),
    );
  });

  // Errors our boundaries did not catch (Bolt's own, e.g. authorization): log, never crash.
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'Slack (Bolt) reported an error');
  });
}

async function answerPress(
  bot: Bot,
  press: ButtonPress,
  respond: Respond,
  client: WebClient,
  log: LogContext,
): Promise<void> {
  const { intent, context } = press;
  switch (intent.kind) {
    case 'choose': {
      const messages = renderReply(noteRequest(log, await bot.choose(context, intent.entry)), {
        shareButton: press.ephemeral,
      });
      if (press.ephemeral) await sendVia(respond, messages, 'ephemeral');
      else await post(client, press.target, messages);
      return;
    }
    case 'feedback': {
      // Only the presser sees the thanks. response_url works in any channel the message is in,
      // where chat.postEphemeral would need the bot to be a member (answers shared by others).
      const messages = renderFeedback(await bot.feedback(context, intent.entry, intent.rating));
      await sendVia(respond, messages, 'ephemeral');
      return;
    }
    case 'share': {
      const reply = noteRequest(log, await bot.choose(context, intent.entry));
      const messages = renderReply(reply, { sharedBy: press.user });
      if (!press.ephemeral) {
        await post(client, press.target, messages);
        return;
      }
      await sendVia(respond, messages, 'in_channel');
      // The private copy has served its purpose once the public one is in the channel.
      await respond({ delete_original: true });
      return;
    }
  }
}

/** What an error log line says about the event; filled in as the handler learns more. */
type LogContext = Record<string, unknown>;

/** Adds the core's request id to the log context, so a failed send can be traced to the question. */
function noteRequest<T extends Reply>(context: LogContext, reply: T): T {
  if (reply.requestId !== undefined) context['requestId'] = reply.requestId;
  return reply;
}

/** Claims the event id; if the store cannot say, answering twice beats not answering at all. */
async function claim(bot: Bot, logger: Logger, eventId: string, context: object): Promise<boolean> {
  try {
    const first = await bot.claim(eventId);
    if (!first)
      logger.debug({ ...context }, 'Slack redelivered an event already answered; skipped');
    return first;
  } catch (error) {
    logger.warn(
      { err: error, ...context },
      'Could not record the Slack event id; answering anyway',
    );
    return true;
  }
}

async function guard(
  logger: Logger,
  context: object,
  work: () => Promise<void>,
  apologise: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.error({ err: error, ...context }, 'Slack handler failed; apologising to the user');
    try {
      await apologise();
    } catch (apologyError) {
      logger.warn({ err: apologyError, ...context }, 'Could not send the apology to Slack either');
    }
  }
}

async function post(client: WebClient, target: ReplyTarget, messages: SlackMessage[]) {
  for (const message of messages) {
    await client.chat.postMessage({
      channel: target.channel,
      text: message.text,
      blocks: message.blocks,
      ...(target.threadTs !== undefined ? { thread_ts: target.threadTs } : {}),
      // Our text is already escaped; nothing in it should be linkified or unfurled.
      parse: 'none',
      link_names: false,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

async function sendVia(
  respond: Respond,
  messages: SlackMessage[],
  responseType: 'ephemeral' | 'in_channel',
) {
  for (const message of messages) {
    await respond({
      response_type: responseType,
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  }
}
