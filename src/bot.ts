import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import { describeKnowledge } from './about.js';
import type { Bot, FeedbackReply, Rating } from './bot-types.js';
import {
  type ConversationState,
  createConversationMemory,
} from './conversation/conversation-memory.js';
import { detectFollowUp, replaceSubject } from './conversation/follow-up.js';
import { type CurationLog, createCurationLog } from './curation/curation-log.js';
import type { KnowledgeEntry } from './knowledge/knowledge.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { createSilentLogger, type Logger } from './logger.js';
import { decide } from './matcher/decide.js';
import type { Candidate } from './matcher/matcher.js';
import { type BotMetrics, createNoopMetrics } from './metrics.js';
import type { Query, QueryContext } from './query.js';
import { createRateLimiter, type RateLimitConfig } from './rate-limiter.js';
import type { AnswerReply, DeclineReply, Explanation, Reply, Suggestion } from './reply.js';
import { createStateStore, type StateStore } from './store/state-store.js';

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
}

export const defaultBotConfig = {
  conversationTtlMs: 30 * 60_000,
  eventTtlMs: 60 * 60_000,
  retentionMs: 30 * 24 * 60 * 60_000,
  maxSuggestions: 3,
  rateLimit: { questions: 10, windowMs: 60_000 },
} as const satisfies BotConfig;

export interface BotDeps {
  /** The knowledge to answer from; a function is read on every question, so a reload swaps it atomically. */
  readonly knowledge: KnowledgeBase | (() => KnowledgeBase);
  /** Conversation state lives here: SQLite by default, Redis for several instances, memory in tests. */
  readonly store: Keyv;
  readonly logger?: Logger;
  readonly metrics?: BotMetrics;
  /**
   * Atomic "store this key unless it exists" from the store backend (Redis `SET NX PX`), so that
   * several instances claim an event exactly once. Without it, claims are atomic within a process.
   */
  readonly setIfAbsent?: (key: string, value: unknown, ttlMs: number) => Promise<boolean>;
  readonly now?: () => number;
  /** Makes the id that ties one question's log lines together. */
  readonly requestId?: () => string;
  readonly config?: Partial<BotConfig>;
}

const HELP_ENTRY = 'chat.help';
const PICK = /^\s*#?([1-9])\s*[.)]?\s*$/;
const CURATION_MAX_ITEMS = 1_000;

