import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { BotMetrics, Reply } from '../../src/index.js';

export interface PrometheusMetricsConfig {
  /** The core state store's health, exported as `kb_bot_store_up`; unset: the gauge is absent. */
  readonly storeHealthy?: () => boolean;
}

/** The core's metrics port backed by prom-client, plus what `/metrics` and `/healthz` read. */
export interface PrometheusMetrics extends BotMetrics {
  /** A registry of its own: a second bot in the same process (tests) never collides. */
  readonly registry: Registry;
}

/** Core latency runs from sub-millisecond (a cached answer) to the store timeout (500 ms). */
export const LATENCY_BUCKETS_SECONDS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
] as const;

const OUTCOMES: readonly Reply['kind'][] = ['answer', 'clarify', 'decline'];
/** Label values come from the core's fixed set; anything else is folded so cardinality stays bounded. */
const LABEL_VALUE = /^[a-z][a-z-]{0,31}$/;

/** Creates the Prometheus metrics: counters and a histogram for the core, default process metrics. */
export function createPrometheusMetrics(config: PrometheusMetricsConfig = {}): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const questions = new Counter({
    name: 'kb_bot_questions_total',
    help: 'Questions handled, by outcome (answer, clarify, decline) and decline reason.',
    labelNames: ['outcome', 'reason'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kb_bot_question_duration_seconds',
    help: 'Time the core took to handle one question, store calls included.',
    labelNames: ['outcome'] as const,
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers: [registry],
  });
  const feedback = new Counter({
    name: 'kb_bot_feedback_total',
    help: 'Feedback on answers, by rating (up, down).',
    labelNames: ['rating'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'kb_bot_store_errors_total',
    help: 'Store operations that failed or timed out; the bot answered without memory.',
    registers: [registry],
  });

  const { storeHealthy } = config;
  if (storeHealthy) {
    new Gauge({
      name: 'kb_bot_store_up',
      help: '1 while the store answers, 0 from a failed operation until one succeeds (as /healthz).',
      registers: [registry],
      collect() {
        this.set(storeHealthy() ? 1 : 0);
      },
    });
  }

  // Zeros from the start, so a rate() over the first answer or first outage is not missing a sample.
  for (const outcome of OUTCOMES) questions.inc({ outcome }, 0);
  feedback.inc({ rating: 'up' }, 0);
  feedback.inc({ rating: 'down' }, 0);
  storeErrors.inc(0);

  return {
    registry,
    questionHandled(outcome, reason, seconds) {
      const safeOutcome = LABEL_VALUE.test(outcome) ? outcome : 'other';
      questions.inc({
        outcome: safeOutcome,
        ...(reason !== undefined && { reason: LABEL_VALUE.test(reason) ? reason : 'other' }),
      });
      latency.observe({ outcome: safeOutcome }, seconds);
    },
    feedbackRecorded(rating) {
      feedback.inc({ rating });
    },
    storeError() {
      storeErrors.inc();
    },
  };
}
