import type { QueryContext } from '../query.js';
import type { Suggestion } from '../reply.js';
import type { StateStore } from '../store/state-store.js';

/** The last answer in a conversation: what feedback and follow-ups refer to. */
export interface LastAnswer {
  readonly entry: string;
  readonly question: string;
  readonly confidence: number;
  readonly runnersUp: readonly Suggestion[];
  /** Every entry answered in that turn, when it answered several parts ("which one has more?"). */
  readonly parts?: readonly string[];
}

/** What a conversation remembers between questions. */
export interface ConversationState {
  /** Suggestions last offered as a numbered list, so a reply of "2" picks the second. */
  readonly pending?: readonly Suggestion[];
  readonly last?: LastAnswer;
  /**
   * The entry answered last before a decline or clarification ended the context. Nothing is
   * answered from it; it only keeps a message that leans on it from being answered about another
   * topic ("how many were hurt?" after the deaths in Jordan and a declined turn).
   */
  readonly topic?: string;
}

export interface ConversationMemory {
  read(context: QueryContext): Promise<ConversationState>;
  write(context: QueryContext, state: ConversationState): Promise<void>;
}

/**
 * Conversation state in the store, keyed by platform, channel, thread and user, so two people in
 * one channel (or one person in two threads) keep separate contexts. Entries expire after `ttlMs`.
 */
export function createConversationMemory(store: StateStore, ttlMs: number): ConversationMemory {
  const key = (c: QueryContext) =>
    `conversation:${c.platform}:${c.conversation}:${c.thread ?? '-'}:${c.user}`;
  return {
    read: async (context) => (await store.get<ConversationState>(key(context))) ?? {},
    write: async (context, state) => {
      await store.set(key(context), state, ttlMs);
    },
  };
}
