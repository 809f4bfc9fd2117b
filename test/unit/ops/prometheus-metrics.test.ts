import { describe, expect, it } from 'vitest';
import {
  createPrometheusMetrics,
  LATENCY_BUCKETS_SECONDS,
} from '../../../adapters/metrics/prometheus-metrics.js';
import { createMemoryStore } from '../../../adapters/store/memory-store.js';
import { createBot } from '../../../src/bot.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';
import { createSilentLogger } from '../../../src/logger.js';
import { createStateStore } from '../../../src/store/state-store.js';
import type { StorePort } from '../../../src/store/store-port.js';

const LIGHTHOUSE = new URL('../../e2e/slack/fixtures/lighthouse.yaml', import.meta.url).pathname;

/** A memory store that can be told to fail, like a backend that went away. */
function flakyStore(): StorePort & { broken: boolean } {
  const port = createMemoryStore();
  const down = () => Promise.reject(new Error('backend down'));
  const flaky = {
    ...port,
    broken: false,
    get: <T>(key: string) => (flaky.broken ? down() : port.get<T>(key)),
    set: (key: string, value: unknown, ttlMs: number) =>
      flaky.broken ? down() : port.set(key, value, ttlMs),
    setIfAbsent: (key: string, value: unknown, ttlMs: number) =>
      flaky.broken ? down() : port.setIfAbsent(key, value, ttlMs),
  };
  return flaky;
}

/** The value of one sample line, e.g. `kb_bot_questions_total{outcome="answer"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('createPrometheusMetrics', () => {
  it('GIVEN questions of each outcome THEN counts them by outcome and decline reason', async () => {
    const metrics = createPrometheusMetrics();
    metrics.questionHandled('answer', undefined, 0.002);
    metrics.questionHandled('answer', undefined, 0.003);
    metrics.questionHandled('clarify', undefined, 0.004);
    metrics.questionHandled('decline', 'no-match', 0.001);
    metrics.questionHandled('decline', 'rate-limited', 0.0001);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'kb_bot_questions_total{outcome="answer"}')).toBe(2);
    expect(sample(text, 'kb_bot_questions_total{outcome="clarify"}')).toBe(1);
    expect(sample(text, 'kb_bot_questions_total{outcome="decline",reason="no-match"}')).toBe(1);
    expect(sample(text, 'kb_bot_questions_total{outcome="decline",reason="rate-limited"}')).toBe(1);
  });

  it('GIVEN nothing handled yet THEN every outcome, rating and the store errors read 0', async () => {
    const text = await createPrometheusMetrics().registry.metrics();
    for (const outcome of ['answer', 'clarify', 'decline']) {
      expect(sample(text, `kb_bot_questions_total{outcome="${outcome}"}`)).toBe(0);
    }
    expect(sample(text, 'kb_bot_feedback_total{rating="up"}')).toBe(0);
    expect(sample(text, 'kb_bot_feedback_total{rating="down"}')).toBe(0);
    expect(sample(text, 'kb_bot_store_errors_total')).toBe(0);
  });

  it('GIVEN latencies THEN the histogram is in seconds, from 0.5 ms to 1 s', async () => {
    const metrics = createPrometheusMetrics();
    metrics.questionHandled('answer', undefined, 0.0004);
    metrics.questionHandled('answer', undefined, 0.2);
    metrics.questionHandled('answer', undefined, 3);
    const text = await metrics.registry.metrics();
    const bucket = (le: string) =>
      sample(text, `kb_bot_question_duration_seconds_bucket{le="${le}",outcome="answer"}`);
    expect(LATENCY_BUCKETS_SECONDS[0]).toBe(0.0005);
    expect(LATENCY_BUCKETS_SECONDS.at(-1)).toBe(1);
    expect(bucket('0.0005')).toBe(1);
    expect(bucket('0.25')).toBe(2);
    expect(bucket('1')).toBe(2);
    expect(bucket('+Inf')).toBe(3);
    expect(sample(text, 'kb_bot_question_duration_seconds_count{outcome="answer"}')).toBe(3);
  });

  it('GIVEN a label value outside the known set THEN it is folded into "other"', async () => {
    const metrics = createPrometheusMetrics();
    metrics.questionHandled(
      'decline',
      'Some Reason {with} "quotes" and more than 32 characters',
      0,
    );
    const text = await metrics.registry.metrics();
    expect(sample(text, 'kb_bot_questions_total{outcome="decline",reason="other"}')).toBe(1);
  });

  it('GIVEN feedback THEN counts it by rating', async () => {
    const metrics = createPrometheusMetrics();
    metrics.feedbackRecorded('up');
    metrics.feedbackRecorded('down');
    metrics.feedbackRecorded('down');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'kb_bot_feedback_total{rating="up"}')).toBe(1);
    expect(sample(text, 'kb_bot_feedback_total{rating="down"}')).toBe(2);
  });

  it('GIVEN store errors and the state store health THEN errors are counted and kb_bot_store_up follows the health', async () => {
    let healthy = true;
    const metrics = createPrometheusMetrics({ storeHealthy: () => healthy });
    expect(sample(await metrics.registry.metrics(), 'kb_bot_store_up')).toBe(1);
    metrics.storeError();
    metrics.storeError();
    healthy = false;
    const text = await metrics.registry.metrics();
    expect(sample(text, 'kb_bot_store_up')).toBe(0);
    expect(sample(text, 'kb_bot_store_errors_total')).toBe(2);
    healthy = true;
    expect(sample(await metrics.registry.metrics(), 'kb_bot_store_up')).toBe(1);
  });

  it('GIVEN two instances THEN each has its own registry, and both export process metrics', async () => {
    const first = createPrometheusMetrics();
    const second = createPrometheusMetrics();
    first.feedbackRecorded('up');
    const [a, b] = await Promise.all([first.registry.metrics(), second.registry.metrics()]);
    expect(sample(a, 'kb_bot_feedback_total{rating="up"}')).toBe(1);
    expect(sample(b, 'kb_bot_feedback_total{rating="up"}')).toBe(0);
    for (const text of [a, b]) {
      expect(text).toContain('process_cpu_seconds_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    }
  });

  it('GIVEN the real core with these metrics THEN its questions, feedback and store errors show up', async () => {
    const backend = flakyStore();
    const store = createStateStore(backend, createSilentLogger(), {
      onError: () => metrics.storeError(),
    });
    const metrics = createPrometheusMetrics({ storeHealthy: () => store.healthy });
    const knowledge = createKnowledgeBase(await loadKnowledge(LIGHTHOUSE));
    const bot = createBot({ knowledge, store, metrics });
    const context = { platform: 'console', user: 'u1', conversation: 'c1' } as const;
    const answered = await bot.handle({ ...context, text: 'when do you light the lamp?' });
    expect(answered.kind).toBe('answer');
    await bot.handle({ ...context, text: 'what is the capital of peru' });
    if (answered.kind === 'answer') await bot.feedback(context, answered.entry.entry, 'up');
    // A store whose backend throws: the core answers without memory and reports the error.
    backend.broken = true;
    await bot.handle({ ...context, text: 'when do you light the lamp?' });

    const text = await metrics.registry.metrics();
    expect(sample(text, 'kb_bot_questions_total{outcome="answer"}')).toBe(2);
    expect(sample(text, 'kb_bot_questions_total{outcome="decline",reason="no-match"}')).toBe(1);
    expect(sample(text, 'kb_bot_feedback_total{rating="up"}')).toBe(1);
    expect(sample(text, 'kb_bot_store_errors_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'kb_bot_store_up')).toBe(0);
  });
});
