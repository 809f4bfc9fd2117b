import type { Keyv } from 'keyv';
import type { Bot, FeedbackReply, Rating } from './bot-types.js';
import type { KnowledgeEntry } from './knowledge/knowledge.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { createSilentLogger, type Logger } from './logger.js';
import { decide } from './matcher/decide.js';
import type { Candidate } from './matcher/matcher.js';
import type { Query, QueryContext } from './query.js';
import type { AnswerReply, Explanation, Reply, Suggestion } from './reply.js';
import { createStateStore } from './store/state-store.js';

export interface BotConfig {
  /** How long a conversation remembers its pending suggestions and last answer. */
  readonly conversationTtlMs: number;
  /** How long a claimed platform event id is remembered (Slack retries within minutes). */
  readonly eventTtlMs: number;
  /** How long feedback is kept. */
  readonly feedbackTtlMs: number;
  /** Suggestions offered when clarifying or declining. */
  readonly maxSuggestions: number;
}

export const defaultBotConfig = {
  conversationTtlMs: 30 * 60_000,
  eventTtlMs: 60 * 60_000,
  feedbackTtlMs: 90 * 24 * 60 * 60_000,
  maxSuggestions: 3,
} as const satisfies BotConfig;

export interface BotDeps {
  /** The knowledge to answer from; a function is read on every question, so a reload swaps it atomically. */
  readonly knowledge: KnowledgeBase | (() => KnowledgeBase);
  /** Conversation state lives here: SQLite by default, Redis for several instances, memory in tests. */
  readonly store: Keyv;
  readonly logger?: Logger;
  readonly now?: () => number;
  readonly config?: Partial<BotConfig>;
}

/** What a conversation remembers between questions. */
interface ConversationState {
  /** Suggestions last offered, so a reply of "2" picks the second. */
  readonly pending?: readonly Suggestion[];
  /** The last answer, for feedback and follow-ups. */
  readonly last?: {
    readonly entry: string;
    readonly question: string;
    readonly confidence: number;
    readonly runnersUp: readonly Suggestion[];
  };
}

const HELP_ENTRY = 'chat.help';
const PICK = /^\s*#?([1-9])\s*[.)]?\s*$/;

/** Creates the bot core. Everything it needs comes in through `deps`, so tests build it directly. */
export function createBot(deps: BotDeps): Bot {
  const config: BotConfig = { ...defaultBotConfig, ...deps.config };
  const logger = deps.logger ?? createSilentLogger();
  const now = deps.now ?? Date.now;
  const store = createStateStore(deps.store, logger);
  const current =
    typeof deps.knowledge === 'function' ? deps.knowledge : () => deps.knowledge as KnowledgeBase;

  const conversationKey = (c: QueryContext) =>
    `conversation:${c.platform}:${c.conversation}:${c.thread ?? '-'}:${c.user}`;
  const readState = async (c: QueryContext) =>
    (await store.get<ConversationState>(conversationKey(c))) ?? {};
  const writeState = (c: QueryContext, state: ConversationState) =>
    store.set(conversationKey(c), state, config.conversationTtlMs);

  async function handle(query: Query): Promise<Reply> {
    const started = now();
    const kb = current();
    const text = query.text.trim();
    let reply: Reply;
    if (text === '') {
      reply = help(kb);
    } else {
      const picked = await pickPending(query, text);
      reply = picked ?? (await match(kb, query, text));
    }
    // Whatever was offered as a numbered list (clarify, decline examples, help) can be picked by number.
    const offered =
      reply.kind === 'answer'
        ? reply.entry.entry === HELP_ENTRY
          ? reply.related
          : []
        : reply.suggestions;
    if (offered.length > 0) await writeState(query, { pending: offered });
    logger.info(
      {
        platform: query.platform,
        outcome: reply.kind,
        entry: reply.kind === 'answer' ? reply.entry.entry : undefined,
        confidence: round(reply.confidence),
        ms: now() - started,
      },
      'question handled',
    );
    return reply;
  }

  async function pickPending(query: Query, text: string): Promise<Reply | undefined> {
    const number = PICK.exec(text)?.[1];
    if (number === undefined) return undefined;
    const state = await readState(query);
    const chosen = state.pending?.[Number(number) - 1];
    return chosen ? choose(query, chosen.entry) : undefined;
  }

  async function match(kb: KnowledgeBase, query: Query, text: string): Promise<Reply> {
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
    const entryOf = (candidate: Candidate) => kb.entries.get(candidate.entry);
    const chosenEntry = decision.kind === 'answer' && top ? entryOf(top) : undefined;

    if (chosenEntry && top) {
      const runnersUp = suggestionsFor(kb, result.candidates.slice(1));
      await writeState(query, {
        last: { entry: chosenEntry.id, question: text, confidence: top.confidence, runnersUp },
      });
      return answer(kb, chosenEntry, top.confidence, explanation);
    }
    if (decision.kind === 'clarify') {
      const suggestions = suggestionsFor(kb, decision.candidates);
      if (suggestions.length > 0) {
        return {
          kind: 'clarify',
          text: 'I am not sure which of these you mean. Did you mean:',
          confidence: top?.confidence ?? 0,
          suggestions,
          explanation,
        };
      }
    }
    return decline(kb, top?.confidence ?? 0, explanation);
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
    const helpEntry = kb.entries.get(HELP_ENTRY);
    return {
      kind: 'decline',
      reason: 'empty',
      text: helpEntry?.answer ?? `Ask me a question about ${kb.topic}.`,
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

  async function choose(context: QueryContext, id: string): Promise<Reply> {
    const kb = current();
    const entry = kb.entries.get(id);
    // A button from before a reload can name an entry that is gone: say so rather than guess.
    if (!entry) return decline(kb, 0, { normalized: '', confidence: 0, thresholds: kb.thresholds });
    await writeState(context, {
      last: { entry: entry.id, question: entry.questions[0] ?? id, confidence: 1, runnersUp: [] },
    });
    return answer(kb, entry, 1);
  }

  async function feedback(
    context: QueryContext,
    entry: string,
    rating: Rating,
  ): Promise<FeedbackReply> {
    const state = await readState(context);
    const last = state.last?.entry === entry ? state.last : undefined;
    const at = now();
    await store.set(
      `feedback:${entry}:${at}:${Math.random().toString(36).slice(2, 8)}`,
      {
        entry,
        rating,
        question: last?.question,
        confidence: last?.confidence,
        platform: context.platform,
        at,
      },
      config.feedbackTtlMs,
    );
    logger.info({ platform: context.platform, entry, rating }, 'feedback recorded');
    if (rating === 'up') return { text: 'Thanks for the feedback.', suggestions: [] };
    const suggestions = last?.runnersUp ?? [];
    if (suggestions.length > 0) await writeState(context, { ...state, pending: suggestions });
    return {
      text:
        suggestions.length > 0
          ? 'Thanks, noted. Did you mean one of these?'
          : 'Thanks, noted: this answer will be reviewed.',
      suggestions,
    };
  }

  async function claim(eventId: string): Promise<boolean> {
    const key = `event:${eventId}`;
    if ((await store.get<number>(key)) !== undefined) return false;
    await store.set(key, now(), config.eventTtlMs);
    return true;
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
    const unique = [...new Set([...literal, ...matched])];
    return unique.slice(0, limit).map(kb.suggestion);
  }

  return { handle, choose, feedback, claim, complete };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
