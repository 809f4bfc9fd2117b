import { performance } from 'node:perf_hooks';
import { describeText } from '../../property/latency.js';
import { adversarialQuestions, createLoadBot, everydayQuestions } from './load-bot.js';
import { type LatencyFigures, latencyFigures, round } from './stats.js';

export const CORE_TARGET_MS = 50;
/** More distinct unanswered questions than the curation log keeps (1,000). */
const CURATION_FILL = 1200;

export interface CoreLatencyFigures {
  readonly all: LatencyFigures;
  readonly everyday: LatencyFigures;
  readonly adversarial: LatencyFigures;
  readonly worstQuestion: string;
  readonly overTarget: number;
  readonly pass: boolean;
}

/** `bot.handle` timed over everyday and adversarial questions, each asked `rounds` times. */
export async function measureCoreLatency(rounds = 3): Promise<CoreLatencyFigures> {
  const { bot, kb } = await createLoadBot();
  const everyday = everydayQuestions(kb);
  const adversarial = adversarialQuestions().map((input) => input.text);
  // One untimed pass: the first questions pay for JIT compilation and lazy indexes. Then the
  // curation log is filled to its cap, as after a day of traffic: every unanswered question
  // rewrites that log, so a fresh bot would look faster than a running one.
  for (const text of [...everyday, ...adversarial]) await ask(text, 0);
  for (let i = 0; i < CURATION_FILL; i++) await ask(`what do zebras eat in winter ${i}`, 0);
  const times = { everyday: [] as number[], adversarial: [] as number[] };
  let worst = { ms: 0, text: '' };
  for (let round = 1; round <= rounds; round++) {
    for (const [kind, texts] of [
      ['everyday', everyday],
      ['adversarial', adversarial],
    ] as const) {
      for (const text of texts) {
        const ms = await ask(text, round);
        times[kind].push(ms);
        if (ms > worst.ms) worst = { ms, text };
      }
    }
  }
  const all = [...times.everyday, ...times.adversarial];
  const overTarget = all.filter((ms) => ms > CORE_TARGET_MS).length;
  return {
    all: latencyFigures(all),
    everyday: latencyFigures(times.everyday),
    adversarial: latencyFigures(times.adversarial),
    worstQuestion: `${round(worst.ms)} ms: ${describeText(worst.text)}`,
    overTarget,
    pass: overTarget === 0,
  };

  async function ask(text: string, round: number): Promise<number> {
    const started = performance.now();
    await bot.handle({ text, platform: 'console', user: 'bench', conversation: `r${round}` });
    return performance.now() - started;
  }
}
