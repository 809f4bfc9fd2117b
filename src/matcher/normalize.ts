import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';

/**
 * Text normalisation shared by training and matching, so a phrasing and a question that differ
 * only in form (case, accents, contractions, plurals, synonyms) produce the same tokens.
 */

/** One word of a question: its lower-cased surface form and the token the matcher compares. */
export interface Word {
  readonly surface: string;
  readonly token: string;
}

export interface Normalizer {
  /** Surface clean-up only: Unicode, case, contractions, "U.S." → "us", punctuation. */
  clean(text: string): string;
  /** Cleaned words with their stemmed, synonym-mapped tokens. */
  words(text: string): Word[];
  /** The token a single lower-case surface word maps to. */
  tokenOf(surface: string): string;
}

// These carry the question's meaning ("how many" vs "when", "not"), so they are never treated
// as low-information words even though generic stop-word lists contain them.
const QUESTION_CRITICAL = new Set([
  'how',
  'many',
  'much',
  'what',
  'where',
  'when',
  'which',
  'who',
  'whom',
  'why',
  'never',
  'not',
  'no',
  'before',
  'after',
  'above',
  'below',
  'more',
  'most',
  'few',
  'only',
  'same',
  'under',
  'over',
  'between',
  'cannot',
  'first',
  'last',
]);

const STOP_TOKENS: ReadonlySet<string> = new Set(
  stopwords.words
    .filter((w) => /^[a-z]{2,}$/.test(w) && !QUESTION_CRITICAL.has(w))
    .concat([
      'a',
      'i',
      'please',
      'thanks',
      'thank',
      'tell',
      'know',
      'want',
      'need',
      'can',
      'let',
      'could',
    ]),
);

const QUESTION_WORDS = new Set([
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'which',
  'why',
  'how',
]);

/** Whether a token asks for a kind of answer (who, when, how…): it says what the question wants. */
export function isQuestionWord(token: string): boolean {
  return QUESTION_WORDS.has(token);
}

/** Whether a token is a low-information function word (weighted down, never dropped). */
export function isStopToken(token: string): boolean {
  return STOP_TOKENS.has(token);
}

// Porter turns these into different or wrong stems ("us" → "u", "news" → "new").
const UNSTEMMED = new Set(['us', 'news', 'gas', 'bus', 'yes', 'this', 'less', 'its', 'has', 'was']);

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const CONTROL = /[\p{Cc}\p{Cf}]/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g;

const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = {
  "won't": 'will not',
  "can't": 'can not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "let's": 'let',
  "y'all": 'you all',
};

// "'s" after these is "is"/"has"; after anything else it is a possessive and dropped.
const IS_HOSTS = new Set([
  'what',
  'who',
  'where',
  'when',
  'how',
  'why',
  'which',
  'that',
  'there',
  'here',
  'it',
  'he',
  'she',
  'this',
  'everything',
  'nothing',
  'something',
  'someone',
  'everyone',
]);

function expandContractions(text: string): string {
  return text.replace(/\b([a-z]+)'([a-z]+)\b/g, (whole, head: string, tail: string) => {
    const irregular = IRREGULAR_NEGATIONS[whole];
    if (irregular !== undefined) return irregular;
    if (tail === 't' && head.endsWith('n')) return `${head.slice(0, -1)} not`;
    switch (tail) {
      case 're':
        return `${head} are`;
      case 've':
        return `${head} have`;
      case 'll':
        return `${head} will`;
      case 'm':
        return `${head} am`;
      case 'd':
        return `${head} would`;
      case 's':
        return IS_HOSTS.has(head) ? `${head} is` : head;
      default:
        return `${head} ${tail}`;
    }
  });
}

function canonicalCountryNames(text: string): string {
  // Case matters here: "US"/"U.S." is the country, lower-case "us" is ambiguous but maps to the
  // same token so that lazily typed questions still match.
  return text
    .replace(/\bunited\s+states(?:\s+of\s+america)?\b/gi, ' us ')
    .replace(/\bU\.\s?S\.(?:\s?A\.)?/g, ' us ')
    .replace(/\bUSA\b/g, ' us ');
}

