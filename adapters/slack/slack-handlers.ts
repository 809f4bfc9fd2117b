import type { App, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot-types.js';
import type { Logger } from '../../src/logger.js';
import type { Query } from '../../src/query.js';
import type { Reply } from '../../src/reply.js';
import { answerPress, rememberPrivate } from './answer-press.js';
import type { HomePublisher } from './app-home.js';
import type { PrivateAnswers } from './private-answers.js';
import { ACTION_IDS, renderApology, renderReply } from './render-reply.js';
import { createResponseUrl, type ResponseUrl } from './response-url.js';
import type { SignOfLife } from './sign-of-life.js';
import {
  type IncomingQuestion,
  readButtonPress,
  readDirectMessage,
  readEventId,
  readHomeOpened,
  readHomePress,
  readMention,
  readMessageShortcut,
  readSlashCommand,
} from './slack-events.js';
import { postMessages, sendVia } from './slack-send.js';

type WebClient = webApi.WebClient;

export interface SlackHandlerDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  /** Runs one piece of reply work so `stop()` can wait for it. */
  readonly track: (work: () => Promise<void>) => Promise<void>;
  /** Runs reply work in turn, after the acknowledgements waiting (see `ack-gate.ts`). */
  readonly answering: <T>(task: () => Promise<T>) => Promise<T>;
  readonly client: WebClient;
  readonly home: HomePublisher;
  readonly signOfLife: SignOfLife;
  readonly privateAnswers: PrivateAnswers;
}

/** The slash command and the message shortcut in the manifest. */
export const SLASH_COMMAND = '/ask';
export const MESSAGE_SHORTCUT = 'ask_about_message';

/**
 * Wires Slack's events to the core. Every listener acknowledges first (Slack allows 3 s), then
 * queues its work behind the acknowledgements still waiting, inside one error boundary: log with
 * context, apologise, keep running.
 */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const { bot, logger, client } = deps;
  /** Tracked from the ack on (so a shutdown waits for it) and answered in turn. */
  const later = (work: () => Promise<void>) => deps.track(() => deps.answering(work));

  const answerEvent = (kind: string, incoming: IncomingQuestion, body: unknown) => {
    const eventId = readEventId(body);
    const { query, target } = incoming;
    const context: LogContext = { kind, eventId, user: query.user, channel: target.channel };
    return later(() =>
      guard(
        logger,
        context,
        async () => {
          if (eventId !== undefined && !(await claim(bot, logger, eventId, context))) return;
          await deps.signOfLife.during(target.channel, incoming.messageTs, async () => {
            const reply = noteRequest(context, await bot.handle(query));
            // Over the rate limit and already told this window: a message needs no answer.
            if (reply.kind === 'decline' && reply.quiet) return;
            await postMessages(client, target, renderReply(reply));
          });
        },
        () => postMessages(client, target, [renderApology()]),
      ),
    );
  };

  /** A question answered privately through a `response_url` (`/ask`, the message shortcut). */
  const answerPrivately = (kind: string, query: Query, url: ResponseUrl) => {
    const context: LogContext = { kind, user: query.user, channel: query.conversation };
    return later(() =>
      guard(
        logger,
        context,
        async () => {
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
        () => apologiseVia(url),
      ),
    );
  };

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    await ack();
    const query = readSlashCommand(command);
    if (query === undefined || typeof command.response_url !== 'string') return;
    await answerPrivately('slash_command', query, createResponseUrl(command.response_url));
  });

  app.shortcut(
    { callback_id: MESSAGE_SHORTCUT, type: 'message_action' },
    async ({ ack, body, context }) => {
      await ack();
      const asked = readMessageShortcut(body, context.botUserId);
      if (asked === undefined) return;
      await answerPrivately('message_shortcut', asked.query, createResponseUrl(asked.responseUrl));
    },
  );

  registerButtons(app, deps, later);

  const homeOpened = (event: unknown) => {
    const opened = readHomeOpened(event);
    if (opened === undefined) return;
    return later(async () => {
      try {
        await deps.home.opened(opened.user, opened.channel);
      } catch (error) {
        // Nobody asked anything: no apology, the tab keeps what it showed before.
        logger.warn({ err: error, user: opened.user }, 'Could not publish the Slack Home tab');
      }
    });
  };

  // One listener for the three events: Bolt runs every listener's matchers on every payload.
  app.event(/^(app_mention|message|app_home_opened)$/, async ({ event, body, context }) => {
    if (event.type === 'app_home_opened') return homeOpened(event);
    const incoming =
      event.type === 'app_mention'
        ? readMention(event, context.botUserId)
        : readDirectMessage(event, context.botUserId);
    if (incoming !== undefined)
      await answerEvent(
        event.type === 'app_mention' ? 'app_mention' : 'direct_message',
        incoming,
        body,
      );
  });

  // Errors our boundaries did not catch (Bolt's own, e.g. authorization): log, never crash.
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'Slack (Bolt) reported an error');
  });
}

function registerButtons(
  app: App,
  deps: SlackHandlerDeps,
  later: (work: () => Promise<void>) => Promise<void>,
): void {
  const { bot, logger, client } = deps;

  // Buttons on messages and on the Home tab, in one listener (see the events above).
  app.action(/^kb_/, async ({ ack, body, action }) => {
    await ack();
    const actionId = 'action_id' in action ? action.action_id : '';
    if (actionId.startsWith(ACTION_IDS.homeAsk)) return answerHomePress(deps, later, body, action);
    const press = readButtonPress(body, action);
    if (press === undefined) return;
    const context: LogContext = {
      kind: `button_${press.intent.kind}`,
      entry: press.intent.entry,
      user: press.user,
      channel: press.target.channel,
    };
    const url = press.responseUrl !== undefined ? createResponseUrl(press.responseUrl) : undefined;
    const note = (reply: Reply) => noteRequest(context, reply);
    await later(() =>
      guard(
        logger,
        context,
        () => answerPress({ bot, client, privateAnswers: deps.privateAnswers, note }, press, url),
        async () => {
          if (url !== undefined) await apologiseVia(url);
        },
      ),
    );
  });
}

/** An example pressed on the Home tab: answered in the user's DM with the bot. */
function answerHomePress(
  deps: SlackHandlerDeps,
  later: (work: () => Promise<void>) => Promise<void>,
  body: unknown,
  action: unknown,
): Promise<void> | undefined {
  const { bot, logger, client } = deps;
  const press = readHomePress(body, action);
  if (press === undefined) return undefined;
  const target = { channel: press.dmChannel };
  const context: LogContext = { kind: 'home_example', entry: press.entry, user: press.user };
  const conversation = {
    platform: 'slack' as const,
    user: press.user,
    conversation: press.dmChannel,
  };
  return later(() =>
    guard(
      logger,
      context,
      async () => {
        const reply = noteRequest(context, await bot.choose(conversation, press.entry));
        await postMessages(client, target, renderReply(reply));
      },
      () => postMessages(client, target, [renderApology()]),
    ),
  );
}

/** The apology takes the `response_url`'s last use only if one is left. */
async function apologiseVia(url: ResponseUrl): Promise<void> {
  if (url.usesLeft > 0) await sendVia(url, [renderApology()], 'ephemeral');
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
