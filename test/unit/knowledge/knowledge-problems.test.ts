import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors/knowledge-error.js';
import { KnowledgeProblemsError } from '../../../src/knowledge/knowledge-problems.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { inspectKnowledgeFile } from '../../../src/knowledge/parse-knowledge-file.js';

const six = (id: string) =>
  ['what about', 'tell me about', 'explain', 'describe', 'info on', 'details of']
    .map((q) => `      - ${q} ${id}`)
    .join('\n');

const entry = (id: string, fields: string) =>
  `  - id: ${id}\n    questions:\n${six(id)}\n${fields}`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kb-problems-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

async function loadError(path: string): Promise<KnowledgeError> {
  const error = await loadKnowledge(path).catch((e: unknown) => e);
  if (error instanceof KnowledgeError) return error;
  throw new Error(`expected a KnowledgeError, got ${String(error)}`);
}

describe('errors that teach the format', () => {
  it('GIVEN a misspelt field THEN names the closest known field, on the line of the typo, as one problem', () => {
    const text = `version: 1\nentries:\n${entry('alpha', '    anwser: The answer.\n')}`;
    const { problems } = inspectKnowledgeFile('k.yaml', text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.problem).toBe('unknown field "anwser": did you mean "answer"?');
    expect(problems[0]?.location).toEqual({
      file: 'k.yaml',
      line: 11,
      entry: 'alpha',
      field: 'anwser',
    });
  });

  it('GIVEN misspelt fields at the top level and in source THEN suggests those mappings’ own fields', () => {
    const text = `version: 1\nsource:\n  publicaton: Gazette\nsynonym: [[a, b]]\nentries:\n${entry('alpha', '    answer: A.\n')}`;
    const messages = inspectKnowledgeFile('k.yaml', text).problems.map((p) => p.problem);
    expect(messages).toEqual([
      'unknown field "publicaton": did you mean "publication"?',
      'unknown field "synonym": did you mean "synonyms"?',
    ]);
  });

  it('GIVEN a field that resembles nothing THEN lists the fields that are allowed', () => {
    const text = `version: 1\nentries:\n${entry('alpha', '    answer: A.\n    colour: red\n')}`;
    const [problem] = inspectKnowledgeFile('k.yaml', text).problems;
    expect(problem?.problem).toMatch(/^unknown field "colour": the known fields here are "id", /);
  });

  it('GIVEN problems in several entries and files THEN one load reports every one, each with file and line', async () => {
    const dir = await folder({
      'a.yaml': `version: 1\nentries:\n${entry('alpha', '    anser: A.\n')}\n${entry('beta', '    answer: B.\n    related: [gamma]\n')}\n  - id: Bad Id\n    questions: [one]\n    answer: C.\n`,
      'b.yaml': `version: 1\nentries:\n${entry('beta', '    answer: B again.\n')}\n${entry('delta', '    answer: D.\n    speakr: X\n')}`,
    });
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(KnowledgeProblemsError);
    const lines = error.message.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/a\.yaml:11 \(entry "alpha", field "anser"\): .*did you mean "answer"/),
      expect.stringMatching(/a\.yaml:24 \(entry "Bad Id", field "id"\): id must be lower-case/),
      expect.stringMatching(/a\.yaml:25 \(entry "Bad Id", field "questions"\): .*at least 6/),
      expect.stringMatching(
        /b\.yaml:22 \(entry "delta", field "speakr"\): .*did you mean "speaker"/,
      ),
      expect.stringMatching(
        /b\.yaml:3 \(entry "beta", field "id"\): .*already used in .*a\.yaml:13/,
      ),
      expect.stringMatching(
        /a\.yaml:13 \(entry "beta", field "related"\): "?.*"gamma" does not exist/,
      ),
    ]);
    expect((error as KnowledgeProblemsError).problems).toHaveLength(6);
  });

  it('GIVEN broken YAML THEN still names the file and line of the syntax error', async () => {
    const dir = await folder({ 'a.yaml': 'version: 1\nentries:\n  - id: [unclosed\n' });
    const error = await loadError(dir);
    expect(error.code).toBe('KNOWLEDGE_SYNTAX');
    expect(error.message).toMatch(/a\.yaml:\d+:\d+: .*YAML syntax/);
  });
});

describe('source.document', () => {
  const file = (document: string, passage: string) =>
    `version: 1\nsource:\n  publication: Gazette\n  document: ${document}\nentries:\n${entry('alpha', `    answer: A.\n    source: ${passage}\n`)}`;

  it('GIVEN passages that occur in the document THEN loads, however the lines are folded', async () => {
    const dir = await folder({
      'article.txt': 'The tower is 30 metres\ntall. It was built in 1870.',
      'k.yaml': file('article.txt', 'The tower is 30 metres tall.'),
    });
    const knowledge = await loadKnowledge(join(dir, 'k.yaml'));
    expect(knowledge.sources[0]?.document).toBe('article.txt');
  });

  it('GIVEN a passage that is not verbatim THEN names the entry and the line of its source', async () => {
    const dir = await folder({
      'article.txt': 'The tower is 30 metres tall.',
      'k.yaml': file('article.txt', 'The tower is 31 metres tall.'),
    });
    const error = await loadError(join(dir, 'k.yaml'));
    expect(error.location).toMatchObject({ entry: 'alpha', field: 'source', line: 15 });
    expect(error.message).toContain('does not occur verbatim in article.txt');
  });

  it('GIVEN a document that does not exist THEN says the path is relative to the knowledge file', async () => {
    const dir = await folder({ 'k.yaml': file('missing.txt', 'Anything.') });
    const error = await loadError(join(dir, 'k.yaml'));
    expect(error.location).toMatchObject({ field: 'source.document', line: 4 });
    expect(error.message).toContain('relative to the knowledge file');
  });
});
