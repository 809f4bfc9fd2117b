/** Where a question came from. Adapters name themselves; the core treats the value as opaque. */
export type Platform = 'discord' | 'slack' | 'console' | 'cli';

/**
 * One incoming question, already stripped of platform markup by the adapter.
 *
 * `conversation` identifies the channel or DM; `thread` narrows it to a thread when the platform
 * has them. Together with `platform` and `user` they key the conversation's memory.
 */
export interface Query {
  readonly text: string;
  readonly platform: Platform;
  readonly user: string;
  readonly conversation: string;
  readonly thread?: string;
  /**
   * The platform's id for the event that carried the question (a Slack event id, a Discord message
   * or interaction id). When set, the core answers it once: a repeat (a retry, a redelivery, another
   * instance on the same token) gets a quiet `duplicate` decline that adapters do not send.
   * Unique per platform; the core adds the platform to it.
   */
  readonly eventId?: string;
}

/** The part of a query that identifies a conversation, used by actions that carry no text. */
export type QueryContext = Omit<Query, 'text' | 'eventId'>;
