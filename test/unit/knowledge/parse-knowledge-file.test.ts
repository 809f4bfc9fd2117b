import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors/knowledge-error.js';
import { parseKnowledgeFile } from '../../../src/knowledge/parse-knowledge-file.js';

const questions = (topic: string) =>
  ['What about', 'Tell me about', 'Explain', 'Describe', 'Info on', 'Details of'].map(
    (q) => `${q} ${topic}?`,
  );

function yamlEntry(id: string, extra = ''): string {
  return [
    `  - id: ${id}`,
    '    questions:',
    ...questions(id).map((q) => `      - ${q}`),
    `    answer: The answer about ${id}.`,
    extra,
  ]
    .filter(Boolean)
    .join('\n');
}

const header = 'version: 1\nsource:\n  publication: Example News\n  title: Examples\nentries:\n';

function errorOf(text: string): KnowledgeError {
  try {
    parseKnowledgeFile('knowledge/example.yaml', text);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeError');
}

describe('parseKnowledgeFile', () => {
  it('GIVEN a valid file THEN returns its entries with origin lines and source', () => {
    const knowledge = parseKnowledgeFile(
      'k.yaml',
      `${header}${yamlEntry('alpha')}\n${yamlEntry('beta', '    related: [alpha]')}`,
    );
    expect(knowledge.entries.map((e) => e.id)).toEqual(['alpha', 'beta']);
    expect(knowledge.entries[0]?.origin).toEqual({
      file: 'k.yaml',
      line: 6,
      questionLines: [8, 9, 10, 11, 12, 13],
    });
    expect(knowledge.entries[1]?.related).toEqual(['alpha']);
    expect(knowledge.entries[0]?.source?.publication).toBe('Example News');
    expect(knowledge.entries[0]?.kind).toBe('fact');
  });

  it('GIVEN broken YAML syntax THEN names the file and line and says to fix the syntax', () => {
    const error = errorOf(`${header}  - id: alpha\n    questions: [unclosed\n`);
    expect(error.code).toBe('KNOWLEDGE_SYNTAX');
    expect(error.location.file).toBe('knowledge/example.yaml');
    expect(error.location.line).toBeGreaterThanOrEqual(7);
    expect(error.message).toMatch(/^knowledge\/example\.yaml:\d+/);
    expect(error.message).toContain('YAML syntax');
  });

  it('GIVEN an entry with too few questions THEN names the line, entry id and field', () => {
    const text = `${header}${yamlEntry('alpha')}\n  - id: beta\n    questions: [one, two]\n    answer: Beta.\n`;
    const error = errorOf(text);
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.location).toMatchObject({ entry: 'beta', field: 'questions', line: 16 });
    expect(error.message).toContain('knowledge/example.yaml:16 (entry "beta", field "questions")');
    expect(error.message).toContain('at least 6');
  });

  it('GIVEN a missing answer THEN points at the entry and names the field', () => {
    const text = `${header}  - id: alpha\n    questions:\n${questions('a')
      .map((q) => `      - ${q}`)
      .join('\n')}\n`;
    const error = errorOf(text);
    expect(error.location).toMatchObject({ entry: 'alpha', field: 'answer', line: 6 });
  });

  it('GIVEN a misspelt field THEN says which key is unknown', () => {
    const error = errorOf(`${header}${yamlEntry('alpha', '    anwser: typo')}`);
    expect(error.location.entry).toBe('alpha');
    expect(error.message).toContain('unknown field "anwser"');
  });

  it('GIVEN an invalid id THEN explains the id format', () => {
    const error = errorOf(`${header}${yamlEntry('Bad Id')}`);
    expect(error.location).toMatchObject({ field: 'id', line: 6 });
    expect(error.message).toContain('lower-case words');
  });

  it('GIVEN a duplicated id THEN names both places', () => {
    const error = errorOf(`${header}${yamlEntry('alpha')}\n${yamlEntry('alpha')}`);
    expect(error.location).toMatchObject({ entry: 'alpha', field: 'id', line: 15 });
    expect(error.message).toContain('already used at line 6');
  });

  it('GIVEN a wrong version THEN names the field at the top level', () => {
    const error = errorOf(header.replace('version: 1', 'version: 2') + yamlEntry('alpha'));
    expect(error.location).toMatchObject({ field: 'version', line: 1 });
    expect(error.location.entry).toBeUndefined();
  });

  it('GIVEN threshold overrides THEN keeps them', () => {
    const knowledge = parseKnowledgeFile(
      'k.yaml',
      `version: 1\nthresholds:\n  answer: 0.7\nentries:\n${yamlEntry('alpha')}`,
    );
    expect(knowledge.thresholds).toEqual({ answer: 0.7 });
  });
});
