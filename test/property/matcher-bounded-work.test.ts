import fc from 'fast-check';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { Bot } from '../../src/bot-types.js';
import { createMatcher } from '../../src/matcher/create-matcher.js';
import type { Matcher } from '../../src/matcher/matcher.js';
import { createNormalizer, MAX_WORD_LENGTH } from '../../src/matcher/normalize.js';
import { createTypoCorrector } from '../../src/matcher/typo-corrector.js';
import { memoryStateStore } from '../support/memory-state.js';
import { shippedKnowledgeBase } from '../support/shipped-bot.js';
import { entries, synonyms } from '../unit/matcher/fixtures/troops-kb.js';
import { anyText, fill } from './bad-inputs.js';

/**
 * Every text function the matcher uses, fed what people and attackers send: one word of up to
 * 100,000 characters, repeated characters, runs of digits, punctuation, mixed scripts, emoji,
 * zero-width characters and direction marks. Each must return well-formed output, and the costly
 * steps (stemming, typo correction) must never see a word over `MAX_WORD_LENGTH`; time is not
 * asserted (the machine is shared), the bench `--worst-case` measures it.
 */

/** What one long "word" is made of: consonants are Porter's worst case. */
const UNITS = [
  'b',
  'a',
  'ab',
  'bcd',
  'y',
  '7',
  '1,000',
  '.',
  '-',
  "'",
  "b'",
  'é',
  'e\u0301',
  'ш',
  'ا',
  'ש',
  '😀',
  '🇺🇸',
  '\u200b',
  '\u202e',
  '\u200fb',
  'ｂ',
] as const;

const longRun: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...UNITS),
    fc.oneof(
      fc.integer({ min: 1, max: 80 }),
      fc.integer({ min: 80, max: 5_000 }),
      fc.constantFrom(20_000, 100_000),
    ),
  )
  .map(([unit, length]) => fill(unit, length));

/** A long run alone, or inside an ordinary question, or among other hostile text. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  longRun,
  fc
    .tuple(fc.constantFrom('how many troops are in ', 'who said ', ''), longRun, anyText)
    .map(([head, run, tail]) => `${head}${run} ${tail}`),
  fc.array(longRun, { minLength: 2, maxLength: 4 }).map((runs) => runs.join(' ')),
  anyText,
);

const CLEAN_SHAPE = /^(?:[a-z0-9.]+(?: [a-z0-9.]+)*)?$/;

/** A normaliser whose stemmer records the longest word it was given. */
function countingNormalizer(withSynonyms = true) {
  const seen = { calls: 0, longest: 0 };
  const normalizer = createNormalizer({
    ...(withSynonyms ? { synonyms } : {}),
    stemmer: (word) => {
      seen.calls += 1;
      seen.longest = Math.max(seen.longest, word.length);
      return porterStemmer.stem(word);
    },
  });
  return { normalizer, seen };
}

describe('GIVEN the normaliser with a counting stemmer', () => {
  it('WHEN given hostile text THEN it returns clean words and never stems a word over the cap', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const { normalizer, seen } = countingNormalizer();
        const cleaned = normalizer.clean(text);
        expect(cleaned).toMatch(CLEAN_SHAPE);
        const words = normalizer.words(text);
        // Words are the cleaned text in order, less the filler set aside around a question.
        expect(
          isSubsequence(
            words.map((w) => w.surface),
            cleaned.split(' '),
          ),
        ).toBe(true);
        for (const w of words) {
          expect(w.token).not.toBe('');
          if (w.surface.length > MAX_WORD_LENGTH) expect(w.token).toBe(w.surface);
        }
        expect(seen.longest).toBeLessThanOrEqual(MAX_WORD_LENGTH);
      }),
      { numRuns: 150 },
    );
  });

  it('WHEN a word is within the cap THEN its token is what Porter makes of it, as before the cap', () => {
    const { normalizer, seen } = countingNormalizer(false);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,40}$/), (word) => {
        // Kept as written on purpose: "news", "less", "this", and nationalities ending in "i"
        // ("kuwaiti" is not "kuwait"); every other word is Porter's stem.
        const kept = ['news', 'less', 'this'].includes(word) || /[a-z]{3}i$/.test(word);
        const expected = kept ? word : porterStemmer.stem(word);
        expect(normalizer.tokenOf(word)).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(seen.calls).toBeGreaterThan(0);
  });
});

