import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Message,
  MessageContextMenuCommandInteraction,
  RepliableInteraction,
} from 'discord.js';
import type { Bot, Logger } from '../../src/index.js';
import { shouldSend } from '../runtime/reply-policy.js';
import { createButtonHandler } from './button-handler.js';
import { PRIVATE_OPTION, QUESTION_OPTION } from './commands.js';
import { createNotices } from './notices.js';
import { renderChoices, renderReply } from './render-reply.js';
import { createResponder } from './respond.js';
import {
  type EventPlace,
  type IncomingMessage,
  messageToQuery,
  queryContext,
  stripBotMention,
} from './translate-events.js';

export interface HandlerDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  /**
   * Discord drops an interaction not answered within 3 s. If the core has not replied by this
   * time the handler defers ("thinking…") and edits the reply in when the answer arrives.
   */
  readonly deferAfterMs: number;
}

export const UNKNOWN_COMMAND =
  "I don't know that command: it may be from an older version of me. Try /ask or /help.";
export const RESTARTING = "I'm restarting right now. Please ask again in a moment.";

/** Turns Discord events into core calls and the core's replies into Discord messages. */
export function createDiscordHandlers(deps: HandlerDeps) {
  const { bot } = deps;
  const responder = createResponder(deps);
  const pressButton = createButtonHandler({
    bot,
    responder,
    context: (interaction) => queryContext(placeOf(interaction)),
  });

  async function onMessage(message: Message, botUserId: string): Promise<void> {
    const decision = messageToQuery(incomingOf(message), botUserId);
    if (decision.kind === 'ignore') return;
    // The core claims the event id: another instance (or a redelivery) gets a quiet duplicate.
    const reply = await bot.handle({ ...decision.query, eventId: `message:${message.id}` });
    if (!shouldSend(reply, 'message')) return;
    await responder.replyToMessage(message, renderReply(reply));
  }

  /** Answers `text` from the core as a response to the interaction. */
  async function answer(
    interaction: RepliableInteraction,
    text: string,
    ephemeral: boolean,
    echo: boolean,
  ): Promise<void> {
    const context = queryContext(placeOf(interaction));
    const pending = bot
      .handle({ ...context, text, eventId: `interaction:${interaction.id}` })
      .then((reply) =>
        shouldSend(reply, 'command') ? renderReply(reply, echo ? { question: text } : {}) : [],
      );
    await responder.reply(interaction, pending, ephemeral);
  }

  async function onAsk(interaction: ChatInputCommandInteraction): Promise<void> {
    const question = interaction.options.getString(QUESTION_OPTION) ?? '';
    const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
    await answer(interaction, question, ephemeral, true);
  }

  /** `/help`: the core's help (an empty question), privately, its examples as buttons. */
  async function onHelp(interaction: ChatInputCommandInteraction): Promise<void> {
    await answer(interaction, '', true, false);
  }

  /**
   * "Ask Knowledge Bot" on a message: Discord resolves the message into the interaction, content
   * included, without the Message Content intent. Private: the author did not ask for an answer.
   */
  async function onAskMessage(
    interaction: MessageContextMenuCommandInteraction,
    botUserId: string,
  ): Promise<void> {
    const text = stripBotMention(interaction.targetMessage.content, botUserId);
    await answer(interaction, text, true, true);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    await pressButton(interaction);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (interaction.options.getFocused(true).name !== QUESTION_OPTION) {
      await interaction.respond([]);
      return;
    }
    const typed = interaction.options.getFocused();
    await interaction.respond(renderChoices(bot.complete(typed, 25)));
  }

  const { notice, apologize } = createNotices(responder);
  return { onMessage, onAsk, onHelp, onAskMessage, onButton, onAutocomplete, notice, apologize };
}

/** The parts of a discord.js message the adapter decides on. */
function incomingOf(message: Message): IncomingMessage {
  const channel = message.channel;
  return {
    authorId: message.author.id,
    authorIsBot: message.author.bot,
    isSystem: message.system,
    content: message.content,
    channelId: message.channelId,
    threadParentId: channel.isThread() ? (channel.parentId ?? undefined) : undefined,
    isDirect: !message.inGuild(),
    mentionedUserIds: [...message.mentions.users.keys()],
  };
}

function placeOf(interaction: RepliableInteraction | AutocompleteInteraction): EventPlace {
  const channel = interaction.channel;
  return {
    userId: interaction.user.id,
    channelId: interaction.channelId ?? channel?.id ?? 'unknown',
    threadParentId: channel?.isThread() ? (channel.parentId ?? undefined) : undefined,
  };
}

export type DiscordHandlers = ReturnType<typeof createDiscordHandlers>;
