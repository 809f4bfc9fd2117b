import { setTimeout as delay } from 'node:timers/promises';
import {
  type ButtonInteraction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Logger } from '../../src/index.js';
import type { ButtonRow, DiscordMessagePayload } from './render-reply.js';
import { isUnknownReference } from './rest-errors.js';

/** How the handlers send: within Discord's 3 s window, deferring when the core is slow. */
export interface Responder {
  /** A new response to the interaction (type 4), or "thinking…" (type 5) then an edit. */
  reply(
    interaction: RepliableInteraction,
    pending: Promise<DiscordMessagePayload[]>,
    ephemeral: boolean,
  ): Promise<void>;
  /** Turns the pressed message itself into the result (type 7), or type 6 then an edit. */
  update(interaction: ButtonInteraction, pending: Promise<DiscordMessagePayload[]>): Promise<void>;
  /**
   * Changes only the pressed message's buttons (type 7), then posts the result as follow-ups.
   * `undefined` (a duplicate press) means no response at all: another delivery is answering it.
   */
  updateRowsThenFollowUp(
    interaction: ButtonInteraction,
    rows: readonly ButtonRow[],
    pending: Promise<DiscordMessagePayload[] | undefined>,
    ephemeral: boolean,
  ): Promise<void>;
  /** Replies to a message; if the asker deleted it meanwhile, posts in the channel instead. */
  replyToMessage(message: Message, payloads: readonly DiscordMessagePayload[]): Promise<void>;
}

export function createResponder(deps: { logger: Logger; deferAfterMs: number }): Responder {
  const { logger } = deps;

  /** What the core resolved to if it did within the window, undefined if it is slower. */
  async function inTime<T>(pending: Promise<T>): Promise<{ readonly value: T } | undefined> {
    // Awaited below; this only keeps a late failure from becoming an unhandled rejection.
    pending.catch(() => {});
    const timer = new AbortController();
    const first = await Promise.race([
      pending.then((value) => ({ value })),
      delay(deps.deferAfterMs, undefined, { signal: timer.signal }).then(() => undefined),
    ]).finally(() => timer.abort());
    if (first === undefined) logger.debug('core is slow; deferring the response');
    return first;
  }

  async function followUps(
    interaction: RepliableInteraction,
    payloads: readonly DiscordMessagePayload[],
    ephemeral: boolean,
  ): Promise<void> {
    for (const payload of payloads) {
      await interaction.followUp({ ...toOptions(payload), ...flagsFor(ephemeral) });
    }
  }

  return {
    async reply(interaction, pending, ephemeral) {
      const quick = await inTime(pending);
      let payloads: DiscordMessagePayload[];
      if (quick) {
        payloads = quick.value;
        const [head] = payloads;
        if (head) await interaction.reply({ ...toOptions(head), ...flagsFor(ephemeral) });
      } else {
        await interaction.deferReply(flagsFor(ephemeral));
        payloads = await pending;
        const [head] = payloads;
        if (head) await interaction.editReply(toOptions(head));
      }
      await followUps(interaction, payloads.slice(1), ephemeral);
    },

    async update(interaction, pending) {
      const quick = await inTime(pending);
      let payloads: DiscordMessagePayload[];
      if (quick) {
        payloads = quick.value;
        const [head] = payloads;
        if (head) await interaction.update(toUpdateOptions(head));
      } else {
        await interaction.deferUpdate();
        payloads = await pending;
        const [head] = payloads;
        if (head) await interaction.editReply(toUpdateOptions(head));
      }
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
      await followUps(interaction, payloads.slice(1), ephemeral);
    },

    async updateRowsThenFollowUp(interaction, rows, pending, ephemeral) {
      // The core decides first whether this press is new (a store claim, bounded by the store's
      // timeout, well inside the window): a press it has seen gets no response at all here.
      const quick = await inTime(pending);
      if (quick !== undefined && quick.value === undefined) return;
      await interaction.update({ components: [...rows] });
      const payloads = quick === undefined ? await pending : quick.value;
      // A slow duplicate is not told apart in time; its rows are set, and nothing more is sent.
      await followUps(interaction, payloads ?? [], ephemeral);
    },

    async replyToMessage(message, payloads) {
      const [head, ...rest] = payloads;
      if (head) {
        try {
          await message.reply(toOptions(head));
        } catch (error) {
          if (!isUnknownReference(error) || !message.channel.isSendable()) throw error;
          logger.info(
            { message: message.id, channel: message.channelId },
            'the question was deleted before the answer: answering in the channel without the reply link',
          );
          await message.channel.send(toOptions(head));
        }
      }
      for (const payload of rest) {
        if (message.channel.isSendable()) await message.channel.send(toOptions(payload));
      }
    },
  };
}

function flagsFor(ephemeral: boolean) {
  return ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
}

export function toOptions(payload: DiscordMessagePayload) {
  return {
    content: payload.content,
    embeds: [...payload.embeds],
    components: [...payload.components],
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** An update leaves the pressed message's text alone when the result has none (the echoed question stays). */
function toUpdateOptions(payload: DiscordMessagePayload) {
  const { content, ...rest } = toOptions(payload);
  return content === '' ? rest : { content, ...rest };
}
