import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../src/knowledge/check-knowledge.js';
import { KNOWLEDGE_FIELDS } from '../../src/knowledge/knowledge-schema.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge-base.js';
import { createMatcher } from '../../src/matcher/create-matcher.js';
import { runScript } from '../support/run-script.js';

const KB = 'adapters/cli/kb.ts';

describe('npm run kb -- init FILE', () => {
  it('GIVEN a new file name THEN writes a commented starter that loads, passes kb check and answers its phrasings', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kb-init-')), 'starter.yaml');
    const result = await runScript(KB, ['init', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`npm run kb -- check --knowledge ${file}`);

    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# A knowledge file/);
    expect(text).toContain('at least 6 questions');
    // Every field of the format is shown, set or in a comment.
    for (const field of KNOWLEDGE_FIELDS) expect(text, field).toMatch(new RegExp(`\\b${field}:`));

    const knowledge = await loadKnowledge(file);
    expect(knowledge.entries.map((e) => e.id)).toEqual(['opening-hours', 'wifi-password']);
    const report = checkKnowledge(createKnowledgeBase(knowledge), createMatcher);
    expect(report.problems).toEqual([]);

    const check = await runScript(KB, ['check', '--knowledge', file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('0 error(s), 0 warning(s)');

    const ask = await runScript('adapters/cli/ask.ts', ['--no-cache', '--knowledge', file], {
      input: 'when does the library open?\nwhat is the wifi password\n',
    });
    expect(ask.code).toBe(0);
    expect(ask.stdout).toContain(
      'According to Riverside Library, the library is open from 9 am to 6 pm, Monday to Saturday.',
    );
    expect(ask.stdout).toContain('"The password is printed on your library card."');
  });

  it('GIVEN a file that exists THEN refuses, leaves it as it was and exits 1', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kb-init-')), 'mine.yaml');
    await writeFile(file, 'my own knowledge\n');
    const result = await runScript(KB, ['init', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(await readFile(file, 'utf8')).toBe('my own knowledge\n');
  });

  it('GIVEN no file name THEN says how to call it and exits 2', async () => {
    const result = await runScript(KB, ['init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run kb -- init');
  });
});
