import { performance } from 'node:perf_hooks';
import { fill, NAMED_BAD_INPUTS } from '../property/bad-inputs.js';
import { describeText } from '../property/latency.js';
import { createShippedBot } from '../support/shipped-bot.js';
import { latencyFigures, round } from './load/stats.js';

/**
 * `npm run bench -- --worst-case`: the core (`createBot().handle` on the shipped knowledge) timed
 * over a hostile corpus up to the platforms' largest messages (Discord 2,000 characters, 4,000
 * with Nitro; Slack 40,000). Each question is asked several times; the slowest question's median
 * is the figure that matters, since one slow question blocks every other user of the process.
 * Each is asked as a follow-up (after one of `CONTEXTS`), so the conversation resolvers' patterns
 * meet it too, not only the matcher.
 */
export const WORST_CASE_TARGET_MS = 50;
const DISCORD_MAX = 2_000;
const DISCORD_NITRO_MAX = 4_000;
const SLACK_MAX = 40_000;

export interface WorstCaseFigures {
  readonly questions: number;
  readonly runs: number;
  readonly longestChars: number;
  /** Median over its runs of the slowest question, in ms. */
  readonly slowestMedianMs: number;
  readonly slowestQuestion: string;
  /** Over every timed run of every question, in ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Questions whose median is over the target. */
  readonly overTarget: number;
  readonly pass: boolean;
  readonly slowest: readonly { readonly question: string; readonly medianMs: number }[];
}

/** Distinct made-up words of typo-correction length, from a fixed seed: the corrector's worst case. */
function madeUpWords(length: number, chars: number): string {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const words: string[] = [];
  let total = 0;
  while (total < chars) {
    let word = '';
    for (let i = 0; i < length; i++) word += String.fromCharCode(97 + ((next() >>> 16) % 26));
    words.push(word);
    total += length + 1;
  }
  return words.join(' ').slice(0, chars);
}

/** Real question words with one letter changed each time: many near misses of known words. */
function misspeltQuestions(chars: number): string {
  const words = 'how many american soldiers troops stationed bases kuwait bahrain iraq syria qatar';
  let out = '';
  for (let i = 0; out.length < chars; i++) {
    for (const word of words.split(' ')) {
      const at = i % word.length;
      out += `${word.slice(0, at)}${String.fromCharCode(97 + (i % 26))}${word.slice(at + 1)} `;
    }
  }
  return out.slice(0, chars);
}

/** The hostile corpus: name and text, every text at most Slack's maximum message size. */
export function worstCaseCorpus(): { name: string; text: string }[] {
  const sized = (name: string, unit: string, sizes: readonly number[]) =>
    sizes.map((size) => ({ name: `${name} ×${size}`, text: fill(unit, size) }));
  const platformSizes = [DISCORD_MAX, DISCORD_NITRO_MAX, SLACK_MAX] as const;
  return [
    ...sized('one word of consonants', 'b', [100, 1_000, ...platformSizes]),
    ...sized('one word of vowels', 'a', platformSizes),
    ...sized('one word of mixed letters', 'strengths', platformSizes),
    ...sized('one word of y', 'y', platformSizes),
    ...sized('letters and spaces', 'b ', platformSizes),
    ...sized('digits', '7', platformSizes),
    ...sized('digits with thousands separators', '1,000,', platformSizes),
    ...sized('digits and spaces', '2500 ', platformSizes),
    ...sized('full stops', '.', platformSizes),
    ...sized('punctuation', '?!.,;:\'"()[]{}-', platformSizes),
    ...sized('contractions', "b'b", platformSizes),
    ...sized('apostrophes between words', "won't can't it's ", platformSizes),
    ...sized('Arabic', 'كم عدد القوات ', platformSizes),
    ...sized('Cyrillic lookalikes', 'ігаq trооps ', platformSizes),
    ...sized('CJK', '美国军队在伊拉克', platformSizes),
    ...sized('emoji', '😀', platformSizes),
    ...sized('emoji families', '👨‍👩‍👧‍👦 ', platformSizes),
    ...sized('zero-width inside a word', 'b\u200b', platformSizes),
    ...sized('right-to-left marks', '\u202eiraq\u200f ', platformSizes),
    ...sized('combining marks', 'b\u0301\u0308', platformSizes),
    ...sized('fullwidth letters', 'ｔｒｏｏｐｓ', platformSizes),
    ...sized('a real question repeated', 'how many us troops are in iraq? ', platformSizes),
    ...platformSizes.map((size) => ({
      name: `made-up 20-letter words ×${size}`,
      text: madeUpWords(20, size),
    })),
    ...platformSizes.map((size) => ({
      name: `made-up 9-letter words ×${size}`,
      text: madeUpWords(9, size),
    })),
    ...platformSizes.map((size) => ({
      name: `misspelt question words ×${size}`,
      text: misspeltQuestions(size),
    })),
    ...NAMED_BAD_INPUTS.map((input) => ({
      name: `named: ${input.name}`,
      text: input.text.slice(0, SLACK_MAX),
    })),
    ...sized('runs of spaces between words', `x${' '.repeat(60)}`, platformSizes),
    // The follow-up resolvers' own patterns, each opened as they expect and then filled.
    ...FOLLOW_UP_OPENERS.flatMap((opener) =>
      [DISCORD_MAX, DISCORD_NITRO_MAX].flatMap((size) =>
        [' ', '? ', 'the talks and '].map((unit) => ({
          name: `follow-up "${opener.trim()}" + "${unit}" ×${size}`,
          text: `${opener}${fill(unit, size - opener.length - 2)}x?`,
        })),
      ),
    ),
  ];
}

