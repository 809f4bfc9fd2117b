import { describe, expect, it } from 'vitest';
import { runScript, spawnScript } from '../support/run-script.js';

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

/**
 * Time between two replies of one `npm run ask` process reading standard input: a greeting
 * first, so start-up and training are over before the long word is asked.
 */
function secondsForSecondLine(first: string, second: string, killAfterMs: number) {
  return new Promise<{ seconds: number | undefined; replies: string[]; stderr: string }>(
    (resolve, reject) => {
      const child = spawnScript('adapters/cli/ask.ts', ['--json']);
      const replies: string[] = [];
      let buffered = '';
      let stderr = '';
      let firstAt: number | undefined;
      let seconds: number | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
          replies.push(buffered.slice(0, at));
          buffered = buffered.slice(at + 1);
          if (replies.length === 1) {
            firstAt = Date.now();
            child.stdin.end(`${second}\n`);
          } else if (firstAt !== undefined) seconds = (Date.now() - firstAt) / 1000;
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(timer);
        resolve({ seconds, replies, stderr });
      });
      child.stdin.write(`${first}\n`);
    },
  );
}

// Consonants are the costly case: natural's Porter stemmer runs a regular expression whose time
// grows with the square of a consonant run (60,000 took about 10 s before words were capped).
describe('GIVEN `npm run ask` that has already answered one question', () => {
  it('WHEN asked one word of 60,000 consonants THEN the reply follows within 6 s, not tens of seconds', async () => {
    const { seconds, replies, stderr } = await secondsForSecondLine(
      'hi',
      'b'.repeat(60_000),
      40_000,
    );
    expect(replies, stderr.slice(-300)).toHaveLength(2);
    const reply = JSON.parse(replies[1] ?? '{}') as { answered?: boolean };
    expect(reply.answered).toBe(false);
    expect(seconds).toBeLessThan(6);
  }, 60_000);
});
