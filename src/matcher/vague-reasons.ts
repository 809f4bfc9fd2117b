import type { MatchResult } from './matcher.js';
import type { CandidateEvidence } from './scored-query.js';

/**
 * Why a question is too vague to answer outright or asks about something else: another number,
 * a core word swapped for another entry's, too few content words. Apart from the result
 * building because these are tests of the question, not of the confidence.
 */

/**
 * "how many US troops were in Iraq in 2020?": every core word of the runner-up's entry is asked,
 * and the question adds only a number that entry does not give; the top entry leads by that
 * number alone ("…injured in the 2020 attack"), not by what it is about. It is the runner-up's
 * question about another date or figure, which neither entry answers.
 */
export function anotherNumber(
  top: CandidateEvidence | undefined,
  second: CandidateEvidence | undefined,
): boolean {
  if (top === undefined || second === undefined || top.core >= 1) return false;
  return (
    second.core >= 1 && second.foreignNumber && second.foreignMax === 0 && second.unknownMax === 0
  );
}

/** Share of a question's weight a word another entry knows must carry to stand in for a core word. */
const SWAPPED_WORD_SHARE = 0.15;

/**
 * "what time does the London warehouse open?" against the London office's hours: one of the
 * entry's core words ("office") is missing and a word of weight the entry never uses, but
 * other entries do ("warehouse"), stands where it was. It asks about something else.
 */
export function swapsCoreWord(top: CandidateEvidence | undefined): boolean {
  return top !== undefined && top.core < 1 && top.foreignMax >= SWAPPED_WORD_SHARE;
}

/** Too bare to answer outright: no content word, or one, unless a phrasing asks exactly that. */
export function vagueness(
  contentWords: { readonly words: number; readonly numbers: number; readonly asks: boolean },
  top: CandidateEvidence | undefined,
): MatchResult['vague'] | undefined {
  if (top === undefined || top.sameContent) return undefined;
  if (contentWords.words === 0) return 'empty';
  // "where should i eat" asks something with one word; "troops" or "iraq?" asks nothing.
  return contentWords.words + contentWords.numbers > 1 || contentWords.asks
    ? undefined
    : 'one-word';
}
