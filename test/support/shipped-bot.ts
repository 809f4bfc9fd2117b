import { createBot } from '../../src/bot.js';
import type { Bot } from '../../src/bot-types.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge-base.js';
import type { Query } from '../../src/query.js';
import type { Reply } from '../../src/reply.js';
import type { StateStore } from '../../src/store/state-store.js';
import { memoryStateStore } from './memory-state.js';

export const SHIPPED_KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;

let shipped: Promise<KnowledgeBase> | undefined;

/** The shipped knowledge, trained once per test file (training is the slow part). */
export function shippedKnowledgeBase(): Promise<KnowledgeBase> {
  shipped ??= loadKnowledge(SHIPPED_KNOWLEDGE).then((knowledge) => createKnowledgeBase(knowledge));
  return shipped;
}

/**
 * A bot on the shipped knowledge with an in-memory store. The rate limit is off: these tests ask
 * hundreds of questions as one user; the limit has tests of its own.
 */
export async function createShippedBot(store: StateStore = memoryStateStore()): Promise<Bot> {
  return createBot({
    knowledge: await shippedKnowledgeBase(),
    store,
    config: { rateLimit: { questions: 0, windowMs: 60_000 } },
  });
}

/** `ask` on a bot trained on the knowledge at `path`, each question in a fresh conversation. */
export async function askerOn(path: string): Promise<(text: string) => Promise<Reply>> {
  const bot = await botOn(path);
  return (text) => bot.handle(query(text));
}

/**
 * Conversations on one bot trained on the knowledge at `path` (trained once, however many
 * conversations): `talk(id)` says each text in conversation `id`.
 */
export async function conversationsOn(
  path: string,
): Promise<(id: string) => (text: string) => Promise<Reply>> {
  const bot = await botOn(path);
  return (id) => (text) => bot.handle(query(text, id));
}

async function botOn(path: string): Promise<Bot> {
  return createBot({
    knowledge: createKnowledgeBase(await loadKnowledge(path)),
    store: memoryStateStore(),
  });
}

let next = 0;
/** A query in a fresh conversation unless one is given, so tests do not share memory by accident. */
export function query(text: string, conversation = `c${++next}`): Query {
  return { text, platform: 'console', user: 'tester', conversation };
}
