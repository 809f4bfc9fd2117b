import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../../src/knowledge-base.js';
import type { CachedTraining, TrainingCache } from '../../../src/training-cache.js';
import { SHIPPED_KNOWLEDGE, shippedKnowledgeBase } from '../../support/shipped-bot.js';

const LIGHTHOUSE = new URL('../../fixtures/lighthouse-kb.yaml', import.meta.url).pathname;

/** An in-memory cache that records what the knowledge base asks of it. */
function createRecordingCache(codeVersion = 'v1') {
  const values = new Map<string, unknown>();
  const writes: string[] = [];
  const cache: TrainingCache = {
    codeVersion,
    read: (key) => values.get(key),
    write(key, value: CachedTraining) {
      writes.push(key);
      // Through JSON, as a file would store it.
      values.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
  return { cache, values, writes };
}

/** Every curated phrasing and off-topic question, answered by `kb`. */
function answersOf(kb: KnowledgeBase) {
  const questions = [
    ...kb.knowledge.entries.flatMap((e) => e.questions),
    ...kb.knowledge.offTopic,
    'How many US troops are in Germany?',
    'hello there',
  ];
  return questions.map((q) => kb.matcher.match(q).candidates);
}

describe('createKnowledgeBase with a training cache', () => {
  let knowledge: Knowledge;
  let fresh: KnowledgeBase;
  beforeAll(async () => {
    knowledge = await loadKnowledge(SHIPPED_KNOWLEDGE);
    fresh = await shippedKnowledgeBase();
  });

  it('GIVEN an empty cache THEN trains as without one and stores the calibration once', () => {
    const { cache, writes } = createRecordingCache();
    const kb = createKnowledgeBase(knowledge, { trainingCache: cache });
    expect(writes).toHaveLength(1);
    expect(kb.thresholds).toEqual(fresh.thresholds);
  });

  it('GIVEN the stored calibration THEN restores without training: the same thresholds and confidences', () => {
    const { cache, writes } = createRecordingCache();
    createKnowledgeBase(knowledge, { trainingCache: cache });
    const restored = createKnowledgeBase(knowledge, { trainingCache: cache });
    // A training writes; a restore does not.
    expect(writes).toHaveLength(1);
    expect(restored.thresholds).toEqual(fresh.thresholds);
    expect(restored.thresholdSource).toEqual(fresh.thresholdSource);
    expect(answersOf(restored)).toEqual(answersOf(fresh));
  });

  it('GIVEN an edited file THEN its key differs and it trains again', () => {
    const { cache, writes } = createRecordingCache();
    createKnowledgeBase(knowledge, { trainingCache: cache });
    const [first, ...rest] = knowledge.entries;
    if (first === undefined) throw new Error('the shipped knowledge has entries');
    const edited: Knowledge = {
      ...knowledge,
      entries: [{ ...first, questions: [...first.questions, 'one more way to ask'] }, ...rest],
    };
    createKnowledgeBase(edited, { trainingCache: cache });
    expect(writes).toHaveLength(2);
    expect(new Set(writes).size).toBe(2);
  });

  it('GIVEN a calibration stored by other code THEN it is not reused', () => {
    const v1 = createRecordingCache('v1');
    createKnowledgeBase(knowledge, { trainingCache: v1.cache });
    const v2: TrainingCache = { ...v1.cache, codeVersion: 'v2' };
    createKnowledgeBase(knowledge, { trainingCache: v2 });
    expect(v1.writes).toHaveLength(2);
    expect(v1.values.size).toBe(2);
  });

  it.each([
    ['garbage', 'not json at all'],
    ['a wrong number of weights', { state: { calibration: [1, 2, 3] } }],
    ['a non-number weight', { state: { calibration: Array(13).fill('x') } }],
    [
      'broken thresholds',
      { state: { calibration: Array(13).fill(0) }, thresholds: { answer: 'high' } },
    ],
  ])('GIVEN %s under the key THEN trains again and overwrites it', (_, stored) => {
    const { cache, values, writes } = createRecordingCache();
    createKnowledgeBase(knowledge, { trainingCache: cache });
    const [key] = writes;
    values.set(key ?? '', stored);
    const kb = createKnowledgeBase(knowledge, { trainingCache: cache });
    expect(writes).toEqual([key, key]);
    expect(kb.thresholds).toEqual(fresh.thresholds);
  });

  it('GIVEN a cache that throws THEN the knowledge base is built all the same', () => {
    const failing: TrainingCache = {
      codeVersion: 'v1',
      read: () => {
        throw new Error('disk on fire');
      },
      write: () => {
        throw new Error('disk on fire');
      },
    };
    expect(createKnowledgeBase(knowledge, { trainingCache: failing }).thresholds).toEqual(
      fresh.thresholds,
    );
  });

  it('GIVEN thresholds fixed in the file THEN stores and restores the calibration alone', async () => {
    const lighthouse = await loadKnowledge(LIGHTHOUSE);
    const { cache, values, writes } = createRecordingCache();
    const trained = createKnowledgeBase(lighthouse, { trainingCache: cache });
    expect([...values.values()][0]).not.toHaveProperty('thresholds');
    const restored = createKnowledgeBase(lighthouse, { trainingCache: cache });
    expect(writes).toHaveLength(1);
    expect(restored.thresholds).toEqual({ answer: 0.5, clarify: 0.2, answerExplained: 0.5 });
    expect(restored.matcher.match('who keeps the light').candidates).toEqual(
      trained.matcher.match('who keeps the light').candidates,
    );
  });

  it('GIVEN a custom matcher factory THEN the cache is left alone', () => {
    const { cache, writes } = createRecordingCache();
    const kb = createKnowledgeBase(knowledge, {
      trainingCache: cache,
      matcherFactory: () => ({ match: (text) => ({ normalized: text, candidates: [] }) }),
    });
    expect(writes).toHaveLength(0);
    expect(kb.matcher.match('anything').candidates).toEqual([]);
  });
});
