import { performance } from 'node:perf_hooks';
import type { Bot } from '../../src/bot-types.js';
import type { Query } from '../../src/query.js';
import type { Reply } from '../../src/reply.js';

/**
 * Times `bot.handle` over every question a property test asks. The worst case is reported, not
 * asserted tightly: the machine is shared, so only a generous bound is checked in tests and the
 * 50 ms target is judged by `npm run bench -- --load`.
 */
export interface LatencyRecorder {
  handle(bot: Bot, query: Query): Promise<Reply>;
  readonly count: number;
  readonly worstMs: number;
  /** The question that took longest, shortened for the report. */
  readonly worstQuestion: string;
  summary(label: string): string;
}

export function createLatencyRecorder(): LatencyRecorder {
  let count = 0;
  let worstMs = 0;
  let worstQuestion = '';
  return {
    async handle(bot, query) {
      const started = performance.now();
      const reply = await bot.handle(query);
      const ms = performance.now() - started;
      count += 1;
      if (ms > worstMs) {
        worstMs = ms;
        worstQuestion = describeText(query.text);
      }
      return reply;
    },
    get count() {
      return count;
    },
    get worstMs() {
      return worstMs;
    },
    get worstQuestion() {
      return worstQuestion;
    },
    summary(label) {
      return `${label}: ${count} questions through bot.handle, worst ${worstMs.toFixed(1)} ms (${worstQuestion})`;
    },
  };
}

/** A short, printable description of a question: its length and start, escapes visible. */
export function describeText(text: string): string {
  const head = JSON.stringify(text.slice(0, 40));
  return `${text.length} chars, ${head}${text.length > 40 ? '…' : ''}`;
}
