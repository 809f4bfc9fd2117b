import BrillPOSTagger from 'natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger.js';
import Lexicon from 'natural/lib/natural/brill_pos_tagger/lib/Lexicon.js';
import RuleSet from 'natural/lib/natural/brill_pos_tagger/lib/RuleSet.js';
import type { KnowledgeEntry } from '../knowledge/knowledge.js';
import { countOf, increment } from '../matcher/counts.js';

/**
 * What "they" and "it" most likely stand for after an entry's answer: the plural and the singular
 * noun its phrasings use most ("troops" after the Iraq troop count, "presence" after how long U.S.
 * forces have been there). Read from the entry's own phrasings with natural's part-of-speech
 * tagger, so any knowledge file gets it without curating anything.
 */
export interface EntryNouns {
  readonly plural?: string;
  readonly singular?: string;
}

type Tagger = InstanceType<typeof BrillPOSTagger>;
// Loading the tagger's lexicon takes about 150 ms: once per process, when conversation tools are
// first built (at start), never in the middle of answering a message.
let tagger: Tagger | undefined;
export const taggerOf = (): Tagger => {
  tagger ??= new BrillPOSTagger(new Lexicon('EN', 'N', 'NNP'), new RuleSet('EN'));
  return tagger;
};

// Vague nouns and units ("for 20 years") are never what "they" or "it" points at.
const TOO_VAGUE = new Set([
  'people',
  'things',
  'thing',
  'way',
  'ways',
  'lot',
  'kind',
  'number',
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'times',
]);

/** How many entries' phrasings use each word: "troops" in most of a file about troops. */
export function entryFrequencies(entries: readonly KnowledgeEntry[]): ReadonlyMap<string, number> {
  const df = new Map<string, number>();
  for (const entry of entries) {
    const words = new Set(
      entry.questions
        .join(' ')
        .toLowerCase()
        .split(/[^a-z]+/),
    );
    for (const word of words) increment(df, word);
  }
  return df;
}

interface Counted {
  readonly entries: number;
  readonly df: ReadonlyMap<string, number>;
}

/**
 * The noun of one kind (`NNS` or `NN`) that most marks the entry: used in most of its phrasings
 * and in few other entries' ("strikes" over "troops" in a file where every entry has troops).
 */
function mostUsed(
  tagged: readonly (readonly { token: string; tag: string }[])[],
  tag: string,
  file: Counted,
) {
  const counts = new Map<string, number>();
  for (const words of tagged) {
    const seen = new Set<string>();
    for (const w of words) {
      const word = w.token.toLowerCase();
      if (w.tag !== tag || word.length < 4 || TOO_VAGUE.has(word)) continue;
      if (!/^[a-z]+$/.test(word) || seen.has(word)) continue;
      seen.add(word);
      increment(counts, word);
    }
  }
  let best: string | undefined;
  let most = 0;
  for (const [word, n] of counts) {
    if (n < 2) continue;
    // Every counted word is in `df` (the entry's own phrasings are in the file): at least 1.
    const weight = n * Math.log(1 + file.entries / Math.max(1, countOf(file.df, word)));
    if (weight > most) [best, most] = [word, weight];
  }
  return best;
}

/**
 * The nouns of one entry; a subject (a place or a person's name) is never one of them. `df` is
 * `entryFrequencies` of the file's entries, `entries` their number.
 */
export function entryNouns(entry: KnowledgeEntry, file: Counted): EntryNouns {
  const subject = entry.subject?.toLowerCase();
  const tagged = entry.questions.map((q) =>
    taggerOf()
      .tag(
        q
          .replace(/[?!.,;:]+/g, ' ')
          .split(/\s+/)
          .filter(Boolean),
      )
      .taggedWords.filter((w) => w.token.toLowerCase() !== subject),
  );
  const plural = mostUsed(tagged, 'NNS', file);
  const singular = mostUsed(tagged, 'NN', file);
  return {
    ...(plural !== undefined && { plural }),
    ...(singular !== undefined && { singular }),
  };
}

const THEY = /\b(?:they|them)\b/gi;
const IT = /\bit\b/gi;

const THERE = /\bthere\b/i;

/**
 * The follow-up with "they"/"them" and "it" read as the entry's nouns, placed where the entry is
 * when the follow-up does not say: "when did it start" after how long U.S. forces have been in
 * Iraq → "when did the presence in Iraq start". Undefined when nothing was replaced.
 */
export function withNouns(text: string, nouns: EntryNouns, place?: string): string | undefined {
  const placed =
    place !== undefined && !THERE.test(text) && !text.toLowerCase().includes(place.toLowerCase());
  let where = placed ? ` in ${place}` : '';
  const noun = (word: string) => () => {
    const phrase = `the ${word}${where}`;
    where = '';
    return phrase;
  };
  let rewritten = text;
  if (nouns.plural !== undefined) rewritten = rewritten.replace(THEY, noun(nouns.plural));
  if (nouns.singular !== undefined) rewritten = rewritten.replace(IT, noun(nouns.singular));
  return rewritten === text ? undefined : rewritten;
}
