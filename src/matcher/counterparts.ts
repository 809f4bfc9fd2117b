import { at } from './checked-read.js';
import { siblingSlot } from './entry-profiles.js';
import { isFunctionWord } from './normalize.js';

/**
 * Words that stand in each other's place in the file: where two entries share what they are
 * about and differ in one or two core words ("office" overtime, "site"/"warehouse" overtime),
 * those words are counterparts. A question naming one of them asks for that one: an entry whose
 * answer speaks of its counterpart instead ("office employees may work remotely…") answers
 * another group's question. Apart from the entry profiles because it relates entries to each
 * other, not one entry to its own phrasings.
 */

export type Counterparts = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Each word's counterparts, from every pair of entries whose cores differ in one slot
 * (`siblingSlot`), sharing words that are not the file's background: "U.S. troops" in a file
 * about U.S. troops tells no two entries apart.
 */
export function counterpartsOf(
  cores: readonly (readonly string[])[],
  background: ReadonlySet<string>,
): Counterparts {
  const found = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = found.get(a) ?? new Set<string>();
    set.add(b);
    found.set(a, set);
  };
  const content = cores.map((core) => core.filter((t) => !isFunctionWord(t)));
  for (let i = 0; i < content.length; i++) {
    for (let j = i + 1; j < content.length; j++) {
      const slot = siblingSlot(at(content, i), at(content, j), background);
      if (slot === undefined) continue;
      for (const x of slot.onlyA)
        for (const y of slot.onlyB) {
          add(x, y);
          add(y, x);
        }
    }
  }
  return found;
}

/**
 * The question names a word the entry never uses whose counterpart the entry speaks of (`spoken`:
 * its core words and its answer's) and the question does not: "warehouse staff" asked of the
 * office employees' remote work.
 */
export function namesCounterpart(
  question: ReadonlySet<string>,
  counterparts: Counterparts,
  entryUses: (token: string) => boolean,
  spoken: ReadonlySet<string>,
): boolean {
  for (const t of question) {
    const others = counterparts.get(t);
    if (others === undefined || entryUses(t) || spoken.has(t)) continue;
    for (const other of others) if (!question.has(other) && spoken.has(other)) return true;
  }
  return false;
}

/** Each entry's core words with its answer's, as the normaliser writes them. */
export function spokenWords(
  cores: readonly (readonly string[])[],
  answers: readonly (string | undefined)[],
  tokens: (text: string) => readonly string[],
): ReadonlySet<string>[] {
  return cores.map((core, e) => new Set([...core, ...tokens(answers[e] ?? '')]));
}
