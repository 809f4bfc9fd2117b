import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

// The conversation issue's examples through the two line-by-line entry points. Each is one
// process and one conversation, so follow-ups refer to the line before them.
const EXAMPLES = [
  'how many troops in kuwait and qatar?',
  'who is randa slim?',
  'where does she work?',
  'which country hosts the most US troops?',
  'and after that?',
  'how many troops were hurt in the 2020 attack?',
  'and how many were killed?',
  'what is your source',
];

interface AskLine {
  readonly question: string;
  readonly answered: boolean;
  readonly answer: string;
  readonly entry: string | null;
}

describe('the conversation examples, one process, one conversation', () => {
  it('GIVEN the examples piped to ask --json THEN each line is answered in the context of the one before', async () => {
    const result = await runScript('adapters/cli/ask.ts', ['--json'], {
      input: `${EXAMPLES.join('\n')}\n`,
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AskLine);
    expect(lines.map((l) => l.question)).toEqual(EXAMPLES);
    const [both, who, work, most, next, hurt, killed, source] = lines;
    expect(both?.answer).toContain('Kuwait hosts over 13,000');
    expect(both?.answer).toContain('Qatar hosts 10,000');
    expect([who?.entry, work?.entry]).toEqual(['who-is-randa-slim', 'who-is-randa-slim']);
    expect([most?.entry, next?.entry]).toEqual(['most-troops-host-country', 'us-troops-qatar']);
    expect(hurt?.entry).toBe('attack-2020-injuries');
    expect(killed).toMatchObject({ answered: false, entry: null });
    expect(source).toMatchObject({ answered: true, entry: 'meta.source' });
    expect(source?.answer).toContain('Scripps News');
  });

  it('GIVEN the examples piped to the console THEN the same conversation in plain text', async () => {
    const result = await runScript('adapters/main.ts', [], {
      input: `${EXAMPLES.join('\n')}\n`,
      env: { STORE_URL: 'memory://' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Qatar hosts 10,000');
    expect(result.stdout).toContain('Randa Slim is a senior fellow at the Middle East Institute');
    // "and how many were killed?" never gets the injuries of 2020 again: they appear once.
    expect(result.stdout.split('more than 100 U.S. troops were injured')).toHaveLength(2);
    expect(result.stdout).toContain('My answers come from Scripps News');
  });
});
