import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

/**
 * One very long word (no spaces) must cost the core no more than any other long text. These run
 * through `npm run ask` in a child process with a capped heap and a deadline, so a core that
 * blows up fails this test instead of taking the test runner down with it.
 */
const HEAP_MB = 384;
const DEADLINE_MS = 15_000;

async function askOnce(question: string) {
  const started = Date.now();
  const result = await runScript('adapters/cli/ask.ts', ['--json'], {
    input: `${question}\n`,
    env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
    timeoutMs: DEADLINE_MS,
  });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

// Concurrent: each child mostly waits on its own deadline, and the suite must stay short.
describe.concurrent('GIVEN the shipped bot behind `npm run ask`, with a capped heap', () => {
  it.each([
    ['100,000 letters', 'a'.repeat(100_000)],
    ['2,000 accented letters (the accents are stripped, leaving one long word)', 'é'.repeat(2_000)],
    ['2,000 letters joined by zero-width spaces', 'ab\u200b'.repeat(667)],
  ])(
    'WHEN asked one word of %s THEN it declines within the deadline without running out of memory',
    async (_name, question) => {
      const result = await askOnce(question);
      expect(
        result.code,
        `exit ${result.code} after ${result.seconds} s; stderr: ${result.stderr.slice(-300)}`,
      ).toBe(0);
      const reply = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
        answered?: boolean;
      };
      expect(reply.answered).toBe(false);
    },
    30_000,
  );
});