/** How follow-ups open: each resolver's pattern is tried in full on what comes after. */
const FOLLOW_UP_OPENERS = [
  'what did she say about ',
  'is that more than ',
  'which one ',
  'and the next one ',
  'why ',
  'how did it affect ',
  'how many were killed in that ',
  'who is randa slim and what did she say about ',
] as const;

/**
 * Asked, untimed, before each timed question in the same conversation, so every hostile text is
 * also a follow-up: to a quote's speaker, a ranked answer, a reply of two parts, a linked entry.
 */
const CONTEXTS = [
  'who is randa slim',
  'how many us troops are in bahrain',
  'who is randa slim and who is sabrina singh',
  'when did the gaza war start',
] as const;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

export async function runWorstCaseBench(runs: number): Promise<WorstCaseFigures> {
  const bot = await createShippedBot();
  const corpus = worstCaseCorpus();
  const ask = async (text: string, i: number, pass: number) => {
    const query = { platform: 'console', user: 'bench', conversation: `r${pass}` } as const;
    await bot.handle({ ...query, text: CONTEXTS[i % CONTEXTS.length] ?? '' });
    const started = performance.now();
    await bot.handle({ ...query, text });
    return performance.now() - started;
  };
  // One untimed pass: the first questions pay for JIT compilation and lazy indexes.
  for (const [i, { text }] of corpus.entries()) await ask(text, i, 0);
  const samples = corpus.map(() => [] as number[]);
  // Round-robin, so noise on the shared machine spreads over every question alike.
  for (let pass = 1; pass <= runs; pass++) {
    for (const [i, { text }] of corpus.entries()) samples[i]?.push(await ask(text, i, pass));
  }
  const medians = corpus
    .map(({ name, text }, i) => ({
      question: `${name} (${describeText(text)})`,
      medianMs: round(median(samples[i] ?? [])),
    }))
    .sort((a, b) => b.medianMs - a.medianMs);
  const all = latencyFigures(samples.flat());
  const overTarget = medians.filter((m) => m.medianMs > WORST_CASE_TARGET_MS).length;
  return {
    questions: corpus.length,
    runs,
    longestChars: Math.max(...corpus.map(({ text }) => text.length)),
    slowestMedianMs: medians[0]?.medianMs ?? Number.NaN,
    slowestQuestion: medians[0]?.question ?? '',
    p50Ms: all.p50,
    p99Ms: all.p99,
    maxMs: all.max,
    overTarget,
    pass: overTarget === 0,
    slowest: medians.slice(0, 10),
  };
}

export function formatWorstCase(f: WorstCaseFigures): string {
  return [
    `Worst case through the core: ${f.questions} hostile questions up to ${f.longestChars} characters, ${f.runs} runs each`,
    `  slowest question, median: ${f.slowestMedianMs} ms (${f.slowestQuestion})`,
    `  all runs: p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms`,
    `  target ≤ ${WORST_CASE_TARGET_MS} ms per question: ${f.pass ? 'met' : `missed by ${f.overTarget} questions`}`,
    '  slowest ten (median ms):',
    ...f.slowest.map((s) => `    ${s.medianMs.toFixed(1).padStart(7)}  ${s.question}`),
  ].join('\n');
}
