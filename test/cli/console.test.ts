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
