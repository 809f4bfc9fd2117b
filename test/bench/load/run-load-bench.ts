import { fileURLToPath } from 'node:url';
import { startBenchChild } from './child-process.js';
import { CORE_TARGET_MS, type CoreLatencyFigures, measureCoreLatency } from './core-latency.js';
import { type DiscordLoadFigures, runDiscordLoad } from './discord-load.js';
import { createLoadBot, everydayQuestions } from './load-bot.js';
import { formatLoadReport } from './load-report.js';
import type { MemoryFigures, MemoryInput } from './memory-check.js';
import { runSlackLoad, type SlackLoadFigures } from './slack-load.js';

export interface LoadBenchOptions {
  /** Slack and Discord load, and core latency. */
  readonly load: boolean;
  /** Memory after 100,000 questions against after 1,000. */
  readonly memory: boolean;
  /** The last stdout line is one JSON object of the figures. */
  readonly json: boolean;
  readonly count?: number;
  readonly memoryQuestions?: number;
}

export interface LoadFigures {
  core?: CoreLatencyFigures;
  slack?: SlackLoadFigures;
  discord?: DiscordLoadFigures;
  memory?: MemoryFigures;
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * `npm run bench -- --load [--memory] [--json]`: loopback only, bounded in count and time. The
 * bots under test run in child processes; this process plays Slack and Discord.
 */
export async function runLoadBench(options: LoadBenchOptions): Promise<LoadFigures> {
  const figures: LoadFigures = {};
  const count = options.count ?? 1000;
  if (options.load) {
    progress('core: timing bot.handle over everyday and adversarial questions…');
    figures.core = await measureCoreLatency();
    const { kb } = await createLoadBot();
    const questions = everydayQuestions(kb);
    figures.slack = await runSlackLoad(questions, count, progress);
    figures.discord = await runDiscordLoad(questions, count, progress);
  }
  if (options.memory) {
    const total = options.memoryQuestions ?? 100_000;
    progress(`memory: ${total} questions through the core (a few minutes)…`);
    const input: MemoryInput = { total, baselineAfter: 1000 };
    const child = await startBenchChild<MemoryFigures>(
      fileURLToPath(new URL('memory-check.ts', import.meta.url)),
      input,
      { nodeArgs: ['--expose-gc'], startTimeoutMs: 20 * 60_000 },
    );
    await child.stop();
    figures.memory = child.ready;
  }
  process.stdout.write(`${formatLoadReport(figures, CORE_TARGET_MS)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  const failed = Object.values(figures).some((section) => section?.pass === false);
  if (failed) process.exitCode = 1;
  return figures;
}
