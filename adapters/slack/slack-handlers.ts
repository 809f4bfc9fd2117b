import type { App, webApi } from '@slack/bolt';
import type { Bot, Logger, Reply } from '../../src/index.js';
import type { EventRuntime } from '../runtime/event-runtime.js';
import { answerPress } from './answer-press.js';
import {
  apologiseVia,
  createAnswerers,
  type Later,
  type LogContext,
  noteRequest,
} from './answer-question.js';
import type { HomePublisher } from './app-home.js';
import type { PrivateAnswers } from './private-answers.js';
import { ACTION_IDS, renderApology, renderReply } from './render-reply.js';
import { createResponseUrl } from './response-url.js';
import type { SignOfLife } from './sign-of-life.js';
import {
  readButtonPress,
  readDirectMessage,
  readHomeOpened,
  readHomePress,
  readMention,
  readMessageShortcut,
  readSlashCommand,
} from './slack-events.js';
import { postMessages } from './slack-send.js';

type WebClient = webApi.WebClient;

export interface SlackHandlerDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  /**
   * Runs reply work inside the shared error boundary, tracked so `stop()` can wait for it, and in
   * turn after the acknowledgements waiting (see `ack-gate.ts`).
   */
  readonly runtime: EventRuntime;
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
  const { logger } = deps;
  /** Tracked from the ack on (so a shutdown waits for it) and answered in turn. */
  const later: Later = (run) => {
    // run() never rejects: every piece of work runs inside the runtime's error boundary.
    void deps.runtime.run(run);
  };

  const { answerEvent, answerPrivately } = createAnswerers(deps, later);

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    await ack();
    const query = readSlashCommand(command);
    if (query === undefined || typeof command.response_url !== 'string') return;
    answerPrivately('slash_command', query, createResponseUrl(command.response_url));
  });

  app.shortcut(
    { callback_id: MESSAGE_SHORTCUT, type: 'message_action' },
    async ({ ack, body, context }) => {
      await ack();
      const asked = readMessageShortcut(body, context.botUserId);
      if (asked === undefined) return;
      answerPrivately('message_shortcut', asked.query, createResponseUrl(asked.responseUrl));
    },
  );

  registerButtons(app, deps, later);

  const homeOpened = (event: unknown) => {
    const opened = readHomeOpened(event);
    if (opened === undefined) return;
    return later({
      event: 'app_home_opened',
      context: { user: opened.user },
      work: async () => {
        try {
          await deps.home.opened(opened.user, opened.channel);
        } catch (error) {
          // Nobody asked anything: no apology, the tab keeps what it showed before.
          logger.warn({ err: error, user: opened.user }, 'Could not publish the Slack Home tab');
        }
      },
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
      answerEvent(
        event.type === 'app_mention' ? 'app_mention' : 'direct_message',
        incoming,
        body,
        context.retryNum,
      );
  });

  // Errors our boundaries did not catch (Bolt's own, e.g. authorization): log, never crash.
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'Slack (Bolt) reported an error');
  });
}

function registerButtons(app: App, deps: SlackHandlerDeps, later: Later): void {
  const { bot, client } = deps;

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
    later({
      event: context['kind'] as string,
      context,
      work: () =>
        answerPress({ bot, client, privateAnswers: deps.privateAnswers, note }, press, url),
      apologise: async () => {
        if (url !== undefined) await apologiseVia(url);
      },
    });
  });
}

/** An example pressed on the Home tab: answered in the user's DM with the bot. */
function answerHomePress(
  deps: SlackHandlerDeps,
  later: Later,
  body: unknown,
  action: unknown,
): void {
  const { bot, client } = deps;
  const press = readHomePress(body, action);
  if (press === undefined) return;
  const target = { channel: press.dmChannel };
  const context: LogContext = { kind: 'home_example', entry: press.entry, user: press.user };
  const conversation = {
    platform: 'slack' as const,
    user: press.user,
    conversation: press.dmChannel,
  };
  later({
    event: 'home_example',
    context,
    work: async () => {
      const reply = noteRequest(context, await bot.choose(conversation, press.entry));
      await postMessages(client, target, renderReply(reply));
    },
    apologise: () => postMessages(client, target, [renderApology()]),
  });
}
