import { isFunctionWord } from './normalize.js';
import { isContentToken } from './role-order.js';
import { isPlaceWord, isSlotWord, slotKind } from './slot-lexicon.js';

/**
 * Ways a question names the entry's places and people but asks another question: another place
 * in the stead of the entry's, only the entry's slot words shared, someone the entry never speaks
 * of. Apart from the entry profiles because they weigh the question's words against what one
 * entry uses, not against what its phrasings share.
 */

// "us" is also the pronoun ("pay us"): a question leaving it out has not left out a place.
const AMBIGUOUS_PLACES: ReadonlySet<string> = new Set(['us']);
// "how many", "how much" (as the normaliser writes them) ask for a count, not about a topic.
const COUNTING: ReadonlySet<string> = new Set(['mani', 'much']);

/**
 * The question names a place the entry's phrasings never use, and lacks the place its core
 * words have: "the jordan attack in 2020" asked of the 2020 attack on a base in Iraq.
 */
export function placeSwapped(
  core: readonly string[],
  question: ReadonlySet<string>,
  entryUses: (token: string) => boolean,
): boolean {
  const missing = core.some((t) => isPlaceWord(t) && !AMBIGUOUS_PLACES.has(t) && !question.has(t));
  if (!missing) return false;
  for (const t of question) if (isPlaceWord(t) && !entryUses(t)) return true;
  return false;
}

/**
 * The question shares with the entry only places, nationalities and roles, and words most
 * entries use: "how many us troops in jordan" asked of the deaths in the Jordan attack has
 * Jordan, U.S. and troops, and nothing of what the entry says of them. An entry whose core
 * words are all slot words is asked by naming them.
 */
export function sharesOnlySlots(
  core: readonly string[],
  background: ReadonlySet<string>,
  question: readonly string[],
  entryUses: (token: string) => boolean,
): boolean {
  const distinctive = core.filter(
    (t) => !background.has(t) && !isFunctionWord(t) && !COUNTING.has(t),
  );
  if (!distinctive.some((t) => !isSlotWord(t))) return false;
  let slot = false;
  for (const t of question) {
    if (!isContentToken(t) || COUNTING.has(t) || !entryUses(t) || background.has(t)) continue;
    // "how many years" asks how long: a time is what it asks, not a slot it names.
    if (slotKind(t) !== 'entity') return false;
    slot = true;
  }
  return slot;
}

/**
 * The question names a person, role, place or nationality the knowledge knows but the entry never
 * speaks of, in its phrasings or its answer: "do they get the per diem too?" of "my partner" asks
 * about someone the per diem is not given for. Words most entries share ("U.S.") name nobody new.
 * Its tokens are the question's, and `known` says whether the knowledge uses one at all.
 */
export function namesOtherEntity(
  question: readonly string[],
  known: (token: string) => boolean,
  entryUses: (token: string) => boolean,
  spoken: ReadonlySet<string>,
  background: ReadonlySet<string>,
): boolean {
  return question.some(
    (t) =>
      slotKind(t) === 'entity' &&
      !AMBIGUOUS_PLACES.has(t) &&
      !background.has(t) &&
      known(t) &&
      !entryUses(t) &&
      !spoken.has(t) &&
      !isOwnPlace(t, spoken),
  );
}

// "on Iraqi soil" is in Iraq: a nationality named after a place the entry speaks of is that place.
const isOwnPlace = (t: string, spoken: ReadonlySet<string>): boolean =>
  [...spoken].some((w) => w.length >= 4 && t !== w && t.startsWith(w) && isPlaceWord(w));
