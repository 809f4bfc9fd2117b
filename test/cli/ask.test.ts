import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';

const LIGHTHOUSE = new URL('../e2e/slack/fixtures/lighthouse.yaml', import.meta.url).pathname;

const ASK = 'adapters/cli/ask.ts';

function parseOnly(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

describe('ask --json contract', () => {
  it('GIVEN a question the knowledge answers THEN prints exactly one JSON object with the answer', async () => {
    const result = await runScript(ASK, ['--json', 'How many US troops are in Iraq?']);
    expect(result.code).toBe(0);
    const json = parseOnly(result.stdout);
    expect(Object.keys(json).sort()).toEqual(
      ['answer', 'answered', 'confidence', 'entry', 'question', 'suggestions'].sort(),
    );
    expect(json).toMatchObject({
      question: 'How many US troops are in Iraq?',
      answered: true,
      entry: 'us-troops-iraq',
    });
    expect(json['answer']).toContain('2,500');
    expect(json['confidence']).toBeGreaterThan(0);
    expect(json['confidence']).toBeLessThanOrEqual(1);
  });

  it('GIVEN a near miss THEN declines: answered false, no entry', async () => {
    const json = parseOnly(
      (await runScript(ASK, ['--json', 'How many US troops are in Germany?'])).stdout,
    );
    expect(json).toMatchObject({ answered: false, entry: null });
    expect(Array.isArray(json['suggestions'])).toBe(true);
  });

  it('GIVEN no question argument THEN answers one JSON line per input line', async () => {
    const result = await runScript(ASK, ['--json'], {
      input: 'hello\nHow many US troops are in Iraq?\n\nwhat is the weather\n',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { question: string; answered: boolean });
    expect(lines.map((l) => l.question)).toEqual([
      'hello',
      'How many US troops are in Iraq?',
      'what is the weather',
    ]);
    expect(lines.map((l) => l.answered)).toEqual([false, true, false]);
  });

  it('GIVEN --explain THEN shows the matched phrasing and the confidence', async () => {
    const result = await runScript(ASK, ['--explain', 'How many US troops are in Iraq?']);
    expect(result.stdout).toContain('2,500');
    expect(result.stdout).toMatch(/matched phrasing: ".+"/);
    expect(result.stdout).toMatch(/confidence: 0\.\d{3}/);
  });

  it('GIVEN --no-cache THEN trains from scratch and replies exactly as from the kept calibration', async () => {
    const question = 'how many american soldiers are stationed in irak';
    // The first run stores the calibration (or finds it); the second reuses it.
    await runScript(ASK, ['--json', question]);
    const cached = await runScript(ASK, ['--json', '--explain', question]);
    const fresh = await runScript(ASK, ['--json', '--explain', '--no-cache', question]);
    expect(fresh.code).toBe(0);
    expect(parseOnly(fresh.stdout)).toEqual(parseOnly(cached.stdout));
  });

  it('GIVEN a broken knowledge file THEN exits non-zero naming file, line and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ask-bad-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      'version: 1\nentries:\n  - id: only\n    questions: [one]\n    answer: An answer.\n',
    );
    const result = await runScript(ASK, ['--json', '--knowledge', file, 'anything']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad.yaml:4 (entry "only", field "questions")');
  });

  it('GIVEN an unknown flag THEN exits 2 with usage', async () => {
    const result = await runScript(ASK, ['--nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });
});

describe('ask sees the configuration npm start sees', () => {
  it('GIVEN KNOWLEDGE_PATH in .env THEN answers from that file, started from the folder of the .env', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ask-env-'));
    await writeFile(join(dir, '.env'), `KNOWLEDGE_PATH=${LIGHTHOUSE}\nTRAINING_CACHE_DIR=none\n`);
    const result = await runScript(ASK, ['--json', 'when do you light the lamp'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(parseOnly(result.stdout)).toMatchObject({ answered: true, entry: 'lamp-lighting-time' });
  });

  it('GIVEN KNOWLEDGE_PATH in the environment THEN answers from that file', async () => {
    const result = await runScript(ASK, ['--json', 'when do you light the lamp'], {
      env: { KNOWLEDGE_PATH: LIGHTHOUSE },
    });
    expect(parseOnly(result.stdout)).toMatchObject({ answered: true, entry: 'lamp-lighting-time' });
  });

  it('GIVEN misspelt variables THEN warns once for each, naming the variable it likely meant', async () => {
    const result = await runScript(ASK, ['--json', 'How many US troops are in Iraq?'], {
      env: { KNOWLEGDE_PATH: LIGHTHOUSE, SLACK_BOT_TOKN: 'xoxb-not-a-token' },
    });
    expect(parseOnly(result.stdout)).toMatchObject({ answered: true, entry: 'us-troops-iraq' });
    const warnings = result.stderr.split('\n').filter((line) => line.includes('did you mean'));
    expect(warnings).toHaveLength(2);
    expect(
      warnings.filter((w) => w.includes('KNOWLEGDE_PATH') && w.includes('KNOWLEDGE_PATH')),
    ).toHaveLength(1);
    expect(
      warnings.filter((w) => w.includes('SLACK_BOT_TOKN') && w.includes('SLACK_BOT_TOKEN')),
    ).toHaveLength(1);
    expect(result.stderr).not.toContain('xoxb-not-a-token');
  });
});

describe('ask is not rate limited', () => {
  it('GIVEN 15 questions piped in THEN 15 answers, none refused', async () => {
    const input = `${Array.from({ length: 15 }, () => 'How many US troops are in Iraq?').join('\n')}\n`;
    const result = await runScript(ASK, ['--json'], { input });
    expect(result.code).toBe(0);
    const replies = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { answered: boolean; answer: string });
    expect(replies).toHaveLength(15);
    expect(replies.filter((r) => r.answered)).toHaveLength(15);
    expect(result.stdout).not.toContain('faster than I can keep up');
  });
});