const tokenizer = new RegexpTokenizer({ pattern: /[^a-z0-9.]+/ });

/**
 * Longer than any English word and any word of the knowledge: a longer "word" is noise or an
 * attack, kept as its own token but never stemmed or typo-corrected. Porter's regular expressions
 * take time quadratic in a run of consonants (100,000 letters blocked the process for 30 s).
 */
export const MAX_WORD_LENGTH = 40;

function stem(word: string, stemmer: (word: string) => string): string {
  if (word.length <= 3 || UNSTEMMED.has(word) || /\d/.test(word)) return word;
  return stemmer(word);
}

export interface NormalizerConfig {
  readonly synonyms?: readonly (readonly string[])[];
  /** The stemmer (Porter's by default); tests pass a counting one to check what reaches it. */
  readonly stemmer?: (word: string) => string;
}

export function createNormalizer(config: NormalizerConfig = {}): Normalizer {
  const stemCache = new Map<string, string>();
  const synonymOf = new Map<string, string>();
  const stemmer = config.stemmer ?? ((word: string) => porterStemmer.stem(word));

  const clean = (text: string): string => {
    let t = text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(CONTROL, ' ');
    t = t.normalize('NFD').replace(MARKS, '').normalize('NFC');
    t = canonicalCountryNames(t.replace(APOSTROPHES, "'")).toLowerCase();
    t = expandContractions(t);
    t = t.replace(/(\d),(?=\d{3}\b)/g, '$1'); // 1,000 → 1000
    t = t.replace(/(?<!\d)\.|\.(?!\d)/g, ' '); // keep only decimal points
    return tokenizer.tokenize(t).join(' ');
  };

  const baseToken = (surface: string): string => {
    if (surface.length > MAX_WORD_LENGTH) return surface; // not stemmed, so not worth keeping
    let s = stemCache.get(surface);
    if (s === undefined) {
      s = stem(surface, stemmer);
      if (stemCache.size < 50_000) stemCache.set(surface, s);
    }
    return s;
  };

  for (const group of config.synonyms ?? []) {
    const tokens = group.map((w) => clean(w).split(' ').map(baseToken).join(' ')).filter(Boolean);
    const canonical = tokens[0];
    if (canonical === undefined) continue;
    for (const t of tokens) if (!t.includes(' ')) synonymOf.set(t, canonical.replace(/ /g, '_'));
  }

  const tokenOf = (surface: string): string => {
    const base = baseToken(surface);
    return synonymOf.get(base) ?? base;
  };

  const words = (text: string): Word[] => {
    const cleaned = clean(text);
    if (cleaned === '') return [];
    return cleaned.split(' ').map((surface) => ({ surface, token: tokenOf(surface) }));
  };

  return { clean, words, tokenOf };
}

/**
 * The same normaliser remembering the words of the training phrasings while a matcher trains:
 * cross-validation reads every phrasing once per fold, and normalising (Unicode, regexes,
 * stemming) dominated that. Other texts (held-out variants, questions) are not kept, and
 * `release` drops the memory, so a large file's training peak does not grow with it.
 */
export function createTrainingNormalizer(
  base: Normalizer,
  phrasings: Iterable<string>,
): { readonly normalizer: Normalizer; release(): void } {
  let cache: Map<string, Word[] | undefined> | undefined = new Map();
  for (const p of phrasings) cache.set(p, undefined);
  const words = (text: string): Word[] => {
    if (cache === undefined || !cache.has(text)) return base.words(text);
    let w = cache.get(text);
    if (w === undefined) {
      w = base.words(text);
      cache.set(text, w);
    }
    return w;
  };
  return {
    normalizer: { clean: base.clean, tokenOf: base.tokenOf, words },
    release: () => {
      cache = undefined;
    },
  };
}
