import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';
import { LOCATIVES } from './capital-metonyms.js';
import { BUILT_IN_SHORTHAND, fillerMask, rewriteCounts, rewriteTimers } from './chat-lexicon.js';
import { readDates, spellNumericDates } from './date-words.js';
import { readDigitWords } from './digit-words.js';
import { numberWordsAsDigits } from './number-words.js';
import { nationalityOf } from './slot-lexicon.js';
import { createPhraseRewriter } from './synonym-phrases.js';

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

const PARTICIPLE = /^[a-z]{3,}ed$/;

const STOP_WORDS: ReadonlySet<string> = new Set(
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

/** Whether a token is a function word, the question-critical ones ("many", "not") included. */
export function isFunctionWord(token: string): boolean {
  criticalTokens ??= new Set([...QUESTION_CRITICAL].flatMap((w) => [w, stem(w)]));
  return stopTokenSet().has(token) || criticalTokens.has(token);
}
let criticalTokens: ReadonlySet<string> | undefined;

/** Whether a token is a low-information function word (weighted down, never dropped). */
export function isStopToken(token: string): boolean {
  return stopTokenSet().has(token);
}

// Porter turns these into different or wrong stems ("us" → "u", "news" → "new", "expensive" →
// "expens", the stem of "expenses": "who approves an expensive course" is no expenses question).
const UNSTEMMED = new Set([
  'us',
  'news',
  'gas',
  'bus',
  'yes',
  'this',
  'less',
  'its',
  'has',
  'was',
  'expensive',
]);

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

// "kuwait's own army", "iraq's troops": the place's own forces, as "kuwaiti troops" says, not
// the troops it hosts.
// Sticky: reads the word after a contraction where it stands, without copying the rest.
const NEXT_WORD = /\s+([a-z]+)/y;
const FORCES = new Set([
  'own',
  'army',
  'armed',
  'military',
  'forces',
  'troops',
  'soldiers',
  'navy',
]);

/** The nationality of `head` when the word at `after` names forces ("kuwait's own army"). */
function placesOwnForces(head: string, text: string, after: number): string | undefined {
  NEXT_WORD.lastIndex = after;
  return FORCES.has(NEXT_WORD.exec(text)?.[1] ?? '') ? nationalityOf(head) : undefined;
}

function expandContractions(text: string): string {
  return text.replace(
    /\b([a-z]+)'([a-z]+)\b/g,
    (whole: string, head: string, tail: string, at: number, all: string) => {
      const own = tail === 's' ? placesOwnForces(head, all, at + whole.length) : undefined;
      if (own !== undefined) return own;
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
    },
  );
}

function canonicalCountryNames(text: string): string {
  // Case matters here: "US"/"U.S." is the country, lower-case "us" is ambiguous but maps to the
  // same token so that lazily typed questions still match.
  return (
    text
      .replace(/\bunited\s+states(?:\s+of\s+america)?\b/gi, ' us ')
      .replace(/\bU\.\s?S\.(?:\s?A\.)?/g, ' us ')
      .replace(/\bUSA\b/g, ' us ')
      // "UK" is what people type for the "United Kingdom" a handbook writes.
      .replace(/\b(?:united\s+kingdom|great\s+britain)\b|\bU\.\s?K\.|\bUK\b/gi, ' uk ')
  );
}

const tokenizer = new RegexpTokenizer({ pattern: /[^a-z0-9.]+/ });

/**
 * Longer than any English word and any word of the knowledge: a longer "word" is noise or an
 * attack, kept as its own token but never stemmed or typo-corrected. Porter's regular expressions
 * take time quadratic in a run of consonants (100,000 letters blocked the process for 30 s).
 */
export const MAX_WORD_LENGTH = 40;

const porterStem = (word: string): string => porterStemmer.stem(word);

/** Stop words and their stems: tokens are stemmed, "does" is "doe" by then. */
let stopTokens: ReadonlySet<string> | undefined;
function stopTokenSet(): ReadonlySet<string> {
  stopTokens ??= new Set([...STOP_WORDS, ...[...STOP_WORDS].map((w) => stem(w))]);
  return stopTokens;
}

function stem(word: string, stemmer: (word: string) => string = porterStem): string {
  if (word.length <= 3 || UNSTEMMED.has(word) || /\d/.test(word)) return word;
  return stemmer(word);
}

export interface NormalizerConfig {
  readonly synonyms?: readonly (readonly string[])[];
  /** The stemmer (Porter's by default); tests pass a counting one to check what reaches it. */
  readonly stemmer?: (word: string) => string;
  /** Chat shorthand of the knowledge's own, added to the built-in lexicon ("pto" → "paid time off"). */
  readonly shorthand?: Readonly<Record<string, string>>;
  /** Capitals read as their country where they act ("Doha hosts…"), not where they place. */
  readonly metonyms?: ReadonlyMap<string, string>;
}

// "@alice asked …": the addressee and the reporting verb are not part of the question.
const MENTION =
  /(^|\s)@[\w.-]+(?:\s+(?:asked|asks|wants to know|wanted to know|is asking|was asking))?/g;

// "# us troops iraq", "# of strikes": chat's sign for "number of", set apart by a space (a
// "#hashtag" or "#3" is not one).
const NUMBER_SIGN = /(^|\s)#(?:\s+of)?\s+(?=[a-z])/g;

// "hiii", "thanksss", "pleeease": a letter drawn out for tone, after another letter. No English
// word has one letter three times running; "zzz" or "www" is kept as typed, not read as "z".
const DRAWN_OUT = /([a-z])((?!\1)[a-z])\2{2,}/g;

// "open 24/7": chat's "24 hours a day", never a date or two numbers.
const ROUND_THE_CLOCK = /(^|[^\d/.])24\s*\/\s*7(?![\d/])/g;

/** Whether a token carries content: not a function word, not a question word. */
function isContentToken(token: string): boolean {
  return !isFunctionWord(token) && !QUESTION_WORDS.has(token) && !/^\d+(?:\.\d+)?$/.test(token);
}

/**
 * The words without the greetings, thanks and hedges around them, unless that leaves no content
 * word: "hey, quick question: how many troops are in iraq? thanks" is asked as the bare question,
 * "thanks!" stays thanks.
 */
function setAsideFiller(words: readonly Word[]): Word[] {
  const mask = fillerMask(words.map((w) => w.surface));
  if (!mask.includes(true)) return [...words];
  const kept = words.filter((_, i) => !mask[i]);
  return kept.some((w) => isContentToken(w.token)) ? kept : [...words];
}

/** Each capital of `metonyms` as its country, unless a locative puts something in it. */
function asCountries(words: string[], metonyms: ReadonlyMap<string, string> | undefined): string[] {
  if (metonyms === undefined || metonyms.size === 0) return words;
  return words.map((w, i) => {
    const country = metonyms.get(w);
    return country === undefined || LOCATIVES.has(words[i - 1] ?? '') ? w : country;
  });
}

export function createNormalizer(config: NormalizerConfig = {}): Normalizer {
  const stemCache = new Map<string, string>();
  const synonymOf = new Map<string, string>();
  const stemmer = config.stemmer ?? porterStem;
  // An expansion is split as typed text is ("pt" → "part-time" → "part time"): it is put in
  // after the tokenizer has run.
  const asTyped = (long: string) => tokenizer.tokenize(long.toLowerCase()).join(' ');
  const shorthand = new Map<string, string>(
    Object.entries(BUILT_IN_SHORTHAND).map(([short, long]) => [short, asTyped(long)]),
  );
  for (const [short, long] of Object.entries(config.shorthand ?? {}))
    shorthand.set(short.toLowerCase().trim(), asTyped(long));
  const expand = (word: string): string => shorthand.get(word) ?? word;

  const cleanWords = (text: string): string => {
    let t = text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(CONTROL, ' ');
    t = t.normalize('NFD').replace(MARKS, '').normalize('NFC');
    t = canonicalCountryNames(t.replace(APOSTROPHES, "'")).toLowerCase();
    t = expandContractions(t.replace(DRAWN_OUT, '$1$2')).replace(MENTION, ' ');
    t = t.replace(NUMBER_SIGN, '$1how many ');
    t = t.replace(ROUND_THE_CLOCK, '$1 24 hours a day ');
    t = spellNumericDates(t.replace(/(\d),(?=\d{3}\b)/g, '$1')); // 1,000 → 1000
    t = t.replace(/(?<!\d)\.|\.(?!\d)/g, ' '); // keep only decimal points
    const typed = tokenizer.tokenize(t).map(expand).join(' ').split(' ');
    const read = rewriteTimers(numberWordsAsDigits(readDigitWords(readDates(typed))));
    return rewriteCounts(asCountries(read, config.metonyms)).join(' ');
  };
  const rewritePhrases = createPhraseRewriter(config.synonyms ?? [], cleanWords);
  const clean = (text: string): string => rewritePhrases(cleanWords(text));

  const baseToken = (surface: string): string => {
    if (surface.length > MAX_WORD_LENGTH) return surface; // not stemmed, so not worth keeping
    let s = stemCache.get(surface);
    if (s === undefined) {
      s = stem(surface, stemmer);
      if (stemCache.size < 50_000) stemCache.set(surface, s);
    }
    return s;
  };

  // A participle in a synonym group stands for itself only: its stem is often another word's
  // ("based" and "bases", "stationed" and "station"), which the group does not mean.
  const synonymOfSurface = new Map<string, string>();
  const keyOf = (w: string) => (PARTICIPLE.test(w) ? w : w.split(' ').map(baseToken).join(' '));
  for (const group of config.synonyms ?? []) {
    const cleaned = group.map((w) => clean(w)).filter(Boolean);
    const first = cleaned[0];
    if (first === undefined) continue;
    const canonical = keyOf(first).replace(/ /g, '_');
    for (const w of cleaned) {
      if (w.includes(' ')) continue;
      if (PARTICIPLE.test(w)) synonymOfSurface.set(w, canonical);
      else synonymOf.set(baseToken(w), canonical);
    }
  }

  const tokenOf = (surface: string): string => {
    const exact = synonymOfSurface.get(surface);
    if (exact !== undefined) return exact;
    // Nationalities lose their final "i" to the stemmer ("kuwaiti" → "kuwait"): a Kuwaiti
    // soldier is not a soldier in Kuwait.
    const base = /[a-z]{3}i$/.test(surface) ? surface : baseToken(surface);
    return synonymOf.get(base) ?? base;
  };

  const words = (text: string): Word[] => {
    const cleaned = clean(text);
    if (cleaned === '') return [];
    return setAsideFiller(
      cleaned.split(' ').map((surface) => ({ surface, token: tokenOf(surface) })),
    );
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
