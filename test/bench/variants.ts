import type { Example, IntentDataset } from './dataset.js';

/**
 * CLINC150 as real traffic looks: the same test (and validation) utterances with seeded typos
 * or seeded chatter around them, and a 10-shot setting with about as many training utterances
 * per intent as a knowledge entry has phrasings. Every variant is deterministic for its seed.
 */
export const VARIANTS = ['clean', 'typos', 'chatter', '10-shot'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Share of words of four letters or more that get one edit. */
const TYPO_RATE = 0.3;
const SHOTS = 10;
const SEED = 20_240_131;

/** mulberry32: small, fast and good enough for shuffling test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit inside the word: a substitution, deletion, insertion or swap of neighbours. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = LETTERS[Math.floor(random() * LETTERS.length)] ?? 'e';
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return word.slice(0, at - 1) + (word[at] ?? '') + (word[at - 1] ?? '') + word.slice(at + 1);
  }
}

export function withTypos(text: string, random: () => number): string {
  return text.replace(/[A-Za-z]{4,}/g, (word) =>
    random() < TYPO_RATE ? typo(word, random) : word,
  );
}

// Openers and closers people put around a question; not all of them are in the matcher's lexicon.
const OPENERS = [
  'hey',
  'hi there,',
  'hello!',
  'quick question:',
  'so',
  'um,',
  'ok so',
  'good morning,',
  '@sam asked',
  'hey bot,',
  'can you help?',
  'real quick,',
  'hi, i was wondering',
  'yo',
  'excuse me,',
];
const CLOSERS = [
  'thanks!',
  'thx',
  'please',
  'pls',
  'thank you',
  '?',
  'lol',
  'cheers',
  'if you can',
  'asap',
  'appreciate it',
  'any idea?',
];

export function withChatter(text: string, random: () => number): string {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? '';
  const shape = random();
  // A third get an opener, a third a closer, a third both.
  if (shape < 1 / 3) return `${pick(OPENERS)} ${text}`;
  if (shape < 2 / 3) return `${text} ${pick(CLOSERS)}`;
  return `${pick(OPENERS)} ${text} ${pick(CLOSERS)}`;
}

function mapQueries(data: IntentDataset, change: (text: string) => string): IntentDataset {
  const map = (examples: readonly Example[]) =>
    examples.map((e) => ({ text: change(e.text), label: e.label }));
  return {
    ...data,
    val: map(data.val),
    test: map(data.test),
    oos_val: map(data.oos_val),
    oos_test: map(data.oos_test),
  };
}

/** `SHOTS` training utterances per intent, chosen by a seeded shuffle. */
function fewShot(data: IntentDataset, random: () => number): IntentDataset {
  const byLabel = new Map<string, Example[]>();
  for (const e of data.train) {
    const list = byLabel.get(e.label) ?? [];
    list.push(e);
    byLabel.set(e.label, list);
  }
  const train: Example[] = [];
  for (const list of byLabel.values()) {
    const shuffled = [...list];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Example, shuffled[i] as Example];
    }
    train.push(...shuffled.slice(0, SHOTS));
  }
  return { ...data, train };
}

export function applyVariant(data: IntentDataset, variant: Variant): IntentDataset {
  const random = seededRandom(SEED);
  switch (variant) {
    case 'clean':
      return data;
    case 'typos':
      return mapQueries(data, (t) => withTypos(t, random));
    case 'chatter':
      return mapQueries(data, (t) => withChatter(t, random));
    case '10-shot':
      return fewShot(data, random);
  }
}
