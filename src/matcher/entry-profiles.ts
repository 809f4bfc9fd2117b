import { at } from './checked-read.js';
import { increment } from './counts.js';
import { isFunctionWord } from './normalize.js';
import { isContentToken } from './role-order.js';
import { isSlotWord, slotKind } from './slot-lexicon.js';

/**
 * What each entry's phrasings share and how they vary, learnt once when the scorer is built: the
 * core words an entry is about, the slot words few of its phrasings use, whether its slots are
 * free parameters, and the tests a question's words are put to against them.
 */

/** A word most phrasings of an entry use: what the entry is about and what it answers. */
const CORE_SHARE = 0.4;

/** Each entry's core words: content words that at least `CORE_SHARE` of its phrasings use. */
export function entryCores(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): (readonly string[])[] {
  const { counts, sizes } = countPerEntry(phrasingTokens, entryOf, entryCount, isContentToken);
  return counts.map((map, e) =>
    [...map].filter(([, n]) => n >= CORE_SHARE * at(sizes, e)).map(([t]) => t),
  );
}

/** How close the runner-up's ranking score must be to the best's to count as a sibling. */
const SIBLING_SCORE_SHARE = 0.25;
/** Siblings differ in a slot of at most this many core words and share at least these many. */
const MAX_SLOT_WORDS = 2;
const MIN_SHARED_CORE = 2;

/** What tells sibling entries apart: their core words, the file's background, each word's uses. */
export interface SiblingProfiles {
  readonly cores: readonly (readonly string[])[];
  readonly background: ReadonlySet<string>;
  readonly wordUses: readonly ReadonlyMap<string, number>[];
}

export function leavesSlotOpen(
  ranked: readonly { readonly e: number; readonly s: number }[],
  profiles: SiblingProfiles,
  question: ReadonlySet<string>,
): boolean {
  const [first, second] = ranked;
  if (first === undefined || second === undefined || second.s < SIBLING_SCORE_SHARE * first.s)
    return false;
  // Siblings share most of what they are about; the question must name a side to be answered.
  // Sharing only the file's background ("U.S.", "Iraq") makes two topics, not one with a slot.
  const { cores, background, wordUses } = profiles;
  const a = at(cores, first.e);
  const b = at(cores, second.e);
  const slot = siblingSlot(a, b);
  if (slot === undefined || !a.some((t) => b.includes(t) && !background.has(t))) return false;
  // "info on the US–Iraq talks" against the talks (about troops) and their stakes: a side whose
  // own words are the file's background is the general entry, which a question naming neither
  // side asks for. A place stays a slot even where it is background ("how many troops").
  const general = (only: readonly string[]) =>
    only.every((t) => background.has(t) && slotKind(t) !== 'entity');
  if (general(slot.onlyA) || general(slot.onlyB)) return false;
  if (slot.onlyA.some((t) => question.has(t)) || slot.onlyB.some((t) => question.has(t)))
    return false;
  return !namesOneSide(question, wordUses[first.e], wordUses[second.e]);
}

/** Phrasings of one side that use a word for it to name that side ("paternity" leave). */
const SIDE_WORD_USES = 2;

/** Whether the question has a word several phrasings of one sibling use and none of the other's. */
function namesOneSide(
  question: ReadonlySet<string>,
  a: ReadonlyMap<string, number> | undefined,
  b: ReadonlyMap<string, number> | undefined,
): boolean {
  if (a === undefined || b === undefined) return false;
  for (const t of question) {
    const inA = a.get(t) ?? 0;
    const inB = b.get(t) ?? 0;
    if ((inA >= SIDE_WORD_USES && inB === 0) || (inB >= SIDE_WORD_USES && inA === 0)) return true;
  }
  return false;
}

/** How many of each entry's phrasings use each content word. */
export function entryWordUses(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): ReadonlyMap<string, number>[] {
  return countPerEntry(phrasingTokens, entryOf, entryCount, isContentToken).counts;
}

/**
 * The slot two entries' core words differ in, when they are siblings: one or two words of each
 * side's own, and at least `MIN_SHARED_CORE` shared words that are not `background`.
 */
export function siblingSlot(
  a: readonly string[],
  b: readonly string[],
  background: ReadonlySet<string> = new Set(),
): { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] } | undefined {
  const onlyA = a.filter((t) => !b.includes(t));
  const onlyB = b.filter((t) => !a.includes(t));
  const shared = a.filter((t) => b.includes(t) && !background.has(t)).length;
  const oneSlot = (only: readonly string[]) => only.length > 0 && only.length <= MAX_SLOT_WORDS;
  return oneSlot(onlyA) && oneSlot(onlyB) && shared >= MIN_SHARED_CORE
    ? { onlyA, onlyB }
    : undefined;
}

