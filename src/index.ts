/**
 * The core's public surface. Adapters and tools import from here; nothing here knows a platform.
 */

export type { About, AboutSource } from './about.js';
export { type BotConfig, type BotDeps, createBot, defaultBotConfig } from './bot.js';
export type { Bot, FeedbackReply, Rating } from './bot-types.js';
export { BotError } from './errors/bot-error.js';
export { KnowledgeError, type KnowledgeErrorLocation } from './errors/knowledge-error.js';
export type { Knowledge, KnowledgeEntry } from './knowledge/knowledge.js';
export { knowledgeFiles, loadKnowledge, mergeKnowledge } from './knowledge/load-knowledge.js';
export { parseKnowledgeFile } from './knowledge/parse-knowledge-file.js';
export {
  createKnowledgeBase,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
} from './knowledge-base.js';
export { createSilentLogger, type Logger } from './logger.js';
export type { Matcher, MatcherFactory, Thresholds, TrainingEntry } from './matcher/matcher.js';
export { type BotMetrics, createNoopMetrics } from './metrics.js';
export type { Platform, Query, QueryContext } from './query.js';
export { renderPlainText } from './render-plain-text.js';
export type { Reply, Source, Suggestion } from './reply.js';
