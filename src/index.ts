/**
 * The core's public surface: adapters import the core only from here (the architecture test
 * enforces it). Nothing here knows a platform, a store driver or the environment.
 */

export type { About, AboutSource } from './about.js';
export { type ImportFormat, importKnowledge } from './authoring/import-knowledge.js';
export { toKnowledgeYaml } from './authoring/knowledge-yaml.js';
export { STARTER_KNOWLEDGE } from './authoring/starter-knowledge.js';
export { type BotConfig, createBot, defaultBotConfig } from './bot.js';
export type { ActionContext, Bot, FeedbackReply, Rating } from './bot-types.js';
export {
  CURATION_MAX_ITEMS,
  type CurationLog,
  createCurationLog,
} from './curation/curation-log.js';
export { BotError } from './errors/bot-error.js';
export {
  type ConversationSet,
  isConversationSetFile,
  readConversationSet,
} from './evaluation/conversation-set.js';
export {
  askThrough,
  type EvaluationReport,
  evaluateQuestions,
  type Tally,
} from './evaluation/evaluate-set.js';
export { type QuestionSet, readQuestionSet } from './evaluation/question-set.js';
export {
  askInConversations,
  type ConversationReport,
  type ConversationTally,
  evaluateConversations,
} from './evaluation/score-conversations.js';
export { addPhrasing } from './knowledge/add-phrasing.js';
export { checkKnowledge, type KnowledgeCheck } from './knowledge/check-knowledge.js';
export {
  createKnowledgeReloader,
  type KnowledgeReloader,
} from './knowledge/knowledge-reloader.js';
export { loadKnowledge } from './knowledge/load-knowledge.js';
export type { KnowledgeBase } from './knowledge-base.js';
export { createKnowledgeBase } from './knowledge-base.js';
export type { Logger } from './logger.js';
export { createSilentLogger } from './logger.js';
export { createMatcher } from './matcher/create-matcher.js';
export type { BotMetrics } from './metrics.js';
export type { Query, QueryContext } from './query.js';
export { renderPlainText } from './render-plain-text.js';
export type { AnswerReply, Reply, Source, Suggestion } from './reply.js';
export { createStateStore, type StateStore } from './store/state-store.js';
export type { StorePort } from './store/store-port.js';
export type { CachedTraining, TrainingCache } from './training-cache.js';
