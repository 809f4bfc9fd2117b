import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors/knowledge-error.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';

const entry = (id: string, related = '') =>
  `  - id: ${id}\n    questions: [a ${id}, b ${id}, c ${id}, d ${id}, e ${id}, f ${id}]\n    answer: About ${id}.\n${related}`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kb-load-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('loadKnowledge', () => {
  it('GIVEN a folder THEN merges its yaml files in name order and ignores other files', async () => {
    const dir = await folder({
      'b.yaml': `version: 1\nentries:\n${entry('beta', '    related: [alpha]\n')}`,
      'a.yml': `version: 1\nsynonyms: [[troops, soldiers]]\nentries:\n${entry('alpha')}`,
      'notes.txt': 'not knowledge',
    });
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.entries.map((e) => e.id)).toEqual(['alpha', 'beta']);
    expect(knowledge.synonyms).toEqual([['troops', 'soldiers']]);
    expect(knowledge.files).toHaveLength(2);
  });

  it('GIVEN the same id in two files THEN names the second place and the first', async () => {
    const dir = await folder({
      'a.yaml': `version: 1\nentries:\n${entry('alpha')}`,
      'b.yaml': `version: 1\nentries:\n${entry('alpha')}`,
    });
    const error = await loadKnowledge(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).location).toMatchObject({
      entry: 'alpha',
      field: 'id',
      line: 3,
    });
    expect((error as KnowledgeError).message).toMatch(/b\.yaml:3 .*already used in .*a\.yaml:3/);
  });

  it('GIVEN a related id that does not exist THEN names the entry and the field', async () => {
    const dir = await folder({
      'a.yaml': `version: 1\nentries:\n${entry('alpha', '    related: [gamma]\n')}`,
    });
    const error = (await loadKnowledge(dir).catch((e: unknown) => e)) as KnowledgeError;
    expect(error.location).toMatchObject({ entry: 'alpha', field: 'related' });
    expect(error.message).toContain('"gamma" does not exist');
  });

  it('GIVEN a missing path THEN says how to point at the knowledge', async () => {
    const error = (await loadKnowledge('/nonexistent/kb.yaml').catch(
      (e: unknown) => e,
    )) as KnowledgeError;
    expect(error.code).toBe('KNOWLEDGE_READ');
    expect(error.message).toContain('KNOWLEDGE_PATH');
  });

  it('GIVEN a folder without knowledge files THEN says so', async () => {
    const dir = await folder({ 'readme.md': '#' });
    await expect(loadKnowledge(dir)).rejects.toThrow(/no \.yaml knowledge files/);
  });
});
