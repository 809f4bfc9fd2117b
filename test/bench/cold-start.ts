import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './metrics.js';

/**
 * `npm run bench -- --cold-start`: wall time of `npm run -s ask -- --json "…"`, a new process
 * each time, as a user types it. Two series run interleaved so machine noise hits both alike:
 * "cached" reuses the calibration kept in data/cache (every start after the first), "fresh"
 * passes --no-cache and trains from scratch (the first start after a clone or an edit).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const QUESTION = 'How many US troops are in Iraq?';
const EXPECTED_ENTRY = 'us-troops-iraq';

export interface ColdStartFigures {
  readonly runs: number;
  readonly question: string;
  /** Seconds, median / min / max over the runs of each series. */
  readonly cached: SeriesFigures;
  readonly fresh: SeriesFigures;
}

interface SeriesFigures {
  readonly medianSeconds: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

/** One `npm run -s ask` from spawn to exit; fails unless it answered with the expected entry. */
function timeAsk(extra: readonly string[]): Promise<number> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn('npm', ['run', '-s', 'ask', '--', '--json', ...extra, QUESTION], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const reply = code === 0 ? (JSON.parse(stdout) as { entry?: unknown }) : undefined;
      if (reply?.entry !== EXPECTED_ENTRY) {
        fail(new Error(`ask exited ${code} without answering from ${EXPECTED_ENTRY}: ${stdout}`));
      } else {
        done(seconds);
      }
    });
  });
}

function summarise(seconds: number[]): SeriesFigures {
  const sorted = Float64Array.from(seconds).sort();
  return {
    medianSeconds: percentile(sorted, 0.5),
    minSeconds: sorted[0] ?? 0,
    maxSeconds: sorted[sorted.length - 1] ?? 0,
  };
}

export async function runColdStartBench(runs: number): Promise<ColdStartFigures> {
  // Start from an empty cache: the first cached run stores it and is not timed.
  rmSync(join(root, 'data', 'cache'), { recursive: true, force: true });
  await timeAsk([]);
  const cached: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < runs; i++) {
    cached.push(await timeAsk([]));
    fresh.push(await timeAsk(['--no-cache']));
  }
  return { runs, question: QUESTION, cached: summarise(cached), fresh: summarise(fresh) };
}

export function formatColdStart(figures: ColdStartFigures): string {
  const s = (x: number) => x.toFixed(2);
  const row = (name: string, f: SeriesFigures) =>
    `${name.padEnd(28)}${s(f.medianSeconds).padStart(8)}${s(f.minSeconds).padStart(8)}${s(f.maxSeconds).padStart(8)}`;
  return [
    `npm run -s ask -- --json "${figures.question}", ${figures.runs} runs each, interleaved`,
    `${'start'.padEnd(28)}${'median s'.padStart(8)}${'min s'.padStart(8)}${'max s'.padStart(8)}`,
    row('cached calibration', figures.cached),
    row('fresh training (--no-cache)', figures.fresh),
  ].join('\n');
}
