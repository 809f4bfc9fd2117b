import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../adapters/store/memory-store.js';
import { createBot } from '../../../src/bot.js';
import { createConversationMemory } from '../../../src/conversation/conversation-memory.js';
import { createCurationLog } from '../../../src/curation/curation-log.js';
import type { KnowledgeBase } from '../../../src/knowledge-base.js';
import { createSilentLogger } from '../../../src/logger.js';
import type { Query } from '../../../src/query.js';
import { createRateLimiter } from '../../../src/rate-limiter.js';
import { createStateStore } from '../../../src/store/state-store.js';
import type { Resolver } from '../../../src/turn/resolver.js';
import { RESOLVERS } from '../../../src/turn/resolvers.js';
import { createTurnPipeline } from '../../../src/turn/turn-pipeline.js';
import { scriptedKnowledgeBase } from './fixtures/scripted-kb.js';

const q = (text: string): Query => ({ text, platform: 'console', user: 'u', conversation: 'c' });

function pipeline(resolvers?: readonly Resolver[]) {
  const store = createStateStore(createMemoryStore(), createSilentLogger());
  const rateLimit = { questions: 0, windowMs: 60_000 };
  return createTurnPipeline({
    memory: createConversationMemory(store, 60_000),
    curation: createCurationLog(store, { retentionMs: 60_000, maxItems: 10 }, Date.now),
    limiter: createRateLimiter(store, rateLimit, Date.now),
    maxSuggestions: 3,
    rateLimit,
    ...(resolvers && { resolvers }),
  });
}

describe('the turn pipeline', () => {
  it('GIVEN a knowledge function THEN each question, pick and follow-up reads it exactly once', async () => {
    const kb = scriptedKnowledgeBase();
    let reads = 0;
    const bot = createBot({
      knowledge: () => {
        reads++;
        return kb;
      },
      store: createStateStore(createMemoryStore(), createSilentLogger()),
    });
    for (const text of ['alpha or beta', '2', 'tell me more', 'something else', '']) {
      reads = 0;
      await bot.handle(q(text));
      expect(reads, `reads for "${text}"`).toBe(1);
    }
  });

  it('GIVEN the shipped resolvers THEN matching comes last, after numbered picks and follow-ups', () => {
    expect(RESOLVERS.map((resolver) => resolver.name)).toEqual([
      'pickFromList',
      'answerMetadata',
      'answerSpeakerNamed',
      'answerComparison',
      'resolveFollowUp',
      'answerRankedQuestion',
      'answerParts',
      'answerPastSituation',
      'matchInConversation',
    ]);
  });

  it('GIVEN a resolver list THEN the first resolution wins and later resolvers are not asked', async () => {
    const asked: string[] = [];
    const pass: Resolver = () => {
      asked.push('pass');
      return undefined;
    };
    const answerAlpha: Resolver = async ({ kb }, tools) => {
      asked.push('alpha');
      const alpha = kb.entries.get('alpha');
      return alpha && { reply: tools.answer(alpha, 1) };
    };
    const never: Resolver = () => {
      asked.push('never');
      return undefined;
    };
    const reply = await pipeline([pass, answerAlpha, never]).answer(
      scriptedKnowledgeBase(),
      q('anything at all'),
    );
    expect(reply).toMatchObject({ kind: 'answer', entry: { entry: 'alpha' } });
    expect(asked).toEqual(['pass', 'alpha']);
  });

  it('GIVEN resolvers that all pass THEN the turn fails loudly instead of replying nothing', async () => {
    const kb: KnowledgeBase = scriptedKnowledgeBase();
    await expect(pipeline([() => undefined]).answer(kb, q('hello'))).rejects.toMatchObject({
      code: 'no-resolver',
    });
  });

  it('GIVEN resolvers THEN they receive the trimmed text, the query and the memory read once', async () => {
    const seen: unknown[] = [];
    const spy: Resolver = (turn) => {
      seen.push({ text: turn.text, user: turn.query.user, state: turn.state });
      return undefined;
    };
    const turns = pipeline([spy, ...RESOLVERS]);
    const kb = scriptedKnowledgeBase();
    await turns.answer(kb, q('  alpha or beta  '));
    await turns.answer(kb, q('2'));
    expect(seen[0]).toEqual({ text: 'alpha or beta', user: 'u', state: {} });
    expect(seen[1]).toMatchObject({ text: '2', state: { pending: [{ entry: 'beta' }, {}] } });
  });
});