describe("GIVEN natural's Porter stemmer and the normaliser's tokenizer", () => {
  const tokenizer = new RegexpTokenizer({ pattern: /[^a-z0-9.]+/ });

  it('WHEN stemming any lower-case word the cap lets through THEN it returns a non-empty string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,40}$/), (word) => {
        const stem = porterStemmer.stem(word);
        expect(typeof stem).toBe('string');
        expect(stem.length).toBeGreaterThan(0);
        expect(stem.length).toBeLessThanOrEqual(word.length);
      }),
      { numRuns: 300 },
    );
  });

  it('WHEN tokenizing hostile lower-cased text THEN no token is empty or holds a separator', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const token of tokenizer.tokenize(text.toLowerCase())) {
          expect(token).toMatch(/^[a-z0-9.]+$/);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('GIVEN the typo corrector on the fixture vocabulary', () => {
  const vocabulary = new Map<string, number>();
  const normalizer = createNormalizer();
  for (const entry of entries)
    for (const phrasing of entry.phrasings)
      for (const w of normalizer.words(phrasing))
        vocabulary.set(w.surface, (vocabulary.get(w.surface) ?? 0) + 1);
  const corrector = createTypoCorrector(vocabulary);

  it('WHEN asked to correct any word or raw text THEN it offers a known word within two edits, or nothing', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const surfaces = [text, ...normalizer.words(text).map((w) => w.surface)];
        for (const surface of surfaces) {
          const fix = corrector.correct(surface);
          if (surface.length > MAX_WORD_LENGTH) expect(fix).toBeUndefined();
          if (fix === undefined) continue;
          expect(vocabulary.has(fix.surface)).toBe(true);
          expect(fix.distance).toBeGreaterThanOrEqual(1);
          expect(fix.distance).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('GIVEN a matcher trained on the fixture knowledge', () => {
  let matcher: Matcher;
  const ids = new Set(entries.map((e) => e.id));
  beforeAll(() => {
    matcher = createMatcher(entries, { synonyms });
  });

  it('WHEN matching hostile text THEN candidates are known entries, best first, confidences in [0, 1]', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const result = matcher.match(text);
        expect(result.normalized).toMatch(CLEAN_SHAPE);
        let previous = Number.POSITIVE_INFINITY;
        for (const c of result.candidates) {
          expect(ids.has(c.entry)).toBe(true);
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
          expect(c.confidence).toBeLessThanOrEqual(previous);
          previous = c.confidence;
        }
        // A word over the cap reaches the scorer as it was typed: neither stemmed nor corrected.
        const typed = new Set(createNormalizer().clean(text).split(' '));
        for (const token of result.normalized.split(' '))
          if (token.length > MAX_WORD_LENGTH) expect(typed.has(token)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('GIVEN the whole core on the shipped knowledge', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = createBot({
      knowledge: await shippedKnowledgeBase(),
      store: memoryStateStore(),
      config: { rateLimit: { questions: 0, windowMs: 60_000 } },
    });
  });

  it('WHEN handed one run of a character THEN it replies well-formed, and never with a fact past the word cap', async () => {
    await fc.assert(
      fc.asyncProperty(longRun, async (text) => {
        const reply = await bot.handle({
          text,
          platform: 'console',
          user: 'u',
          conversation: `c-${Math.random()}`,
        });
        expect(['answer', 'clarify', 'decline']).toContain(reply.kind);
        expect(reply.text.trim()).not.toBe('');
        expect(reply.confidence).toBeGreaterThanOrEqual(0);
        expect(reply.confidence).toBeLessThanOrEqual(1);
        // A run past the word cap carries no question: small talk or a decline, never a fact.
        if (reply.kind === 'answer' && text.length > MAX_WORD_LENGTH)
          expect(reply.entryKind).not.toBe('fact');
      }),
      { numRuns: 120 },
    );
  });
});

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const item of whole) if (item === part[at]) at++;
  return at === part.length;
}
