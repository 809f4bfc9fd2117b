import { type ButtonInteraction, type Message, MessageFlags } from 'discord.js';
import type { ActionContext, Bot, QueryContext } from '../../src/index.js';
import { shouldSend } from '../runtime/reply-policy.js';
import { disablePressedRow, markRated } from './button-rows.js';
import { type ButtonAction, parseButtonCustomId } from './custom-ids.js';
import {
  type DiscordMessagePayload,
  renderFeedback,
  renderNotice,
  renderReply,
} from './render-reply.js';
import type { Responder } from './respond.js';
import { type PressPlan, planPress } from './translate-events.js';

export const OLD_BUTTON =
  'This button is from an older version of me and no longer works. Ask again with /ask.';
export const NOT_YOUR_RATING =
  'Only the person who asked can rate this answer. Ask it yourself with /ask to rate yours.';
export const ALREADY_RATED = 'This answer was already rated. Thanks!';

/**
 * A press: a suggestion answers that entry, 👍/👎 records a rating through the core. The message
 * pressed shows the outcome (its buttons disable), so it cannot be pressed twice for the same.
 * One press is one core call; a press the core has seen already resolves to `undefined`, and
 * then nothing at all is sent: the first delivery's instance is answering it.
 */
export function createButtonHandler(deps: {
  bot: Bot;
  responder: Responder;
  context: (interaction: ButtonInteraction) => QueryContext;
}) {
  const { bot, responder } = deps;
  // The press's id travels to the core, which acts on it once (a redelivery gets nothing).
  const contextOf = (interaction: ButtonInteraction): ActionContext => ({
    ...deps.context(interaction),
    eventId: `interaction:${interaction.id}`,
  });

  async function notice(interaction: ButtonInteraction, text: string): Promise<void> {
    await interaction.reply({ ...noticeOptions(text), flags: MessageFlags.Ephemeral });
  }

  async function choose(
    interaction: ButtonInteraction,
    entry: string,
    plan: PressPlan,
  ): Promise<void> {
    const pending = bot
      .choose(contextOf(interaction), entry)
      .then((reply) => (shouldSend(reply, 'command') ? renderReply(reply) : undefined));
    if (plan === 'update') return responder.update(interaction, orNothing(pending));
    if (plan === 'private') return responder.reply(interaction, orNothing(pending), true);
    const rows = disablePressedRow(rowsOf(interaction.message), interaction.customId);
    return responder.updateRowsThenFollowUp(interaction, rows, pending, false);
  }

  async function rate(
    interaction: ButtonInteraction,
    action: Extract<ButtonAction, { kind: 'feedback' }>,
    plan: PressPlan,
  ): Promise<void> {
    // The rating is the asker's: whether the answer answered their question.
    if (plan === 'private') return notice(interaction, NOT_YOUR_RATING);
    const rows = markRated(rowsOf(interaction.message), action.rating);
    const pending = bot
      .feedback(contextOf(interaction), action.entry, action.rating)
      .then((feedback) => (feedback.duplicate ? undefined : renderFeedback(feedback)));
    // Runners-up after a 👎 are for the asker alone.
    return responder.updateRowsThenFollowUp(interaction, rows, pending, true);
  }

  return async function onButton(interaction: ButtonInteraction): Promise<void> {
    const action = parseButtonCustomId(interaction.customId);
    if (action === undefined) return notice(interaction, OLD_BUTTON);
    if (action.kind === 'rated') return notice(interaction, ALREADY_RATED);
    const plan = planPress({
      ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
      askerId: askerOf(interaction.message, interaction.channel?.isDMBased() ?? false),
      presserId: interaction.user.id,
    });
    if (action.kind === 'choose') return choose(interaction, action.entry, plan);
    return rate(interaction, action, plan);
  };
}

/**
 * Who the bot answered with this message: the user of the interaction it responds to, the author
 * of the message it replies to. In a DM with the bot, that is whoever presses.
 */
function askerOf(message: Message, isDirect: boolean): string | undefined {
  return (
    message.interactionMetadata?.user.id ??
    message.mentions.repliedUser?.id ??
    (isDirect && message.channel.isDMBased() && 'recipientId' in message.channel
      ? message.channel.recipientId
      : undefined)
  );
}

/** A response that is a new message or an update sends no payloads for a duplicate. */
function orNothing(pending: Promise<DiscordMessagePayload[] | undefined>) {
  return pending.then((payloads) => payloads ?? []);
}

function rowsOf(message: Message): unknown[] {
  return message.components.map((component) => component.toJSON());
}

function noticeOptions(text: string) {
  const payload = renderNotice(text);
  return { content: payload.content, allowedMentions: { parse: [], repliedUser: false } };
}
