import { setTimeout as delay } from 'node:timers/promises';
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Bot, Logger } from '../../src/index.js';
import { PRIVATE_OPTION, QUESTION_OPTION } from './ask-command.js';
import { parseButtonCustomId } from './custom-ids.js';
import {
  type DiscordMessagePayload,
  renderApology,
  renderChoices,
  renderFeedback,
  renderReply,
} from './render-reply.js';
import { type EventPlace, messageToQuery, queryContext } from './translate-events.js';

export interface HandlerDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  /**
   * Discord drops an interaction not answered within 3 s. If the core has not replied by this
   * time the handler defers ("thinking…") and edits the reply in when the answer arrives.
   */
  readonly deferAfterMs: number;
}

/** Turns Discord events into core calls and the core's replies into Discord messages. */
export function createDiscordHandlers(deps: HandlerDeps) {
  const { bot, logger } = deps;

  /** Claims an event so two instances on one token answer it once; a store outage must not mute the bot. */
  async function claim(eventId: string): Promise<boolean> {
    try {
      return await bot.claim(`discord:${eventId}`);
    } catch (error) {
      logger.warn({ err: error, eventId }, 'could not claim the event; answering anyway');
      return true;
    }
  }

  async function onMessage(message: Message, botUserId: string): Promise<void> {
    const channel = message.channel;
    const decision = messageToQuery(
      {
        authorId: message.author.id,
        authorIsBot: message.author.bot,
        isSystem: message.system,
        content: message.content,
        channelId: message.channelId,
        threadParentId: channel.isThread() ? (channel.parentId ?? undefined) : undefined,
        isDirect: !message.inGuild(),
        mentionedUserIds: [...message.mentions.users.keys()],
      },
      botUserId,
    );
    if (decision.kind === 'ignore' || !(await claim(`message:${message.id}`))) return;
    const reply = await bot.handle(decision.query);
    // Over the rate limit and already told this window: a message needs no answer.
    if (reply.kind === 'decline' && reply.quiet) return;
    const [first, ...rest] = renderReply(reply);
    if (first) await message.reply(toOptions(first));
    for (const payload of rest) {
      if (channel.isSendable()) await channel.send(toOptions(payload));
    }
  }

  async function onAsk(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!(await claim(`interaction:${interaction.id}`))) return;
    const question = interaction.options.getString(QUESTION_OPTION) ?? '';
    const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
    const context = queryContext(placeOf(interaction));
    await respond(
      interaction,
      bot.handle({ ...context, text: question }).then((reply) => renderReply(reply, { question })),
      ephemeral,
    );
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const action = parseButtonCustomId(interaction.customId);
    if (action === undefined || !(await claim(`interaction:${interaction.id}`))) return;
    const context = queryContext(placeOf(interaction));
    if (action.kind === 'choose') {
      // An answer picked from a private reply stays private.
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
      await respond(
        interaction,
        bot.choose(context, action.entry).then((reply) => renderReply(reply)),
        ephemeral,
      );
    } else {
      await respond(
        interaction,
        bot.feedback(context, action.entry, action.rating).then(renderFeedback),
        true,
      );
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    if (interaction.options.getFocused(true).name !== QUESTION_OPTION) {
      await interaction.respond([]);
      return;
    }
    const typed = interaction.options.getFocused();
    await interaction.respond(renderChoices(bot.complete(typed, 25)));
  }

  /** Replies within Discord's window: directly when the core is quick, else defer then edit. */
  async function respond(
    interaction: RepliableInteraction,
    pending: Promise<DiscordMessagePayload[]>,
    ephemeral: boolean,
  ): Promise<void> {
    // Handled below; this only keeps a late failure from becoming an unhandled rejection.
    pending.catch(() => {});
    const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
    const timer = new AbortController();
    const first = await Promise.race([
      pending.then((payloads) => ({ payloads })),
      delay(deps.deferAfterMs, undefined, { signal: timer.signal }).then(() => undefined),
    ]).finally(() => timer.abort());
    let payloads: DiscordMessagePayload[];
    if (first) {
      payloads = first.payloads;
      const [head] = payloads;
      if (head) await interaction.reply({ ...toOptions(head), ...(flags ? { flags } : {}) });
    } else {
      logger.debug({ interaction: interaction.id }, 'core is slow; deferring the reply');
      await interaction.deferReply(flags ? { flags } : {});
      payloads = await pending;
      const [head] = payloads;
      if (head) await interaction.editReply(toOptions(head));
    }
    for (const payload of payloads.slice(1)) {
      await interaction.followUp({ ...toOptions(payload), ...(flags ? { flags } : {}) });
    }
  }

  /** Tells the user something went wrong, in whatever way the interaction still allows. */
  async function apologize(target: Message | RepliableInteraction): Promise<void> {
    const apology = toOptions(renderApology());
    if ('author' in target) {
      await target.reply(apology);
    } else if (target.deferred && !target.replied) {
      await target.editReply(apology);
    } else if (target.replied) {
      await target.followUp({ ...apology, flags: MessageFlags.Ephemeral });
    } else {
      await target.reply({ ...apology, flags: MessageFlags.Ephemeral });
    }
  }

  return { onMessage, onAsk, onButton, onAutocomplete, apologize };
}

function placeOf(interaction: RepliableInteraction | AutocompleteInteraction): EventPlace {
  const channel = interaction.channel;
  return {
    userId: interaction.user.id,
    channelId: interaction.channelId ?? channel?.id ?? 'unknown',
    threadParentId: channel?.isThread() ? (channel.parentId ?? undefined) : undefined,
  };
}

function toOptions(payload: DiscordMessagePayload) {
  return {
    content: payload.content,
    components: [...payload.components],
    allowedMentions: { parse: [], repliedUser: false },
  };
}

export type DiscordHandlers = ReturnType<typeof createDiscordHandlers>;