/** Creates the bot core. Everything it needs comes in through `deps`, so tests build it directly. */
export function createBot(deps: BotDeps): Bot {
  const config: BotConfig = { ...defaultBotConfig, ...deps.config };
  const logger = deps.logger ?? createSilentLogger();
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? createNoopMetrics();
  const requestId = deps.requestId ?? randomUUID;
  const store: StateStore = createStateStore(deps.store, logger, { onError: metrics.storeError });
  const memory = createConversationMemory(store, config.conversationTtlMs);
  const limiter = createRateLimiter(store, config.rateLimit, now);
  const curation: CurationLog = createCurationLog(
    store,
    { retentionMs: config.retentionMs, maxItems: CURATION_MAX_ITEMS },
    now,
  );
  const knowledge = deps.knowledge;
  const current = typeof knowledge === 'function' ? knowledge : () => knowledge;

  async function handle(query: Query): Promise<Reply> {
    const started = performance.now();
    const kb = current();
    const text = query.text.trim();
    const reply = { ...(await respond(kb, query, text)), requestId: requestId() };
    const seconds = (performance.now() - started) / 1000;
    metrics.questionHandled(
      reply.kind,
      reply.kind === 'decline' ? reply.reason : undefined,
      seconds,
    );
    logger.info(
      {
        requestId: reply.requestId,
        platform: query.platform,
        outcome: reply.kind,
        ...(reply.kind === 'decline' && { reason: reply.reason }),
        entry: reply.kind === 'answer' ? reply.entry.entry : undefined,
        confidence: round(reply.confidence),
        ms: Math.round(seconds * 10_000) / 10,
      },
      'question handled',
    );
    return reply;
  }

  async function respond(kb: KnowledgeBase, query: Query, text: string): Promise<Reply> {
    if (text === '') return remember(query, {}, help(kb));
    const rate = await limiter.check(`${query.platform}:${query.user}`);
    if (rate !== 'ok') return rateLimited(rate === 'quiet');

    const state = await memory.read(query);
    const picked = pick(state, text);
    if (picked) return remember(query, state, answer(kb, picked, 1));
    const followUp = resolveFollowUp(kb, state, text);
    if (followUp) return remember(query, state, followUp);

    const { reply, candidates } = match(kb, text);
    if (reply.kind !== 'answer' && reply.explanation) {
      await curation.recordUnanswered({
        normalized: reply.explanation.normalized,
        text,
        outcome: reply.kind === 'clarify' ? 'clarify' : 'decline',
        nearest: candidates
          .slice(0, config.maxSuggestions)
          .map(({ entry, confidence }) => ({ entry, confidence: round(confidence) })),
      });
    }
    return remember(query, state, reply, text, candidates);
  }

  /** Stores what the next message may refer to: the numbered list offered, or the answer given. */
  async function remember(
    context: QueryContext,
    state: ConversationState,
    reply: Reply,
    question?: string,
    candidates: readonly Candidate[] = [],
  ): Promise<Reply> {
    const kb = current();
    if (reply.kind === 'answer' && reply.entry.entry !== HELP_ENTRY) {
      const runnersUp = suggestionsFor(
        kb,
        candidates.filter((c) => c.entry !== reply.entry.entry),
      );
      await memory.write(context, {
        last: {
          entry: reply.entry.entry,
          question: question ?? reply.entry.question,
          confidence: reply.confidence,
          runnersUp,
        },
      });
      return reply;
    }
    const offered = reply.kind === 'answer' ? reply.related : reply.suggestions;
    if (offered.length > 0) await memory.write(context, { ...state, pending: offered });
    return reply;
  }

  function pick(state: ConversationState, text: string): KnowledgeEntry | undefined {
    const number = PICK.exec(text)?.[1];
    if (number === undefined) return undefined;
    const chosen = state.pending?.[Number(number) - 1];
    return chosen ? current().entries.get(chosen.entry) : undefined;
  }

  /**
   * Follow-ups resolve against the last answer; one that leads nowhere (no last answer, no subject,
   * the rewritten question is not answerable) falls through to a fresh question.
   */
  function resolveFollowUp(
    kb: KnowledgeBase,
    state: ConversationState,
    text: string,
  ): Reply | undefined {
    const last = state.last && kb.entries.get(state.last.entry);
    const followUp = last && detectFollowUp(text);
    if (!last || !followUp) return undefined;
    switch (followUp.kind) {
      case 'speaker': {
        if (last.speaker === undefined) return undefined;
        const publication = last.source?.publication;
        const text = publication
          ? `According to ${publication}, that was ${last.speaker}.`
          : `That was ${last.speaker}.`;
        return { ...answer(kb, last, 1), text };
      }
      case 'more': {
        const related = last.related
          .map((id) => kb.entries.get(id))
          .find((entry) => entry !== undefined);
        return related ? answer(kb, related, 1) : undefined;
      }
      case 'subject': {
        if (last.subject === undefined) return undefined;
        const base = state.last?.question ?? last.questions[0] ?? '';
        const rewritten =
          replaceSubject(base, last.subject, followUp.subject) ??
          replaceSubject(last.questions[0] ?? '', last.subject, followUp.subject);
        if (rewritten === undefined) return undefined;
        const result = match(kb, rewritten);
        // Only a confident answer is worth giving; otherwise the text is asked as it stands.
        return result.reply.kind === 'answer' || result.reply.kind === 'decline'
          ? result.reply
          : undefined;
      }
    }
  }

  function match(
    kb: KnowledgeBase,
    text: string,
  ): { reply: Reply; candidates: readonly Candidate[] } {
    const result = kb.matcher.match(text, config.maxSuggestions + 2);
    const decision = decide(result, kb.thresholds);
    const [top, second] = result.candidates;
    const explanation: Explanation = {
      normalized: result.normalized,
      confidence: top?.confidence ?? 0,
      thresholds: kb.thresholds,
      ...(top && { matchedPhrasing: top.phrasing }),
      ...(second && { runnerUp: { entry: second.entry, confidence: second.confidence } }),
    };
    const candidates = result.candidates;
    const chosen = decision.kind === 'answer' && top ? kb.entries.get(top.entry) : undefined;
    if (chosen && top)
      return { reply: answer(kb, chosen, top.confidence, explanation), candidates };
    if (decision.kind === 'clarify') {
      const suggestions = suggestionsFor(kb, decision.candidates);
      if (suggestions.length > 0) {
        const reply: Reply = {
          kind: 'clarify',
          text: 'I am not sure which of these you mean. Did you mean:',
          confidence: top?.confidence ?? 0,
          suggestions,
          explanation,
        };
        return { reply, candidates };
      }
    }
    return { reply: decline(kb, top?.confidence ?? 0, explanation), candidates };
  }

  function suggestionsFor(kb: KnowledgeBase, candidates: readonly Candidate[]): Suggestion[] {
    return candidates
      .map((candidate) => kb.entries.get(candidate.entry))
      .filter((entry): entry is KnowledgeEntry => entry?.kind === 'fact')
      .slice(0, config.maxSuggestions)
      .map(kb.suggestion);
  }

  function answer(
    kb: KnowledgeBase,
    entry: KnowledgeEntry,
    confidence: number,
    explanation?: Explanation,
  ): AnswerReply {
    const publication = entry.source?.publication;
    return {
      kind: 'answer',
      text: entry.answer,
      confidence,
      entry: kb.suggestion(entry),
      entryKind: entry.kind,
      // Help has no curated neighbours; its "related" questions are examples of what to ask.
      related:
        entry.id === HELP_ENTRY
          ? kb.examples(config.maxSuggestions)
          : entry.related
              .map((id) => kb.entries.get(id))
              .filter((related): related is KnowledgeEntry => related !== undefined)
              .map(kb.suggestion),
      ...(publication !== undefined && {
        source: {
          attribution: entry.attribution ?? publication,
          publication,
          passage: entry.passage ?? '',
          ...(entry.source?.url !== undefined && { url: entry.source.url }),
        },
      }),
      ...(explanation && { explanation }),
    };
  }

  function help(kb: KnowledgeBase): Reply {
    return {
      kind: 'decline',
      reason: 'empty',
      text: kb.entries.get(HELP_ENTRY)?.answer ?? `Ask me a question about ${kb.topic}.`,
      confidence: 0,
      suggestions: kb.examples(config.maxSuggestions),
    };
  }

  function decline(kb: KnowledgeBase, confidence: number, explanation: Explanation): Reply {
    return {
      kind: 'decline',
      reason: 'no-match',
      text: `I don't know: my knowledge doesn't cover that. I can answer questions about ${kb.topic}, for example:`,
      confidence,
      suggestions: kb.examples(config.maxSuggestions),
      explanation,
    };
  }

  function rateLimited(quiet: boolean): DeclineReply {
    const seconds = Math.round(config.rateLimit.windowMs / 1000);
    return {
      kind: 'decline',
      reason: 'rate-limited',
      text: `You're asking faster than I can keep up with (${config.rateLimit.questions} questions per ${seconds} seconds). Please wait a moment and ask again.`,
      confidence: 0,
      suggestions: [],
      ...(quiet && { quiet: true }),
    };
  }

  async function choose(context: QueryContext, id: string): Promise<Reply> {
    const kb = current();
    const entry = kb.entries.get(id);
    // A button from before a reload can name an entry that is gone: say so rather than guess.
    if (!entry) return decline(kb, 0, { normalized: '', confidence: 0, thresholds: kb.thresholds });
    return remember(context, {}, answer(kb, entry, 1));
  }

  async function feedback(
    context: QueryContext,
    entry: string,
    rating: Rating,
  ): Promise<FeedbackReply> {
    const state = await memory.read(context);
    const last = state.last?.entry === entry ? state.last : undefined;
    await curation.recordFeedback(entry, {
      rating,
      ...(last && { question: last.question, confidence: round(last.confidence) }),
    });
    metrics.feedbackRecorded(rating);
    logger.info({ platform: context.platform, entry, rating }, 'feedback recorded');
    if (rating === 'up') return { text: 'Thanks for the feedback.', suggestions: [] };
    const suggestions = last?.runnersUp ?? [];
    if (suggestions.length > 0) await memory.write(context, { ...state, pending: suggestions });
    return {
      text:
        suggestions.length > 0
          ? 'Thanks, noted. Did you mean one of these?'
          : 'Thanks, noted: this answer will be reviewed.',
      suggestions,
    };
  }

  // Claims being checked right now in this process: a read-then-write is not atomic on its own.
  const claiming = new Set<string>();

  async function claim(eventId: string): Promise<boolean> {
    const key = `event:${eventId}`;
    if (claiming.has(key)) return false;
    claiming.add(key);
    try {
      if (deps.setIfAbsent) return await claimAtomically(key);
      if ((await store.get<number>(key)) !== undefined) return false;
      await store.set(key, now(), config.eventTtlMs);
      return true;
    } finally {
      claiming.delete(key);
    }
  }

  /** Several instances on one store: only an atomic set-if-absent lets exactly one of them win. */
  async function claimAtomically(key: string): Promise<boolean> {
    try {
      return (await deps.setIfAbsent?.(key, now(), config.eventTtlMs)) ?? true;
    } catch (error) {
      // Answering twice beats not answering: during a store outage every claim succeeds.
      metrics.storeError();
      logger.warn({ err: error, key }, 'event claim failed: answering without deduplication');
      return true;
    }
  }

  function complete(prefix: string, limit = 25): readonly Suggestion[] {
    const kb = current();
    const text = prefix.trim().toLowerCase();
    if (text === '') return kb.examples(limit);
    const facts = kb.knowledge.entries;
    const literal = facts.filter((entry) =>
      entry.questions.some((q) => q.toLowerCase().includes(text)),
    );
    const matched = kb.matcher
      .match(text, limit)
      .candidates.map((candidate) => kb.entries.get(candidate.entry))
      .filter((entry): entry is KnowledgeEntry => entry?.kind === 'fact');
    return [...new Set([...literal, ...matched])].slice(0, limit).map(kb.suggestion);
  }

  return {
    handle,
    choose,
    feedback,
    claim,
    complete,
    about: (examples = config.maxSuggestions) => describeKnowledge(current(), examples),
    flush: () => curation.flush(),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
