import type { ConversationMemory } from '../conversation/conversation-memory.js';
import { rememberReply } from '../conversation/remember.js';
import type { CurationLog } from '../curation/curation-log.js';
import { recordUnanswered } from '../curation/record-unanswered.js';
import { BotError } from '../errors/bot-error.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Platform, Query, QueryContext } from '../query.js';
import type { RateLimitConfig, RateLimiter } from '../rate-limiter.js';
import {
  answerReply,
  declineReply,
  emptyExplanation,
  helpReply,
  rateLimitedReply,
  tooLongReply,
} from '../reply/build-reply.js';
import type { Reply } from '../reply.js';
import { notTheSameAgain } from './another-one.js';
import { askedOfLastAnswer } from './asked-of-last-answer.js';
import { guardSpeaker } from './asked-speaker.js';
import type { Resolution, Resolver, Turn } from './resolver.js';
import { RESOLVERS } from './resolvers.js';
import { createTurnTools } from './turn-tools.js';

export interface TurnPipelineDeps {
  readonly memory: ConversationMemory;
  readonly limiter: RateLimiter;
  readonly curation: CurationLog;
  readonly maxSuggestions: number;
  readonly rateLimit: RateLimitConfig;
  /** Platforms whose users the rate limit applies to (default: Discord and Slack). */
  readonly rateLimitedPlatforms?: readonly Platform[];
  /** Questions longer than this many characters are declined unread (default: no cap). */
  readonly maxQuestionLength?: number;
  /** Defaults to the core's list; tests may pass their own. */
  readonly resolvers?: readonly Resolver[];
}

/** One question or button press, from the knowledge base read for it to the reply remembered. */
export interface TurnPipeline {
  /** Answers `query` from `kb`: help when empty, the rate limit, then the resolvers in order. */
  answer(kb: KnowledgeBase, query: Query): Promise<Reply>;
  /** A suggestion or "Related" button was pressed: answers that entry. */
  choose(kb: KnowledgeBase, context: QueryContext, entry: string): Promise<Reply>;
}

export function createTurnPipeline(deps: TurnPipelineDeps): TurnPipeline {
  const { memory, limiter, curation, maxSuggestions } = deps;
  const resolvers = deps.resolvers ?? RESOLVERS;
  const limited = new Set<Platform>(deps.rateLimitedPlatforms ?? ['discord', 'slack']);
  const maxLength = deps.maxQuestionLength ?? Number.POSITIVE_INFINITY;

  async function resolve(turn: Turn): Promise<Resolution> {
    const tools = createTurnTools(turn.kb, maxSuggestions);
    for (const resolver of resolvers) {
      const resolution = await resolver(turn, tools);
      if (resolution !== undefined)
        return guardSpeaker(
          turn,
          tools,
          askedOfLastAnswer(turn, tools, notTheSameAgain(turn, tools, resolution)),
        );
    }
    throw new BotError('no-resolver', 'No resolver answered: the last one must always resolve.');
  }

  return {
    async answer(kb, query) {
      const text = query.text.trim();
      if (text === '') {
        const reply = helpReply(kb, maxSuggestions);
        await rememberReply(memory, kb, query, {}, { reply }, maxSuggestions);
        return reply;
      }
      // Small talk counts too: a flood of "hi" costs a platform as much as one of questions.
      if (limited.has(query.platform)) {
        const rate = await limiter.check(`${query.platform}:${query.user}`);
        if (rate !== 'ok') return rateLimitedReply(deps.rateLimit, rate === 'quiet');
      }
      // Not matched, remembered or logged: a huge text costs no more than this check.
      if (longerThan(text, maxLength)) return tooLongReply(maxLength);

      const state = await memory.read(query);
      // One space between words: the resolvers' patterns ("… after it?", "what did she say about
      // …") then meet no run of blanks to try at every length, so their work stays linear.
      const words = text.replace(/\s+/g, ' ');
      const resolution = await resolve({ kb, query, text: words, state });
      if (resolution.question !== undefined) {
        const { question, reply, candidates = [] } = resolution;
        await recordUnanswered(curation, question, reply, candidates, maxSuggestions);
      }
      await rememberReply(memory, kb, query, state, resolution, maxSuggestions);
      return resolution.reply;
    },

    async choose(kb, context, id) {
      const entry = kb.entries.get(id);
      // A button from before a reload can name an entry that is gone: say so rather than guess.
      if (!entry) return declineReply(kb, 0, emptyExplanation(kb), maxSuggestions);
      const reply = answerReply(kb, entry, 1, maxSuggestions);
      await rememberReply(memory, kb, context, {}, { reply }, maxSuggestions);
      return reply;
    },
  };
}

/** Whether `text` has more than `max` characters (code points), without counting past `max`. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) {
    count++;
    if (count > max) return true;
  }
  return false;
}
