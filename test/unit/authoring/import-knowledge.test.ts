import { describe, expect, it } from 'vitest';
import { importKnowledge } from '../../../src/authoring/import-knowledge.js';
import { toKnowledgeYaml } from '../../../src/authoring/knowledge-yaml.js';
import { listedThings, thingPhrasings } from '../../../src/authoring/listed-things.js';
import { markdownBlocks } from '../../../src/authoring/markdown-blocks.js';
import { sentenceFacts } from '../../../src/authoring/sentence-facts.js';
import { splitSentences } from '../../../src/authoring/sentences.js';
import { parseKnowledgeFile } from '../../../src/knowledge/parse-knowledge-file.js';

describe('markdownBlocks', () => {
  it('GIVEN headings, paragraphs and a list THEN keeps each with its first line and strips inline marks', () => {
    const blocks = markdownBlocks(
      '# Title\n\n## Is it **free**?\n\nYes, see [the page](http://x).\n\n- one\n- two\n  more\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title', line: 1 },
      { kind: 'heading', level: 2, text: 'Is it free?', line: 3 },
      { kind: 'paragraph', raw: 'Yes, see [the page](http://x).', line: 5 },
      { kind: 'list', items: ['one', 'two more'], raw: '- one\n- two\n  more', line: 7 },
    ]);
  });
});

describe('listedThings and thingPhrasings', () => {
  it('GIVEN a series in the answer THEN each item becomes three phrasings in the question frame', () => {
    const things = listedThings(
      ['We ship to the United States, Canada, Ireland and Australia.'],
      [],
    );
    expect(things).toEqual(['United States', 'Canada', 'Ireland', 'Australia']);
    const phrasings = thingPhrasings('Which countries do you ship to?', ['Canada']);
    expect(phrasings).toEqual(['do you ship to Canada', 'Canada?', 'what about Canada']);
  });

  it('GIVEN a question without a "what … do you …" frame THEN adds nothing', () => {
    expect(thingPhrasings('How long does shipping take?', ['Canada'])).toEqual([]);
  });
});

describe('splitSentences and sentenceFacts', () => {
  it('GIVEN abbreviations and a quote split by its attribution THEN keeps sentences whole', () => {
    const text =
      'The U.S. Army said so on Oct. 7. "It is done," said Gen. Ana Ruiz.\nSEE MORE: a headline';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The U.S. Army said so on Oct. 7.',
      '"It is done," said Gen. Ana Ruiz.',
      'SEE MORE: a headline',
    ]);
  });

  it('GIVEN numbers, a quote and an attribution THEN finds them, the speaker by name', () => {
    const facts = sentenceFacts('"We hired 40 people in 2021," said Chief Executive Ana Ruiz.');
    expect(facts.numbers.map((n) => [n.text, n.kind])).toEqual([
      ['40', 'count'],
      ['2021', 'year'],
    ]);
    expect(facts.quotes).toEqual(['We hired 40 people in 2021,']);
    expect(facts).toMatchObject({ attribution: 'Chief Executive Ana Ruiz', speaker: 'Ana Ruiz' });
    expect(sentenceFacts('According to the City Council, taxes rise.').attribution).toBe(
      'the City Council',
    );
  });
});

describe('importKnowledge', () => {
  const faq = [
    '# Garden Club FAQ',
    '## When do you meet?',
    'Every Tuesday at 7 pm in the hall.',
    '## When do you meet in summer?',
    'Every Tuesday at 7 pm in the park.',
  ].join('\n\n');

  it('GIVEN two FAQ questions with overlapping phrasings THEN no generated phrasing is in both', () => {
    const result = importKnowledge(faq, { fallbackName: 'faq' });
    expect(result.format).toBe('faq');
    expect(result.publication).toBe('Garden Club FAQ');
    const [a, b] = result.entries;
    expect(a?.questions.filter((q) => b?.questions.includes(q))).toEqual([]);
    for (const e of result.entries) expect(e.questions.length).toBeGreaterThanOrEqual(6);
  });

  it('GIVEN the result as YAML THEN it is a valid knowledge file with every entry marked for review', () => {
    const result = importKnowledge(faq, { fallbackName: 'faq' });
    const knowledge = parseKnowledgeFile('faq.yaml', toKnowledgeYaml(result, { input: 'faq.md' }));
    expect(knowledge.entries.map((e) => [e.id, e.review])).toEqual([
      ['meet', 'generated'],
      ['meet-summer', 'generated'],
    ]);
    expect(knowledge.entries[0]?.passage).toBe('Every Tuesday at 7 pm in the hall.');
  });

  it('GIVEN prose without question headings THEN imports it as a document, one entry per fact sentence', () => {
    const text = 'The club was founded in 1950. It is nice.\n"Gardens heal," said Ana Ruiz.';
    const result = importKnowledge(text, { fallbackName: 'club', publication: 'Club News' });
    expect(result.format).toBe('document');
    expect(result.entries.map((e) => e.source)).toEqual([
      'The club was founded in 1950.',
      '"Gardens heal," said Ana Ruiz.',
    ]);
    expect(result.entries[0]?.answer).toBe('According to Club News, the club was founded in 1950.');
    expect(result.entries[1]?.questions).toContain('Who said "Gardens heal"?');
  });
});
