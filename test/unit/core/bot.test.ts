import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../adapters/store/memory-store.js';
import { type BotConfig, createBot } from '../../../src/bot.js';
import type { Knowledge, KnowledgeEntry } from '../../../src/knowledge/knowledge.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';
import type { Logger } from '../../../src/logger.js';
import type { Candidate, MatcherFactory } from '../../../src/matcher/matcher.js';
import type { Query } from '../../../src/query.js';
import { createStateStore } from '../../../src/store/state-store.js';
import type { StorePort } from '../../../src/store/store-port.js';

/**
 * A scripted matcher: the bot's rules (thresholds, memory, suggestions, feedback) are tested apart
 * from the matching algorithm, which has its own tests.
 */
function scriptedMatcher(script: Record<string, Candidate[]>): MatcherFactory {
  return () => ({
    match: (text) => ({ normalized: text.toLowerCase(), candidates: script[text] ?? [] }),
  });
}

const entry = (id: string, extra: Partial<KnowledgeEntry> = {}): KnowledgeEntry => ({
  id,
  kind: 'fact',
  questions: [`Question ${id}?`, 'b', 'c', 'd', 'e', 'f'],
  answer: `According to Example News, ${id}.`,
  attribution: 'Example News',
  passage: `${id} passage`,
  related: [],
  source: { publication: 'Example News', title: 'Examples' },
  ...extra,
});

const knowledge: Knowledge = {
  files: ['k.yaml'],
  entries: [entry('alpha', { related: ['beta'] }), entry('beta'), entry('gamma')],
  synonyms: [],
  offTopic: [],
  thresholds: { answer: 0.7, clarify: 0.3 },
  sources: [{ publication: 'Example News', title: 'Examples' }],
};

const c = (id: string, confidence: number): Candidate => ({
  entry: id,
  confidence,
  phrasing: `Question ${id}?`,
});
const script: Record<string, Candidate[]> = {
  'tell me alpha': [c('alpha', 0.9), c('beta', 0.2), c('gamma', 0.1)],
  'alpha or beta': [c('beta', 0.5), c('alpha', 0.45), c('gamma', 0.1)],
  'something else': [c('gamma', 0.1)],
  hi: [c('chat.greeting', 0.95)],
  help: [c('chat.help', 0.95)],
};

function recordingLogger(): Logger & {
  lines: { level: string; context: unknown; message?: string }[];
} {
  const lines: { level: string; context: unknown; message?: string }[] = [];
  const at = (level: string) => (context: unknown, message?: string) => {
    lines.push({ level, context, ...(message !== undefined && { message }) });
  };
  const logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
    lines,
  };
  return logger;
}

function setup(port: StorePort = createMemoryStore()) {
  const kb = createKnowledgeBase(knowledge, { matcherFactory: scriptedMatcher(script) });
  const logger = recordingLogger();
  const store = createStateStore(port, logger);
  return { bot: createBot({ knowledge: kb, store, logger, now: () => 1_000 }), logger };
}

const q = (text: string, conversation = 'room'): Query => ({
  text,
  platform: 'console',
  user: 'u1',
  conversation,
});

