import {
  type Channel,
  DiscordAPIError,
  PermissionFlagsBits,
  type PermissionResolvable,
  RESTJSONErrorCodes,
  type User,
} from 'discord.js';
import { NEEDED_PERMISSIONS, type NeededPermission } from './permissions.js';

/**
 * Discord's refusal to reply to a message that no longer exists: 10008 Unknown Message, or a 400
 * Invalid Form Body whose error names `message_reference` (what `fail_if_not_exists` gives).
 */
export function isUnknownReference(error: unknown): boolean {
  if (!(error instanceof DiscordAPIError)) return false;
  if (error.code === RESTJSONErrorCodes.UnknownMessage) return true;
  const errors = (error.rawError as { errors?: Record<string, unknown> }).errors;
  return (
    error.code === RESTJSONErrorCodes.InvalidFormBodyOrContentType &&
    !!errors?.['message_reference']
  );
}

/**
 * For a 403 Missing Permissions / Missing Access: the permissions an admin must grant the bot in
 * this channel, named as in the server settings. Discord does not say which one is missing, so
 * they are read from the cached roles and overwrites; without a cache, every one it needs.
 * Undefined for any other error.
 */
export function missingPermissions(
  error: unknown,
  channel: Channel | null,
  botUser: User | null,
): string[] | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (
    error.code !== RESTJSONErrorCodes.MissingPermissions &&
    error.code !== RESTJSONErrorCodes.MissingAccess
  ) {
    return undefined;
  }
  const inThread = channel?.isThread() ?? false;
  const needed: NeededPermission[] = [
    'ViewChannel',
    inThread ? 'SendMessagesInThreads' : 'SendMessages',
    'ReadMessageHistory',
    'EmbedLinks',
  ];
  const granted =
    channel && !channel.isDMBased() && botUser ? channel.permissionsFor(botUser) : null;
  const missing = granted
    ? needed.filter((name) => !granted.has(PermissionFlagsBits[name] as PermissionResolvable))
    : needed;
  return (missing.length > 0 ? missing : needed).map((name) => NEEDED_PERMISSIONS[name]);
}
