import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../adapters/store/memory-store.js';
import { createBot } from '../../../src/bot.js';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';
import { createSilentLogger } from '../../../src/logger.js';
import type { Query } from '../../../src/query.js';
import type { Reply } from '../../../src/reply.js';
import { createStateStore } from '../../../src/store/state-store.js';
import { candidate as c, entry, knowledge, scriptedMatcher } from './fixtures/scripted-kb.js';

/**
 * Conversation rules apart from the matching algorithm: a scripted matcher answers exactly the
 * texts below (rewritten follow-ups included), so each test shows what the core asked it.
 */
const file: Knowledge = {
  ...knowledge,
  entries: [
    entry('kuwait', {
      subject: 'Kuwait',
      questions: ['How many troops are in Kuwait?', 'b', 'c', 'd', 'e', 'f'],
    }),
    entry('qatar', {
      subject: 'Qatar',
      questions: ['How many troops are in Qatar?', 'b', 'c', 'd', 'e', 'f'],
    }),
    entry('injuries', {
      subject: 'Iraq',
      questions: ['How many troops were injured in 2020?', 'b', 'c', 'd', 'e', 'f'],
    }),
    entry('deaths', {
      subject: 'Jordan',
      questions: ['How many troops were killed in Jordan?', 'b', 'c', 'd', 'e', 'f'],
    }),
  ],
};
const script = {
  'how many troops in kuwait and qatar': [],
  'how many troops in kuwait': [c('kuwait', 0.95)],
  'how many troops in qatar': [c('qatar', 0.95)],
  'how many troops in germany': [],

  'how many injured in 2020': [c('injuries', 0.95)],
  'and how many were killed?': [c('injuries', 0.92)],
  'and how many were killed in Jordan?': [c('deaths', 0.95)],
  'and how many were wounded?': [c('injuries', 0.95)],
  'how many died in jordan': [c('deaths', 0.95)],
  'almost kuwait': [c('kuwait', 0.2)],
  'nothing like it': [c('qatar', 0.05)],
};

function setup() {
  const kb = createKnowledgeBase(file, { matcherFactory: scriptedMatcher(script) });
  const bot = createBot({
    knowledge: kb,
    store: createStateStore(createMemoryStore(), createSilentLogger()),
  });
  const ask = (text: string): Promise<Reply> =>
    bot.handle({ text, platform: 'console', user: 'u', conversation: 'c' } satisfies Query);
  return { ask };
}

const entries = (reply: Reply) =>
  reply.kind !== 'answer'
    ? []
    : (reply.parts?.map((part) => part.entry?.entry ?? 'none') ?? [reply.entry.entry]);

describe('conversation turns', () => {
  it('GIVEN two questions in one message THEN one answer with both parts, text joined, each attributed', async () => {
    const { ask } = setup();
    const reply = await ask('how many troops in kuwait and qatar');
    expect(entries(reply)).toEqual(['kuwait', 'qatar']);
    expect(reply.text).toBe(
      'According to Example News, kuwait.\n\nAccording to Example News, qatar.',
    );
    expect(
      reply.kind === 'answer' &&
        reply.parts?.every((p) => p.source?.publication === 'Example News'),
    ).toBe(true);
  });

  it('GIVEN one part the knowledge lacks THEN the other is answered and the gap named', async () => {
    const { ask } = setup();
    const reply = await ask('how many troops in kuwait and germany');
    expect(entries(reply)).toEqual(['kuwait', 'none']);
    expect(reply.text).toContain('My knowledge doesn\'t cover "how many troops in germany".');
  });

  it('GIVEN a follow-up the last entry does not give THEN declined, the entry offered, not repeated', async () => {
    const { ask } = setup();
    await ask('how many injured in 2020');
    const killed = await ask('and how many were killed?');
    expect(killed).toMatchObject({ kind: 'decline', suggestions: [{ entry: 'injuries' }] });
  });

  it('GIVEN a follow-up leaning on the context THEN another topic is answered only when it is named', async () => {
    const { ask } = setup();
    await ask('how many died in jordan');
    expect((await ask('and how many were wounded?')).kind).toBe('decline');
  });

  it('GIVEN a declined turn THEN it ends the context: no follow-up reaches the answer before it', async () => {
    const { ask } = setup();
    await ask('how many injured in 2020');
    expect((await ask('nothing like it')).kind).toBe('decline');
    expect(entries(await ask('and how many were wounded?'))).toEqual(['injuries']);
  });

  it('GIVEN a middling candidate THEN the decline offers it; a far one gets the examples', async () => {
    const { ask } = setup();
    expect(await ask('almost kuwait')).toMatchObject({
      kind: 'decline',
      suggestions: [{ entry: 'kuwait' }],
    });
    const far = await ask('nothing like it');
    expect(far.kind === 'decline' && far.suggestions.map((s) => s.entry)).toEqual([
      'kuwait',
      'qatar',
      'injuries',
    ]);
  });

  it('GIVEN a bare number with no list pending, or past its end THEN help', async () => {
    const { ask } = setup();
    expect(await ask('2')).toMatchObject({ kind: 'decline', reason: 'empty' });
    await ask('almost kuwait');
    expect(await ask('3')).toMatchObject({ kind: 'decline', reason: 'empty' });
  });
});
