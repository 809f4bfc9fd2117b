import { type Message, MessageFlags, type RepliableInteraction } from 'discord.js';
import { renderApology, renderNotice } from './render-reply.js';
import { type Responder, toOptions } from './respond.js';

/** Short private notes and the apology: what a user sees instead of nothing. */
export function createNotices(responder: Responder) {
  /** A one-line private note, for interactions the bot cannot serve (unknown command, restarting). */
  async function notice(interaction: RepliableInteraction, text: string): Promise<void> {
    await interaction.reply({ ...toOptions(renderNotice(text)), flags: MessageFlags.Ephemeral });
  }

  /** Tells the user something went wrong, in whatever way the interaction still allows. */
  async function apologize(target: Message | RepliableInteraction): Promise<void> {
    const apology = renderApology();
    if ('author' in target) {
      await responder.replyToMessage(target, [apology]);
    } else if (target.deferred && !target.replied) {
      await target.editReply(toOptions(apology));
    } else if (target.replied || target.deferred) {
      await target.followUp({ ...toOptions(apology), flags: MessageFlags.Ephemeral });
    } else {
      await target.reply({ ...toOptions(apology), flags: MessageFlags.Ephemeral });
    }
  }

  return { notice, apologize };
}
