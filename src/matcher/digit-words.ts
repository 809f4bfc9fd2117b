import { isSlotWord } from './slot-lexicon.js';

/**
 * Chat's "4" for "for" and "2" for "to" ("r the stakes higher 4 the talks", "do i need 2 give
 * notice"), read as the word only where a number cannot stand: "4" before a determiner or "per",
 * "2" after a verb that takes "to" and before a verb. "4 days" and "need 2 days off" stay numbers.
 */

const BEFORE_FOR = new Set([
  'the',
  'a',
  'an',
  'my',
  'your',
  'our',
  'their',
  'his',
  'her',
  'us',
  'me',
  'him',
  'them',
  'this',
  'that',
  'these',
  'those',
  'per',
  'each',
  'every',
]);
const TAKE_TO = new Set([
  'need',
  'needs',
  'needed',
  'want',
  'wants',
  'wanted',
  'going',
  'able',
  'ought',
  'allowed',
  'supposed',
  'try',
  'trying',
  'plan',
  'planning',
  'hope',
  'hoping',
]);

/** Whether a word can follow "to" as a verb: no plural, number or slot ("2 days", "2 people"). */
const verbLike = (word: string | undefined) =>
  word !== undefined && /^[a-z]+$/.test(word) && !word.endsWith('s') && !isSlotWord(word);

/** The words with chat's "4" and "2" read as "for" and "to" where they stand for them. */
export function readDigitWords(words: readonly string[]): string[] {
  return words.map((word, i) => {
    if (word === '4' && BEFORE_FOR.has(words[i + 1] ?? '')) return 'for';
    if (word === '2' && TAKE_TO.has(words[i - 1] ?? '') && verbLike(words[i + 1])) return 'to';
    return word;
  });
}
