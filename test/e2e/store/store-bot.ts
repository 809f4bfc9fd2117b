import { expect } from 'vitest';
import { createStore } from '../../../adapters/store/create-store.js';
import { createBot } from '../../../src/bot.js';
import type { Bot } from '../../../src/bot-types.js';
import type { Logger } from '../../../src/logger.js';
import type { Query } from '../../../src/query.js';
import type { Reply } from '../../../src/reply.js';
import { createStateStore } from '../../../src/store/state-store.js';
import type { StorePort } from '../../../src/store/store-port.js';
import { shippedKnowledgeBase } from '../../support/shipped-bot.js';
import {
  createRecordingLogger,
  type LogRecord,
} from '../../support/slack-fake/recording-logger.js';

/** A question the shipped knowledge answers outright. */
export const ANSWERED_QUESTION = 'How many US troops are in Iraq?';
/**
 * Questions the shipped knowledge does not answer outright: an off-topic one is declined with
 * numbered example questions, an ambiguous one clarified with numbered suggestions. Either offers
 * a numbered list, which is what the memory tests need; which one does depends on the matcher.
 */
const UNSETTLED_QUESTIONS = ['what is the weather in Paris tomorrow', 'jordan', 'us troops'];

export interface StoreBot {
  readonly bot: Bot;
  readonly store: StorePort;
  readonly logger: Logger & { readonly records: LogRecord[] };
}

/** The real core on the shipped knowledge, with its store opened from a STORE_URL like the app's. */
export async function openStoreBot(url: string): Promise<StoreBot> {
  const logger = createRecordingLogger();
  const store = await createStore(url, { logger });
  // Wired as the composition root wires it: the core's degrading wrapper over the port.
  const bot = createBot({
    knowledge: await shippedKnowledgeBase(),
    store: createStateStore(store, logger),
    logger,
  });
  return { bot, store, logger };
}

export function ask(text: string, conversation: string, user = 'tester'): Query {
  return { text, platform: 'console', user, conversation };
}

/**
 * Delivers a platform event carrying a question to `bot`: true when this instance acted on it,
 * false when the event id was claimed already (the quiet `duplicate` reply).
 */
export async function deliver(bot: Bot, eventId: string): Promise<boolean> {
  const reply = await bot.handle({ ...ask(ANSWERED_QUESTION, `event-${eventId}`), eventId });
  return !(reply.kind === 'decline' && reply.reason === 'duplicate');
}

/** A reply that offered a numbered list (clarify, or decline with examples). */
export type OfferingReply = Extract<Reply, { suggestions: readonly unknown[] }>;

/** Asks unsettled questions until one is answered with a numbered list of two or more. */
export async function clarify(bot: Bot, conversation: string): Promise<OfferingReply> {
  for (const text of UNSETTLED_QUESTIONS) {
    const reply = await bot.handle(ask(text, conversation));
    if (reply.kind !== 'answer' && reply.suggestions.length >= 2) return reply;
  }
  throw new Error(`none of ${UNSETTLED_QUESTIONS.join(', ')} gets a numbered list any more`);
}

/** The entry a reply answers with, or undefined for a clarification or a decline. */
export function answeredEntry(reply: Reply): string | undefined {
  return reply.kind === 'answer' ? reply.entry.entry : undefined;
}

/** Whether the bot remembers: a clarification followed by "1" answers the first suggestion. */
export async function remembersPick(bot: Bot, conversation: string): Promise<boolean> {
  const offered = await clarify(bot, conversation);
  const picked = await bot.handle(ask('1', conversation));
  return answeredEntry(picked) === offered.suggestions[0]?.entry;
}

export function storeOutages(records: readonly LogRecord[]): LogRecord[] {
  return records.filter((r) => r.level === 'error' && r.message.includes('store unavailable'));
}

export function storeRecoveries(records: readonly LogRecord[]): LogRecord[] {
  return records.filter((r) => r.message.includes('store available again'));
}

export async function expectAnswer(bot: Bot, conversation: string): Promise<void> {
  const reply = await bot.handle(ask(ANSWERED_QUESTION, conversation));
  expect(reply.kind).toBe('answer');
}
