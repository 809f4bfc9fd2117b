import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../adapters/store/create-store.js';
import { createBot } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge-base.js';
import { createSilentLogger } from '../../src/logger.js';
import { createStateStore } from '../../src/store/state-store.js';
import { runScript } from '../support/run-script.js';

const KB = 'adapters/cli/kb.ts';
const FIXTURE = new URL('../fixtures/lighthouse-kb.yaml', import.meta.url).pathname;

describe('npm run kb -- check', () => {
  it('GIVEN a sound knowledge file THEN reports accuracy per entry and the thresholds, and exits 0', async () => {
    const result = await runScript(KB, ['check', '--knowledge', FIXTURE]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/lighthouse-height\s+\d+%/);
    expect(result.stdout).toContain('answer ≥ 0.500 (file)');
    expect(result.stdout).toMatch(/0 error\(s\)/);
  });

  it('GIVEN a phrasing shared by two entries THEN it is an error and the exit status is 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-check-'));
    const file = join(dir, 'dup.yaml');
    const text = await readFile(FIXTURE, 'utf8');
    await writeFile(file, text.replace('      - who is the keeper\n', '      - tower height\n'));
    const result = await runScript(KB, ['check', '--knowledge', file, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { problems: { level: string; message: string }[] };
    expect(
      report.problems.some((p) => p.level === 'error' && p.message.includes('"tower height"')),
    ).toBe(true);
  });

  it('GIVEN an invalid file THEN names file, line and field and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-check-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      (await readFile(FIXTURE, 'utf8')).replace(
        '    answer: According to the Harbour Gazette, the keeper',
        '    anser: According to the Harbour Gazette, the keeper',
      ),
    );
    const result = await runScript(KB, ['check', '--knowledge', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml:\d+ \(entry "lighthouse-keeper"/);
  });
});

describe('npm run kb -- check on a file with several problems', () => {
  it('GIVEN problems in two entries THEN reports every one in one run, each with file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-check-'));
    const file = join(dir, 'bad.yaml');
    const text = (await readFile(FIXTURE, 'utf8'))
      .replace(
        '    answer: According to the Harbour Gazette, the lighthouse',
        '    anwser: According to the Harbour Gazette, the lighthouse',
      )
      .replace('    source: The keeper is Ada Reyes.', '    sorce: The keeper is Ada Reyes.');
    await writeFile(file, text);
    const result = await runScript(KB, ['check', '--knowledge', file]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /bad\.yaml:21 \(entry "lighthouse-height", field "anwser"\): unknown field "anwser": did you mean "answer"\?$/,
    );
    expect(lines[1]).toMatch(
      /bad\.yaml:34 \(entry "lighthouse-keeper", field "sorce"\): unknown field "sorce": did you mean "source"\?$/,
    );
  });
});

describe('npm run kb -- review', () => {
  it('GIVEN unanswered questions in the store THEN lists them by frequency, and --accept adds one to the file keeping its comments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-review-'));
    const knowledgeFile = join(dir, 'lighthouse.yaml');
    await copyFile(FIXTURE, knowledgeFile);
    const storeUrl = `sqlite://${join(dir, 'bot.sqlite')}`;

    const port = await createStore(storeUrl);
    const kb = createKnowledgeBase(await loadKnowledge(knowledgeFile));
    const bot = createBot({ knowledge: kb, store: createStateStore(port, createSilentLogger()) });
    const ask = (text: string) =>
      bot.handle({ text, platform: 'console', user: 'u', conversation: 'c' });
    await ask('when was the lighthouse painted');
    await ask('who mans the beacon');
    await ask('who mans the beacon');
    await bot.feedback(
      { platform: 'console', user: 'u', conversation: 'c' },
      'lighthouse-height',
      'down',
    );
    await bot.flush();
    await port.close();

    const env = { STORE_URL: storeUrl, KNOWLEDGE_PATH: knowledgeFile };
    const review = await runScript(KB, ['review'], { env });
    expect(review.code).toBe(0);
    const listed = review.stdout.split('\n').filter((line) => /^\s+\d+\. "/.test(line));
    expect(listed[0]).toContain('"who mans the beacon" ×2');
    expect(listed[1]).toContain('"when was the lighthouse painted" ×1');
    expect(review.stdout).toMatch(/lighthouse-height: 👎 1/);

    const accepted = await runScript(
      KB,
      ['review', '--accept', '1', '--entry', 'lighthouse-keeper'],
      { env },
    );
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    const updated = await readFile(knowledgeFile, 'utf8');
    expect(updated).toContain('      - lighthouse keper name\n      - who mans the beacon\n');
    expect(updated).toContain('# The tower itself.');
    expect((await loadKnowledge(knowledgeFile)).entries[1]?.questions).toHaveLength(9);

    const after = await runScript(KB, ['review'], { env });
    expect(after.stdout).not.toContain('who mans the beacon');
  });

  it('GIVEN STORE_URL and KNOWLEDGE_PATH in .env THEN review reads that store and --accept edits that file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-review-env-'));
    const knowledgeFile = join(dir, 'served.yaml');
    await copyFile(FIXTURE, knowledgeFile);
    const storeUrl = `sqlite://${join(dir, 'served.sqlite')}`;
    const port = await createStore(storeUrl);
    const kb = createKnowledgeBase(await loadKnowledge(knowledgeFile));
    const bot = createBot({ knowledge: kb, store: createStateStore(port, createSilentLogger()) });
    await bot.handle({
      text: 'when was the lighthouse painted',
      platform: 'console',
      user: 'u',
      conversation: 'c',
    });
    await bot.flush();
    await port.close();
    await writeFile(join(dir, '.env'), `STORE_URL=${storeUrl}\nKNOWLEDGE_PATH=${knowledgeFile}\n`);

    const review = await runScript(KB, ['review', '--json'], { cwd: dir });
    expect(review.stderr).toBe('');
    const listed = JSON.parse(review.stdout) as { unanswered: { text: string }[] };
    expect(listed.unanswered.map((u) => u.text)).toEqual(['when was the lighthouse painted']);

    const accepted = await runScript(
      KB,
      ['review', '--accept', '1', '--entry', 'lighthouse-height'],
      { cwd: dir },
    );
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('served.yaml');
    expect(await readFile(knowledgeFile, 'utf8')).toContain('- when was the lighthouse painted\n');
  });
});