describe('createBot', () => {
  it('GIVEN a confident match THEN answers with the entry, its source and related entries', async () => {
    const reply = await setup().bot.handle(q('tell me alpha'));
    expect(reply).toMatchObject({
      kind: 'answer',
      text: 'According to Example News, alpha.',
      entry: { entry: 'alpha', question: 'Question alpha?' },
      entryKind: 'fact',
      confidence: 0.9,
      source: {
        attribution: 'Example News',
        publication: 'Example News',
        passage: 'alpha passage',
      },
      related: [{ entry: 'beta', question: 'Question beta?' }],
    });
    expect(reply.explanation).toMatchObject({
      matchedPhrasing: 'Question alpha?',
      runnerUp: { entry: 'beta', confidence: 0.2 },
    });
  });

  it('GIVEN a middling match THEN clarifies with numbered suggestions, and "2" picks the second', async () => {
    const { bot } = setup();
    const clarify = await bot.handle(q('alpha or beta'));
    expect(clarify.kind).toBe('clarify');
    if (clarify.kind !== 'clarify') return;
    expect(clarify.suggestions.map((s) => s.entry).slice(0, 2)).toEqual(['beta', 'alpha']);
    const picked = await bot.handle(q(' 2. '));
    expect(picked).toMatchObject({ kind: 'answer', entry: { entry: 'alpha' } });
  });

  it('GIVEN a number in another conversation THEN it does not pick from this one', async () => {
    const { bot } = setup();
    await bot.handle(q('alpha or beta', 'room-a'));
    const reply = await bot.handle(q('2', 'room-b'));
    expect(reply.kind).toBe('decline');
  });

  it('GIVEN a low-confidence match THEN declines and says what it can answer', async () => {
    const reply = await setup().bot.handle(q('something else'));
    expect(reply).toMatchObject({ kind: 'decline', reason: 'no-match', confidence: 0.1 });
    expect(reply.text).toContain('Examples');
    if (reply.kind === 'decline') expect(reply.suggestions.length).toBeGreaterThan(0);
  });

  it('GIVEN empty or blank text THEN replies with help and example questions', async () => {
    const reply = await setup().bot.handle(q('   '));
    expect(reply).toMatchObject({ kind: 'decline', reason: 'empty' });
    if (reply.kind === 'decline') expect(reply.suggestions.map((s) => s.entry)).toContain('alpha');
  });

  it('GIVEN small talk THEN answers as conversation, not as a fact', async () => {
    const { bot } = setup();
    expect(await bot.handle(q('hi'))).toMatchObject({
      kind: 'answer',
      entryKind: 'conversation',
      entry: { entry: 'chat.greeting' },
    });
    const help = await bot.handle(q('help'));
    expect(help).toMatchObject({ kind: 'answer', entryKind: 'conversation' });
    if (help.kind === 'answer') expect(help.related.length).toBeGreaterThan(0);
  });

  it('GIVEN a chosen suggestion THEN answers that entry with full confidence', async () => {
    const reply = await setup().bot.choose(
      { platform: 'slack', user: 'u', conversation: 'c' },
      'gamma',
    );
    expect(reply).toMatchObject({ kind: 'answer', entry: { entry: 'gamma' }, confidence: 1 });
  });

  it('GIVEN a chosen entry that no longer exists THEN declines instead of guessing', async () => {
    const reply = await setup().bot.choose(
      { platform: 'slack', user: 'u', conversation: 'c' },
      'deleted',
    );
    expect(reply.kind).toBe('decline');
  });

  it('GIVEN 👎 on an answer THEN records it and offers the runners-up, which a number then picks', async () => {
    const store = createMemoryStore();
    const { bot } = setup(store);
    await bot.handle(q('tell me alpha'));
    const feedback = await bot.feedback(
      { platform: 'console', user: 'u1', conversation: 'room' },
      'alpha',
      'down',
    );
    expect(feedback.suggestions.map((s) => s.entry)).toEqual(['beta', 'gamma']);
    expect(await bot.handle(q('1'))).toMatchObject({ kind: 'answer', entry: { entry: 'beta' } });
  });

  it('GIVEN 👍 THEN thanks the user', async () => {
    const { bot, logger } = setup();
    const feedback = await bot.feedback(
      { platform: 'discord', user: 'u', conversation: 'c' },
      'alpha',
      'up',
    );
    expect(feedback).toEqual({ text: 'Thanks for the feedback.', suggestions: [] });
    expect(logger.lines.some((l) => l.message === 'feedback recorded')).toBe(true);
  });

  it('GIVEN a button press delivered twice THEN the entry is answered and the rating recorded once', async () => {
    const { bot, logger } = setup();
    const press = { platform: 'discord' as const, user: 'u', conversation: 'c', eventId: 'Ev1' };
    expect(await bot.choose(press, 'alpha')).toMatchObject({ kind: 'answer' });
    expect(await bot.choose(press, 'alpha')).toMatchObject({
      kind: 'decline',
      reason: 'duplicate',
    });
    const rating = { ...press, eventId: 'Ev2' };
    expect((await bot.feedback(rating, 'alpha', 'up')).duplicate).toBeUndefined();
    expect(await bot.feedback(rating, 'alpha', 'up')).toEqual({
      text: '',
      suggestions: [],
      duplicate: true,
    });
    expect(logger.lines.filter((l) => l.message === 'feedback recorded')).toHaveLength(1);
  });

  it('GIVEN a press with an event id THEN the conversation it acts on is the one without the id', async () => {
    const { bot } = setup();
    const context = { platform: 'discord' as const, user: 'u', conversation: 'c' };
    expect((await bot.handle({ ...q('alpha or beta'), ...context })).kind).toBe('clarify');
    await bot.choose({ ...context, eventId: 'Ev5' }, 'alpha');
    // The pick answered the pending list's conversation: a number now has nothing to pick from.
    expect(await bot.handle({ ...q('2'), ...context })).toMatchObject({ kind: 'decline' });
  });

  it('GIVEN a query with an event id seen before THEN the repeat gets a quiet duplicate decline and is not answered again', async () => {
    const { bot, logger } = setup();
    const first = await bot.handle({ ...q('tell me alpha'), eventId: 'Ev10' });
    expect(first).toMatchObject({ kind: 'answer', entry: { entry: 'alpha' } });
    const repeat = await bot.handle({ ...q('tell me alpha'), eventId: 'Ev10' });
    expect(repeat).toMatchObject({ kind: 'decline', reason: 'duplicate', quiet: true });
    expect(repeat.requestId).toEqual(expect.any(String));
    const handled = logger.lines.filter((l) => l.message === 'question handled');
    expect(handled).toHaveLength(1);
  });

  it('GIVEN the same event id on another platform, or no event id THEN each is answered', async () => {
    const { bot } = setup();
    expect((await bot.handle({ ...q('tell me alpha'), eventId: 'Ev11' })).kind).toBe('answer');
    const slack: Query = { ...q('tell me alpha'), platform: 'slack', eventId: 'Ev11' };
    expect((await bot.handle(slack)).kind).toBe('answer');
    expect((await bot.handle(q('tell me alpha'))).kind).toBe('answer');
    expect((await bot.handle(q('tell me alpha'))).kind).toBe('answer');
  });

  it('GIVEN one event delivered three times at once THEN exactly one delivery is answered', async () => {
    const { bot } = setup();
    const replies = await Promise.all(
      [1, 2, 3].map(() => bot.handle({ ...q('tell me alpha'), eventId: 'Ev12' })),
    );
    expect(replies.filter((r) => r.kind === 'answer')).toHaveLength(1);
    expect(replies.filter((r) => r.kind === 'decline' && r.reason === 'duplicate')).toHaveLength(2);
  });

  it('GIVEN one press delivered three times at once THEN exactly one is acted on', async () => {
    const { bot } = setup();
    const press = { platform: 'discord' as const, user: 'u', conversation: 'c', eventId: 'Ev3' };
    const replies = await Promise.all([1, 2, 3].map(() => bot.choose(press, 'alpha')));
    expect(replies.filter((r) => r.kind === 'answer')).toHaveLength(1);
  });

  it('GIVEN an atomic set-if-absent that fails THEN the event is answered anyway and the failure logged', async () => {
    const logger = recordingLogger();
    const port: StorePort = {
      ...createMemoryStore(),
      setIfAbsent: () => Promise.reject(new Error('redis down')),
    };
    const bot = createBot({
      knowledge: createKnowledgeBase(knowledge, { matcherFactory: scriptedMatcher(script) }),
      store: createStateStore(port, logger),
      logger,
    });
    expect((await bot.handle({ ...q('tell me alpha'), eventId: 'Ev4' })).kind).toBe('answer');
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('GIVEN a prefix THEN completes with literal matches first, capped at the limit', () => {
    const { bot } = setup();
    expect(bot.complete('question gam').map((s) => s.entry)).toEqual(['gamma']);
    expect(bot.complete('', 2)).toHaveLength(2);
  });

  it('GIVEN a failing store THEN still answers, and logs the outage once', async () => {
    const gone = () => Promise.reject(new Error('disk gone'));
    const broken: StorePort = { ...createMemoryStore(), get: gone, set: gone, setIfAbsent: gone };
    const { bot, logger } = setup(broken);
    expect((await bot.handle(q('tell me alpha'))).kind).toBe('answer');
    expect((await bot.handle(q('alpha or beta'))).kind).toBe('clarify');
    expect((await bot.handle(q('1'))).kind).toBe('decline');
    expect((await bot.handle({ ...q('tell me alpha'), eventId: 'Ev9' })).kind).toBe('answer');
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('GIVEN a knowledge function THEN reads it on every question, so a reload swaps atomically', async () => {
    let kb = createKnowledgeBase(knowledge, { matcherFactory: scriptedMatcher(script) });
    const bot = createBot({
      knowledge: () => kb,
      store: createStateStore(createMemoryStore(), recordingLogger()),
    });
    expect((await bot.handle(q('tell me alpha'))).kind).toBe('answer');
    kb = createKnowledgeBase(
      { ...knowledge, entries: [entry('gamma')] },
      { matcherFactory: scriptedMatcher({ 'tell me alpha': [c('gamma', 0.1)] }) },
    );
    expect((await bot.handle(q('tell me alpha'))).kind).toBe('decline');
  });
});

describe('createBot numbered picks', () => {
  it('GIVEN a decline with examples THEN a number picks an example', async () => {
    const { bot } = setup();
    const decline = await bot.handle(q('something else'));
    if (decline.kind !== 'decline') throw new Error('expected a decline');
    const first = decline.suggestions[0]?.entry;
    expect(await bot.handle(q('1'))).toMatchObject({ kind: 'answer', entry: { entry: first } });
  });
});

describe('createBot curation log', () => {
  it('GIVEN unanswered questions THEN counts them in memory and writes them in one go on flush', async () => {
    const store = createMemoryStore();
    const { bot } = setup(store);
    for (let i = 0; i < 3; i++) await bot.handle(q('something else'));
    await bot.handle(q('alpha or beta'));
    expect(await store.get('curation:unanswered')).toBeUndefined();
    await bot.flush();
    const table = (await store.get('curation:unanswered')) as Record<
      string,
      { count: number; outcome: string }
    >;
    expect(table['something else']).toMatchObject({ count: 3, outcome: 'decline' });
    expect(table['alpha or beta']).toMatchObject({ count: 1, outcome: 'clarify' });
  });
});

describe('createBot limits', () => {
  const limitedBot = (config: Partial<BotConfig>) =>
    createBot({
      knowledge: createKnowledgeBase(knowledge, { matcherFactory: scriptedMatcher(script) }),
      store: createStateStore(createMemoryStore(), recordingLogger()),
      now: () => 1_000,
      config,
    });

  it('GIVEN a question at the length cap THEN it is matched; one character over THEN a short too-long decline', async () => {
    const bot = limitedBot({ maxQuestionLength: 50 });
    const atCap = await bot.handle(q('x'.repeat(50)));
    expect(atCap).toMatchObject({ kind: 'decline', reason: 'no-match' });
    const over = await bot.handle(q('x'.repeat(51)));
    expect(over).toMatchObject({ kind: 'decline', reason: 'too-long', suggestions: [] });
    expect(over.text).toBe(
      'That question is too long for me: please ask it in at most 50 characters.',
    );
  });

  it('GIVEN the default cap THEN 4,000 characters are matched and 100,000 declined, counting characters not code units', async () => {
    const bot = limitedBot({});
    expect(await bot.handle(q('tell me alpha'.padEnd(4_000, ' a')))).not.toMatchObject({
      reason: 'too-long',
    });
    // 4,000 emoji are 8,000 UTF-16 code units but 4,000 characters: within the cap.
    const emoji = await bot.handle(q('🙂'.repeat(4_000)));
    expect(emoji).not.toMatchObject({ reason: 'too-long' });
    const huge = await bot.handle(q('b'.repeat(100_000)));
    expect(huge).toMatchObject({ kind: 'decline', reason: 'too-long' });
    expect(huge.text).toContain('4,000 characters');
  });

  it('GIVEN a rate limit THEN it applies on Discord and Slack, never on the console or the command line', async () => {
    const bot = limitedBot({ rateLimit: { questions: 1, windowMs: 60_000 } });
    for (const platform of ['console', 'cli'] as const) {
      for (let i = 0; i < 15; i++) {
        const reply = await bot.handle({ ...q('hi'), platform });
        expect(reply, `${platform} question ${i + 1}`).toMatchObject({ kind: 'answer' });
      }
    }
    for (const platform of ['discord', 'slack'] as const) {
      expect((await bot.handle({ ...q('hi'), platform })).kind).toBe('answer');
      // Small talk counts: the second "hi" is over the budget of one.
      expect(await bot.handle({ ...q('hi'), platform })).toMatchObject({ reason: 'rate-limited' });
      expect(await bot.handle({ ...q('hi'), platform })).toMatchObject({ quiet: true });
    }
  });

  it('GIVEN RATE_LIMIT_PER_MINUTE=0 (questions 0) THEN nobody is limited, on platforms either', async () => {
    const bot = limitedBot({ rateLimit: { questions: 0, windowMs: 60_000 } });
    for (let i = 0; i < 15; i++)
      expect((await bot.handle({ ...q('hi'), platform: 'slack' })).kind).toBe('answer');
  });
});
