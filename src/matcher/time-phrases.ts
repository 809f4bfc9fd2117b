import { isStopToken } from './normalize.js';
import { isSlotWord } from './slot-lexicon.js';

/**
 * The places a question names as where something is, not as when: in "dangerous before the
 * Gaza war" Gaza dates the danger, it does not move it out of Iraq. Apart from the slot
 * lexicon because it reads word order, which the lexicon does not.
 */

// As the normaliser writes them: "before" is "befor", "since" "sinc", "during" "dure".
const TIME_PREPOSITIONS = new Set(['befor', 'after', 'sinc', 'until', 'till', 'dure', 'prior']);

/** The question's tokens without the slot words of a phrase a time preposition opens. */
export function tokensOutsideTimePhrases(tokens: readonly string[]): ReadonlySet<string> {
  const kept = new Set<string>();
  let inPhrase = false;
  for (const t of tokens) {
    if (TIME_PREPOSITIONS.has(t)) {
      inPhrase = true;
      kept.add(t);
      continue;
    }
    if (inPhrase && isSlotWord(t)) continue;
    kept.add(t);
    // "the" and "to" ("prior to") leave the phrase open; its head word ("war") closes it.
    if (!isStopToken(t)) inPhrase = false;
  }
  return kept;
}
