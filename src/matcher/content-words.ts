import { at } from './checked-read.js';
import type { AnalyzedText } from './feature-space.js';
import { isQuestionWord } from './normalize.js';
import { isContentToken } from './role-order.js';
import type { ScoredQuery } from './scored-query.js';

/**
 * A text's content words, as one comparable key and as counts. Apart from the scorer because
 * phrasing-analysis.ts keys the phrasings with the same function the scorer keys questions with.
 */

/**
 * Content words and numbers in the question, and whether it has a question word. "What about" and
 * "how about" name a topic without asking anything of it ("what about jordan"): they do not count.
 */
export function contentCounts(a: AnalyzedText): ScoredQuery['content'] {
  let words = 0;
  let numbers = 0;
  let asks = false;
  a.tokens.forEach((t, i) => {
    if (at(a.tokenWeights, i) === 0) return;
    if (isQuestionWord(t) && a.tokens[i + 1] !== 'about') asks = true;
    if (isContentToken(t)) words++;
    else if (/^\d+(?:\.\d+)?$/.test(t)) numbers++;
  });
  return { words, numbers, asks };
}

/** The distinct content words of a text, as one comparable key. */
export function contentKey(tokens: readonly string[]): string {
  return [...new Set(tokens.filter(isContentToken))].sort().join(' ');
}
