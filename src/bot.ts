import { randomUUID } from 'node:crypto';
import { describeKnowledge } from './about.js';
import { complete } from './autocomplete/complete.js';
import type { ActionContext, Bot } from './bot-types.js';
import { createConversationMemory } from './conversation/conversation-memory.js';
import { conversationToolsFor } from './conversation/conversation-tools.js';
import { CURATION_MAX_ITEMS, createCurationLog } from './curation/curation-log.js';
import { createEventClaims } from './events/event-claims.js';
import { createFeedback } from './feedback/record-feedback.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { createSilentLogger, type Logger } from './logger.js';
import { type BotMetrics, createNoopMetrics } from './metrics.js';
import type { Platform, Query, QueryContext } from './query.js';
import { createRateLimiter, type RateLimitConfig } from './rate-limiter.js';
import { duplicateReply } from './reply/build-reply.js';
import { roundConfidence } from './reply/round-confidence.js';
import type { Reply } from './reply.js';
import type { StateStore } from './store/state-store.js';
import { createTurnPipeline } from './turn/turn-pipeline.js';

export interface BotConfig {
  /** How long a conversation remembers its pending suggestions and last answer. */
  readonly conversationTtlMs: number;
  /** How long a claimed platform event id is remembered (Slack retries within minutes). */
  readonly eventTtlMs: number;
  /** How long unanswered questions and feedback are kept for curation. */
  readonly retentionMs: number;
  /** Suggestions offered when clarifying or declining. */
  readonly maxSuggestions: number;
  readonly rateLimit: RateLimitConfig;
  /**
   * Where the rate limit applies: it protects the platforms' APIs and other users, so the
   * terminal (the console chat, `npm run ask` reading a file of questions) is never limited.
   */
  readonly rateLimitedPlatforms: readonly Platform[];
  /**
   * The longest question matched, in characters: far above a chat message (Discord allows 2,000),
   * far below what makes matching slow. A longer one gets a short decline saying so.
   */
  readonly maxQuestionLength: number;
}

export const defaultBotConfig = {
  conversationTtlMs: 30 * 60_000,
  eventTtlMs: 60 * 60_000,
  retentionMs: 30 * 24 * 60 * 60_000,
  maxSuggestions: 3,
  rateLimit: { questions: 10, windowMs: 60_000 },
  rateLimitedPlatforms: ['discord', 'slack'],
  maxQuestionLength: 4_000,
} as const satisfies BotConfig;

export interface BotDeps {
  /** The knowledge to answer from; a function is read once per question, so a reload swaps it atomically. */
  readonly knowledge: KnowledgeBase | (() => KnowledgeBase);
  /**
   * Conversation state, rate-limit windows, event claims and the curation log live here: the
   * degrading wrapper (`createStateStore`) over a store port (SQLite, Redis, memory in tests).
   * The composition root builds it, since `/healthz` reads its health too.
   */
  readonly store: StateStore;
  readonly logger?: Logger;
  readonly metrics?: BotMetrics;
  readonly now?: () => number;
  /** Makes the id that ties one question's log lines together. */
  readonly requestId?: () => string;
  readonly config?: Partial<BotConfig>;
}

/**
 * Creates the bot core by composing its parts (the turn pipeline, feedback, autocomplete, event
 * claims) and adds what every question gets: a request id, a metric and one log line.
 * Everything it needs comes in through `deps`, so tests build it directly.
 */
export function createBot(deps: BotDeps): Bot {
  const config: BotConfig = { ...defaultBotConfig, ...deps.config };
  const logger = deps.logger ?? createSilentLogger();
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? createNoopMetrics();
  const requestId = deps.requestId ?? randomUUID;
  const store = deps.store;
  const memory = createConversationMemory(store, config.conversationTtlMs);
  const curation = createCurationLog(
    store,
    { retentionMs: config.retentionMs, maxItems: CURATION_MAX_ITEMS },
    now,
  );
  const turns = createTurnPipeline({
    memory,
    curation,
    limiter: createRateLimiter(store, config.rateLimit, now),
    maxSuggestions: config.maxSuggestions,
    rateLimit: config.rateLimit,
    rateLimitedPlatforms: config.rateLimitedPlatforms,
    maxQuestionLength: config.maxQuestionLength,
  });
  const knowledge = deps.knowledge;
  const current = typeof knowledge === 'function' ? knowledge : () => knowledge;
  // Built now, not on the first message: the first follow-up would otherwise wait for them.
  conversationToolsFor(current().knowledge);

  const claim = createEventClaims({
    store,
    ttlMs: config.eventTtlMs,
    now,
    logger,
  });

  /** True when this event was already claimed: its first delivery was (or is being) acted on. */
  async function isRepeat(context: ActionContext): Promise<boolean> {
    const { eventId, platform } = context;
    if (eventId === undefined || (await claim(`${platform}:${eventId}`))) return false;
    logger.debug({ platform, eventId }, 'event already claimed: not acted on again');
    return true;
  }

  async function handle(query: Query): Promise<Reply> {
    if (await isRepeat(query)) return { ...duplicateReply(), requestId: requestId() };
    const started = performance.now();
    // Read once: every step of this turn answers from the same version of the knowledge.
    const reply = { ...(await turns.answer(current(), query)), requestId: requestId() };
    const seconds = (performance.now() - started) / 1000;
    const reason = reply.kind === 'decline' ? reply.reason : undefined;
    metrics.questionHandled(reply.kind, reason, seconds);
    logger.info(
      {
        requestId: reply.requestId,
        platform: query.platform,
        outcome: reply.kind,
        ...(reason !== undefined && { reason }),
        entry: reply.kind === 'answer' ? reply.entry.entry : undefined,
        confidence: roundConfidence(reply.confidence),
        ms: Math.round(seconds * 10_000) / 10,
      },
      'question handled',
    );
    return reply;
  }

  const feedback = createFeedback({ memory, curation, metrics, logger });
  return {
    handle,
    choose: async (context, entry) =>
      (await isRepeat(context))
        ? { ...duplicateReply(), requestId: requestId() }
        : turns.choose(current(), withoutEventId(context), entry),
    feedback: async (context, entry, rating) =>
      (await isRepeat(context))
        ? { text: '', suggestions: [], duplicate: true }
        : feedback(withoutEventId(context), entry, rating),
    complete: (prefix, limit = 25) => complete(current(), prefix, limit),
    about: (examples = config.maxSuggestions) => describeKnowledge(current(), examples),
    flush: () => curation.flush(),
  };
}

/** The conversation an action belongs to: its memory is keyed without the press's own id. */
function withoutEventId({ eventId: _, ...context }: ActionContext): QueryContext {
  return context;
}
