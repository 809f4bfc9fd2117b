import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

describe('npm start without credentials: the console', () => {
  it('GIVEN piped input THEN answers one question per line and exits 0 at end of input', async () => {
    const result = await runScript('adapters/main.ts', [], {
      input: 'How many US troops are in Iraq?\nHow many US troops are in Germany?\n',
      env: { STORE_URL: 'memory://' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2,500');
    expect(result.stdout).toContain("I don't know");
    expect(result.stdout).not.toContain('> ');
  });

  it('GIVEN an invalid setting THEN fails at start naming the variable', async () => {
    const result = await runScript('adapters/main.ts', [], { env: { STORE_URL: 'postgres://x' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('STORE_URL');
    expect(result.stderr).toContain('.env.example');
  });
});

describe('the console is not rate limited', () => {
  it('GIVEN 15 lines, then a fresh start on the same SQLite store THEN every line is answered and the first "hi" too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'console-rate-'));
    // A store that outlives the process, as data/bot.sqlite does: a limit counted there would carry over.
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`, TRAINING_CACHE_DIR: 'none' };
    const lines = Array.from({ length: 15 }, (_, i) =>
      i % 3 === 0 ? 'hi' : 'How many US troops are in Iraq?',
    );
    const first = await runScript('adapters/main.ts', [], { input: `${lines.join('\n')}\n`, env });
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('faster than I can keep up');
    expect(first.stdout.match(/2,500/g)).toHaveLength(10);
    expect(first.stdout.match(/Hello\. Ask me a question about/g)).toHaveLength(5);

    const again = await runScript('adapters/main.ts', [], { input: 'hi\n', env });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('faster than I can keep up');
    expect(again.stdout).toContain('Hello. Ask me a question about');
  });
});
