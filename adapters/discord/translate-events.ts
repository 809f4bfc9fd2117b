import type { Query, QueryContext } from '../../src/index.js';

/** The parts of a Discord message the adapter decides on, free of discord.js classes. */
export interface IncomingMessage {
  readonly authorId: string;
  readonly authorIsBot: boolean;
  /** Joins, pins, boosts and other messages Discord writes itself. */
  readonly isSystem: boolean;
  readonly content: string;
  readonly channelId: string;
  /** Set when the message was posted in a thread: the channel the thread belongs to. */
  readonly threadParentId: string | undefined;
  readonly isDirect: boolean;
  /** Users Discord resolved as mentioned (explicit `<@id>`, or the author of a replied-to message). */
  readonly mentionedUserIds: readonly string[];
}

export type MessageDecision =
  | { readonly kind: 'ignore'; readonly reason: 'own' | 'bot' | 'system' | 'not-addressed' }
  | { readonly kind: 'ask'; readonly query: Query };

/** Where an event happened, as the core keys conversations. */
export interface EventPlace {
  readonly userId: string;
  readonly channelId: string;
  readonly threadParentId: string | undefined;
}

export function queryContext(place: EventPlace): QueryContext {
  return place.threadParentId === undefined
    ? { platform: 'discord', user: place.userId, conversation: place.channelId }
    : {
        platform: 'discord',
        user: place.userId,
        conversation: place.threadParentId,
        thread: place.channelId,
      };
}

/**
 * Decides whether a message is a question for the bot: DMs always are, guild messages when they
 * mention the bot. The bot's own messages and other bots' are ignored, so two bots never loop.
 */
export function messageToQuery(message: IncomingMessage, botUserId: string): MessageDecision {
  if (message.authorId === botUserId) return { kind: 'ignore', reason: 'own' };
  if (message.authorIsBot) return { kind: 'ignore', reason: 'bot' };
  if (message.isSystem) return { kind: 'ignore', reason: 'system' };
  if (!message.isDirect && !message.mentionedUserIds.includes(botUserId)) {
    return { kind: 'ignore', reason: 'not-addressed' };
  }
  return {
    kind: 'ask',
    query: {
      ...queryContext({
        userId: message.authorId,
        channelId: message.channelId,
        threadParentId: message.threadParentId,
      }),
      text: stripBotMention(message.content, botUserId),
    },
  };
}

/** Removes `<@id>` / `<@!id>` mentions of the bot; an empty result means "no question". */
export function stripBotMention(content: string, botUserId: string): string {
  return content
    .replace(new RegExp(`<@!?${botUserId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
