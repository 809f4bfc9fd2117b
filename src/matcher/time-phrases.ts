import { isStopToken } from './normalize.js';
import { isSlotWord } from './slot-lexicon.js';

/**
 * What a question's time phrases say: the places they name as when, not where ("dangerous
 * before the Gaza war" dates the danger, it does not move it out of Iraq), and whether they put
 * the question before, after or during its event. Apart from the slot lexicon because they read
 * word order, which the lexicon does not.
 */

export type TimeRelation = 'before' | 'after' | 'during';

// As the normaliser writes them: "before" is "befor", "since" "sinc", "during" "dure".
const RELATIONS: ReadonlyMap<string, TimeRelation> = new Map([
  ['befor', 'before'],
  ['prior', 'before'],
  ['until', 'before'],
  ['till', 'before'],
  ['after', 'after'],
  ['sinc', 'after'],
  ['dure', 'during'],
  ['while', 'during'],
]);
const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(RELATIONS.keys());

/** The time relations each entry's phrasings use. */
export function entryTimeRelations(
  phrasingTokens: readonly (readonly string[])[],
  phrasingEntry: readonly number[],
  entryCount: number,
): ReadonlySet<TimeRelation>[] {
  const used = Array.from({ length: entryCount }, () => new Set<TimeRelation>());
  phrasingTokens.forEach((tokens, d) => {
    for (const r of timeRelationsOf(tokens)) used[phrasingEntry[d] ?? -1]?.add(r);
  });
  return used;
}

// "still on probation", "3 months into probation": in the middle of it, as "during" says.
const STILL = new Set(['still', 'current', 'currentli']);
const STILL_IN = new Set(['on', 'in']);
const UNITS = new Set(['dai', 'week', 'month', 'year']);

/** The time relations (before, after, during) a text's tokens use. */
export function timeRelationsOf(tokens: readonly string[]): ReadonlySet<TimeRelation> {
  const relations = new Set<TimeRelation>();
  tokens.forEach((t, i) => {
    const r = RELATIONS.get(t);
    if (r !== undefined) relations.add(r);
    const next = tokens[i + 1] ?? '';
    if ((STILL.has(t) && STILL_IN.has(next)) || (UNITS.has(t) && next === 'into'))
      relations.add('during');
  });
  return relations;
}

/**
 * The question asks during what the entry's phrasings ask after (or any other pair): "the
 * notice period while on probation" is not the one "after probation", though the entry has
 * every other word. An entry whose phrasings name no relation conflicts with none.
 */
export function timeRelationConflict(
  entry: ReadonlySet<TimeRelation>,
  question: ReadonlySet<TimeRelation>,
): boolean {
  if (entry.size === 0) return false;
  for (const r of question) if (!entry.has(r)) return true;
  return false;
}

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