/** Distinct slot words of a kind from which an entry's slot counts as a free parameter. */
const FREE_SLOT_VALUES = 4;

export function entrySlotVariety(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): { readonly entities: Uint8Array; readonly times: Uint8Array } {
  const seen = Array.from({ length: entryCount }, () => ({
    entity: new Set<string>(),
    time: new Set<string>(),
  }));
  phrasingTokens.forEach((tokens, doc) => {
    const sets = at(seen, at(entryOf, doc));
    for (const t of tokens) {
      const kind = slotKind(t);
      if (kind !== undefined) sets[kind].add(t);
    }
  });
  return {
    entities: Uint8Array.from(seen, (s) => (s.entity.size >= FREE_SLOT_VALUES ? 1 : 0)),
    times: Uint8Array.from(seen, (s) => (s.time.size >= FREE_SLOT_VALUES ? 1 : 0)),
  };
}

/** Share of an entry's phrasings below which a slot word it uses counts as rare in it. */
const RARE_SLOT_SHARE = 0.2;

/** Each entry's slot words that few of its phrasings use. */
export function entryRareSlots(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
): ReadonlySet<string>[] {
  const { counts, sizes } = countPerEntry(phrasingTokens, entryOf, entryCount, isSlotWord);
  return counts.map(
    (map, e) =>
      new Set([...map].filter(([, n]) => n < RARE_SLOT_SHARE * at(sizes, e)).map(([t]) => t)),
  );
}

/** `named` are the question's tokens that name where, not when (`tokensOutsideTimePhrases`). */
export function slotSwapped(
  core: readonly string[],
  rare: ReadonlySet<string>,
  question: ReadonlySet<string>,
  named: ReadonlySet<string> = question,
): boolean {
  if (rare.size === 0 || !core.some((t) => isSlotWord(t) && !question.has(t))) return false;
  for (const t of named) if (rare.has(t)) return true;
  return false;
}

/** A core word of at least this share of the entries is the file's background, not a slot. */
const BACKGROUND_SHARE = 0.25;

/** The core words so many entries share that they tell none apart ("U.S.", "Iraq"). */
export function backgroundWords(cores: readonly (readonly string[])[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const core of cores) for (const t of core) increment(counts, t);
  const least = BACKGROUND_SHARE * cores.length;
  return new Set([...counts].filter(([, n]) => n >= least).map(([t]) => t));
}

/**
 * Whether the question says what sets the entry apart from the rest of the file: one of its
 * distinctive core words (not background, not a function word, not a year or number), and every
 * distinctive place, nationality or role among them. "how many died in the attack" names no
 * attack where the entry is about the one in Jordan; "how many troops in Iraq in 2020" names
 * nothing of the 2020 attack but its year.
 */
export function namesEntry(
  core: readonly string[],
  background: ReadonlySet<string>,
  question: ReadonlySet<string>,
): boolean {
  const distinctive = core.filter((t) => !background.has(t) && !isFunctionWord(t));
  const entityMissing = distinctive.some((t) => slotKind(t) === 'entity' && !question.has(t));
  return !entityMissing && distinctive.some((t) => question.has(t) && slotKind(t) !== 'time');
}

export function coreCoverage(core: readonly string[], question: ReadonlySet<string>): number {
  if (core.length === 0) return 1;
  let found = 0;
  for (const t of core) if (question.has(t)) found++;
  return found / core.length;
}

/** For each entry, in how many of its phrasings each kept token occurs, and its phrasing count. */
function countPerEntry(
  phrasingTokens: readonly (readonly string[])[],
  entryOf: ArrayLike<number>,
  entryCount: number,
  keep: (token: string) => boolean,
): { readonly counts: Map<string, number>[]; readonly sizes: Int32Array } {
  const counts = Array.from({ length: entryCount }, () => new Map<string, number>());
  const sizes = new Int32Array(entryCount);
  phrasingTokens.forEach((tokens, doc) => {
    const e = at(entryOf, doc);
    const map = at(counts, e);
    sizes[e] = at(sizes, e) + 1;
    for (const t of new Set(tokens)) if (keep(t)) increment(map, t);
  });
  return { counts, sizes };
}
