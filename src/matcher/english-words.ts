import { createRequire } from 'node:module';

/**
 * The words of English, as the lexicon of natural's part-of-speech tagger lists them (some 92,000).
 * A short word the knowledge never uses may be a typo of one it does ("bnak", "mnay"), or a word
 * of its own ("song", "late"); only the first is worth correcting. The lexicon is the one the
 * conversation's tagger loads, read once per process (Node keeps one copy of a required file).
 */
let lexicon: Readonly<Record<string, unknown>> | undefined;

export function isEnglishWord(word: string): boolean {
  lexicon ??= createRequire(import.meta.url)(
    'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json',
  ) as Readonly<Record<string, unknown>>;
  return Object.hasOwn(lexicon, word);
}

/** Whether the lexicon lists the word as a verb and never as a noun ("died", "injured"). */
export function isVerbNotNoun(word: string): boolean {
  isEnglishWord(word);
  const tags = lexicon?.[word];
  if (!Array.isArray(tags)) return false;
  return (
    tags.some((t) => String(t).startsWith('VB')) && !tags.some((t) => String(t).startsWith('NN'))
  );
}

/** Whether the lexicon's likeliest reading of the word is a verb ("affect", "make"). */
export function readsFirstAsVerb(word: string): boolean {
  isEnglishWord(word);
  const tags = lexicon?.[word];
  return Array.isArray(tags) && String(tags[0]).startsWith('VB');
}
