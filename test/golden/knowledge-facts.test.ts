import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { knowledgeFileSchema } from '../../src/knowledge/knowledge-schema.js';

/**
 * Editorial checks on the curated knowledge file: every answer must rest on the article, word for
 * word where it quotes and number for number where it counts. The file is parsed here with `yaml`
 * directly so these checks do not depend on the bot's loader.
 */

const knowledgeUrl = new URL('../../knowledge/us-forces-middle-east.yaml', import.meta.url);
const goldenUrl = new URL('./golden-questions.yaml', import.meta.url);
const knowledge = knowledgeFileSchema.parse(parse(readFileSync(knowledgeUrl, 'utf8')));
const entries = knowledge.entries;
// The article ships with the repository, named by the file's own `source.document`.
const articleUrl = new URL(knowledge.source?.document ?? 'missing-source-document', knowledgeUrl);
const article = readFileSync(articleUrl, 'utf8');

interface GoldenFile {
  answer: { question: string; entry: string }[];
  decline: string[];
}
const golden = parse(readFileSync(goldenUrl, 'utf8')) as GoldenFile;

/** Case, punctuation and spacing do not make two phrasings different. */
const normalise = (question: string): string =>
  question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twenty: '20',
  hundred: '100',
  thousand: '1,000',
};
const QUALIFIERS = ['over', 'at least', 'more than', 'less than', 'fewer than', 'about', 'nearly'];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A number as a whole token: "7" must not match inside "2007" or "7,000". */
const numberToken = (n: string): RegExp =>
  new RegExp(`(?<![\\d,.])${escapeRegExp(n)}(?![\\d]|,\\d)`);

const numbersIn = (text: string): string[] => text.match(NUMBER) ?? [];

/** The hedge ("over", "at least", …) written directly before a number, if any. */
const qualifierBefore = (text: string, n: string): string | undefined => {
  const found = text.match(
    new RegExp(`\\b(${QUALIFIERS.join('|')})\\s+${escapeRegExp(n)}(?![\\d]|,\\d)`, 'i'),
  );
  return found?.[1]?.toLowerCase();
};

/** Spans between straight or curly double quotes. */
const quotedSpans = (text: string): string[] =>
  [...text.matchAll(/["“]([^"”]+)["”]/g)].map((match) => match[1] ?? '');

describe('knowledge file us-forces-middle-east.yaml', () => {
  it('has unique entry ids', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('links only to entries that exist, and never to itself', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    for (const entry of entries) {
      for (const related of entry.related ?? []) {
        expect(ids.has(related), `${entry.id} → ${related}`).toBe(true);
        expect(related, `${entry.id} links to itself`).not.toBe(entry.id);
      }
    }
  });

  it('gives every entry at least 6 phrasings, a source passage and an attribution', () => {
    for (const entry of entries) {
      expect(entry.questions.length, entry.id).toBeGreaterThanOrEqual(6);
      expect(entry.source, `${entry.id} has no source passage`).toBeTruthy();
      expect(entry.attribution, `${entry.id} has no attribution`).toBeTruthy();
    }
  });

  it('never uses the same phrasing twice, within or across entries or offTopic', () => {
    const seen = new Map<string, string>();
    const all = [
      ...entries.flatMap((entry) => entry.questions.map((q) => [q, entry.id] as const)),
      ...(knowledge.offTopic ?? []).map((q) => [q, 'offTopic'] as const),
    ];
    for (const [question, owner] of all) {
      const key = normalise(question);
      expect(seen.get(key), `"${question}" in ${owner} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, owner);
    }
  });

  it('puts every number of an answer in its source passage, with the same hedge', () => {
    for (const entry of entries) {
      const source = entry.source ?? '';
      for (const n of numbersIn(entry.answer)) {
        expect(source, `${entry.id}: ${n} is not in its source`).toMatch(numberToken(n));
        expect(qualifierBefore(entry.answer, n), `${entry.id}: hedge before ${n}`).toBe(
          qualifierBefore(source, n),
        );
      }
      for (const [word, digits] of Object.entries(NUMBER_WORDS)) {
        if (!new RegExp(`\\b${word}\\b`, 'i').test(entry.answer)) continue;
        const inSource =
          new RegExp(`\\b${word}\\b`, 'i').test(source) || numberToken(digits).test(source);
        expect(inSource, `${entry.id}: "${word}" is not in its source`).toBe(true);
      }
    }
  });
});

describe('knowledge file against the seed article', () => {
  it('quotes every source passage verbatim from the article', () => {
    for (const entry of entries) {
      expect(article.includes(entry.source ?? '\0'), `${entry.id}: source not verbatim`).toBe(true);
    }
  });

  it('quotes every span in an answer verbatim from the article', () => {
    let spans = 0;
    for (const entry of entries) {
      for (const span of quotedSpans(entry.answer)) {
        // A closing "," in the article becomes "." when the quote ends our sentence.
        const body = span.replace(/[.,]$/, '');
        expect(article.includes(body), `${entry.id}: "${span}" is not in the article`).toBe(true);
        spans += 1;
      }
    }
    expect(spans).toBeGreaterThan(0);
  });

  it('uses in answers only numbers the article contains', () => {
    for (const entry of entries) {
      for (const n of numbersIn(entry.answer)) {
        expect(article, `${entry.id}: ${n}`).toMatch(numberToken(n));
      }
    }
  });
});

describe('golden questions', () => {
  const phrasings = new Set(
    [...entries.flatMap((entry) => entry.questions), ...(knowledge.offTopic ?? [])].map(normalise),
  );

  it('has at least 40 answerable and 40 declinable questions', () => {
    expect(golden.answer.length).toBeGreaterThanOrEqual(40);
    expect(golden.decline.length).toBeGreaterThanOrEqual(40);
  });

  it('names only entries that exist', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    for (const { question, entry } of golden.answer) {
      expect(ids.has(entry), `"${question}" → ${entry}`).toBe(true);
    }
  });

  it('holds out its questions: none is copied from the knowledge file or repeated', () => {
    const questions = [...golden.answer.map((pair) => pair.question), ...golden.decline];
    for (const question of questions) {
      expect(phrasings.has(normalise(question)), `"${question}" is copied`).toBe(false);
    }
    expect(new Set(questions.map(normalise)).size).toBe(questions.length);
  });
});
