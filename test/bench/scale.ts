import { createMatcher } from '../../src/matcher/create-matcher.js';
import type { TrainingEntry } from '../../src/matcher/matcher.js';
import { type IntentDataset, toEntries } from './dataset.js';
import { percentile } from './metrics.js';
import { peakRssMB } from './run-system.js';

/**
 * Synthetic knowledge of a given size built from the benchmark's utterances: entry i reuses the
 * phrasings of one intent and adds two made-up words unique to it (its "subject"), so entries
 * differ the way curated entries do (same question, different subject).
 */

export interface ScaleFigures {
  readonly entries: number;
  readonly phrasings: number;
  readonly trainSeconds: number;
  readonly latencyMicros: { readonly p50: number; readonly p99: number };
  readonly peakRssMB: number;
  /** Share of synthetic questions whose top candidate is their entry (a sanity check). */
  readonly top1: number;
}

const PHRASINGS = 10;
const QUERIES = 2000;
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

function madeUpWord(n: number): string {
  let word = '';
  let k = n;
  for (let s = 0; s < 3; s++) {
    const syllable = k % (CONSONANTS.length * VOWELS.length);
    k = Math.floor(k / (CONSONANTS.length * VOWELS.length));
    word += `${CONSONANTS[syllable % CONSONANTS.length]}${VOWELS[Math.floor(syllable / CONSONANTS.length)]}`;
  }
  return word;
}

function subjectOf(i: number): string {
  // Spread ids so that neighbouring entries do not get near-identical words.
  return `${madeUpWord((i * 7919) % 300_000)} ${madeUpWord((i * 104_729 + 17) % 300_000)}`;
}

export function syntheticKnowledge(
  data: IntentDataset,
  size: number,
): { entries: TrainingEntry[]; queries: { text: string; entry: string }[] } {
  const intents = toEntries(data.train);
  const tests = new Map(toEntries(data.test).map((e) => [e.id, e.phrasings]));
  const entries: TrainingEntry[] = [];
  const queries: { text: string; entry: string }[] = [];
  for (let i = 0; i < size; i++) {
    const intent = intents[i % intents.length];
    if (intent === undefined) break;
    const subject = subjectOf(i);
    const round = Math.floor(i / intents.length);
    const phrasings: string[] = [];
    for (let j = 0; j < PHRASINGS; j++) {
      const u = intent.phrasings[(round * 3 + j * 7) % intent.phrasings.length] ?? '';
      phrasings.push(j % 2 === 0 ? `${u} ${subject}` : `${subject}: ${u}`);
    }
    const id = `entry-${i}`;
    entries.push({ id, phrasings });
    const t = tests.get(intent.id);
    if (t !== undefined) queries.push({ text: `${t[round % t.length]} ${subject}`, entry: id });
  }
  const step = Math.max(1, Math.floor(queries.length / QUERIES));
  return { entries, queries: queries.filter((_, i) => i % step === 0).slice(0, QUERIES) };
}

export function runScale(data: IntentDataset, size: number): ScaleFigures {
  const { entries, queries } = syntheticKnowledge(data, size);
  const t0 = process.hrtime.bigint();
  const matcher = createMatcher(entries);
  const trainSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // Warm up on training phrasings, so the timed questions are answered for the first time.
  const step = Math.max(1, Math.floor(entries.length / 1000));
  for (let i = 0; i < entries.length; i += step) matcher.match(entries[i]?.phrasings[0] ?? '');
  const timings = new Float64Array(queries.length);
  let right = 0;
  queries.forEach((q, i) => {
    const start = process.hrtime.bigint();
    const r = matcher.match(q.text);
    timings[i] = Number(process.hrtime.bigint() - start) / 1000;
    if (r.candidates[0]?.entry === q.entry) right++;
  });
  timings.sort();
  return {
    entries: entries.length,
    phrasings: entries.reduce((n, e) => n + e.phrasings.length, 0),
    trainSeconds,
    latencyMicros: { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) },
    peakRssMB: peakRssMB(),
    top1: queries.length > 0 ? right / queries.length : 0,
  };
}
