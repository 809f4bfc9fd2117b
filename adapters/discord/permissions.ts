import { PermissionFlagsBits } from 'discord.js';

/**
 * What the bot needs in a channel to answer there, by the names the server settings show. Embeds
 * need Embed Links; replies to a message need Read Message History.
 */
export const NEEDED_PERMISSIONS = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  ReadMessageHistory: 'Read Message History',
  EmbedLinks: 'Embed Links',
} as const satisfies Partial<Record<keyof typeof PermissionFlagsBits, string>>;

export type NeededPermission = keyof typeof NEEDED_PERMISSIONS;

/** The `permissions=` integer of the guild invite link in the READMEs. */
export const INVITE_PERMISSIONS = (Object.keys(NEEDED_PERMISSIONS) as NeededPermission[]).reduce(
  (bits, name) => bits | PermissionFlagsBits[name],
  0n,
);
