import type { KnowledgeEntry } from '../knowledge/knowledge.js';

/**
 * Follow-ups that point back at the last answer with a pronoun ("where does she work?"),
 * a position in a ranked list ("and after that?") or a "why?". Pure functions: they say what a
 * follow-up refers to; the bot judges the rewritten question like any other.
 */

/** What the last answer offers to refer to: who said it, who or what it is about, where. */
export interface Referent {
  readonly person?: string;
  readonly place?: string;
  readonly thing?: string;
}

/**
 * Who and what an entry can be referred to as. A subject that is somebody's name (it is the
 * speaker of some entry) is a person; any other subject is a place or thing.
 */
export function referentOf(entry: KnowledgeEntry, people: ReadonlySet<string>): Referent {
  const subjectIsPerson = entry.subject !== undefined && people.has(entry.subject);
  const person = entry.speaker ?? (subjectIsPerson ? entry.subject : undefined);
  const other = subjectIsPerson ? undefined : entry.subject;
  return {
    ...(person !== undefined && { person }),
    ...(other !== undefined && { place: other, thing: other }),
  };
}

const PERSON_POSSESSIVE = /\b(?:her|his)\s+(?=[a-z])/gi;
const PERSON = /\b(?:she|he|her|him)\b/gi;
const PLACE = /\b(?:(?:in|at|over|out)\s+)?there\b/gi;
// "that"/"this" are pronouns only where a noun phrase would stand: at the end, or after a preposition.
const THING =
  /\bit\b|\b(?<=(?:about|on|of|with|for|from|by|after|before)\s+)(?:that|this)\b|\b(?:that|this)\s*(?=[?.!]*$)/gi;

/**
 * The follow-up with its pronouns replaced by what the last answer was about:
 * "where does she work?" about Randa Slim → "where does Randa Slim work?". Undefined when the text
 * has no pronoun the referent can fill.
 */
export function rewritePronouns(text: string, referent: Referent): string | undefined {
  let rewritten = text;
  const { person, place, thing } = referent;
  if (person !== undefined) {
    rewritten = rewritten.replace(PERSON_POSSESSIVE, `${person}'s `).replace(PERSON, person);
  }
  if (place !== undefined) rewritten = rewritten.replace(PLACE, `in ${place}`);
  if (thing !== undefined) rewritten = rewritten.replace(THING, thing);
  return rewritten === text ? undefined : rewritten;
}

/** "and after that?", "the second one", "the other one": a position relative to the last answer. */
export type OrdinalReference =
  | { readonly kind: 'next' }
  | { readonly kind: 'position'; readonly position: number | 'last' }
  | { readonly kind: 'other' };

const ORDINAL_LEAD =
  /^(?:(?:and|so|ok(?:ay)?|then|what\s+about|how\s+about|which\s+(?:one\s+|country\s+)?(?:is|comes|ranks|is\s+ranked)|what(?:'s|s|\s+is|\s+comes)|who(?:'s|s|\s+is))\s+)*/i;
const ORDINAL_TAIL = /\s*(?:one|place|spot|country|after\s+(?:it|them))?\s*[?.!]*$/i;
/** Ordinal words and the position each names in a ranked list. */
export const POSITIONS: Readonly<Record<string, number | 'last'>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: 'last',
};

export function detectOrdinal(text: string): OrdinalReference | undefined {
  const core = text.trim().replace(ORDINAL_LEAD, '').replace(ORDINAL_TAIL, '').trim().toLowerCase();
  if (/^(?:after\s+(?:that|this|it)|(?:the\s+)?next|then|(?:and\s+)?next|what\s+next)$/.test(core))
    return { kind: 'next' };
  if (/^the\s+other(?:s)?$|^the\s+rest$/.test(core)) return { kind: 'other' };
  const position = /^(?:the\s+)?([a-z0-9]+)(?:\s+(?:most|biggest|largest))?$/.exec(core)?.[1];
  const value = position === undefined ? undefined : POSITIONS[position];
  return value === undefined ? undefined : { kind: 'position', position: value };
}

/**
 * The entry an ordinal follow-up points to in the ranked list the last answer belongs to.
 * `seen` are the list's entries already answered in this conversation ("the other one").
 */
export function followRank(
  reference: OrdinalReference,
  last: KnowledgeEntry,
  entries: Iterable<KnowledgeEntry>,
  seen: readonly string[] = [],
): KnowledgeEntry | undefined {
  const rank = last.rank;
  if (rank === undefined) return undefined;
  // Several entries may share a position ("which hosts the most" and "troops in Kuwait"); the
  // list proper holds one per position, the first in file order.
  const list = new Map<number, KnowledgeEntry>();
  for (const entry of entries) {
    if (entry.rank?.list === rank.list && !list.has(entry.rank.position))
      list.set(entry.rank.position, entry);
  }
  const positions = [...list.keys()].sort((a, b) => a - b);
  const at = (position: number | undefined) =>
    position === undefined ? undefined : list.get(position);
  switch (reference.kind) {
    case 'next':
      return at(positions.find((position) => position > rank.position));
    case 'position':
      return at(reference.position === 'last' ? positions.at(-1) : reference.position);
    case 'other': {
      const unseen = [...list.values()].filter(
        (entry) => entry.rank?.position !== rank.position && !seen.includes(entry.id),
      );
      return unseen.length === 1 ? unseen[0] : undefined;
    }
  }
}

const WHY =
  /^(?:(?:and|but|so|ok(?:ay)?)\s+)?(?:why|how\s+come|for\s+what\s+reason|what\s+for|what(?:'s|\s+is)\s+the\s+reason)(?:\s+(?:is|was|did|does|do|are|were|has|have)\s+(?:that|it|this|they|she|he|so)(?:\s+(?:there|so|the\s+case))?)?(?:\s+so)?\s*[?.!]*$/i;

/** A bare "why?" / "how come?" about the last answer. */
export function isWhy(text: string): boolean {
  return WHY.test(text.trim());
}

const EXPLAINS = /^\s*(?:why|how\s+come)\b/i;

/** Whether an entry gives a reason: one of its phrasings asks "why". */
export function explains(entry: KnowledgeEntry): boolean {
  return entry.questions.some((question) => EXPLAINS.test(question));
}

/** The last answer's related entries that answer a "why". */
export function explanationsOf(
  last: KnowledgeEntry,
  entries: ReadonlyMap<string, KnowledgeEntry>,
): KnowledgeEntry[] {
  return last.related
    .map((id) => entries.get(id))
    .filter((entry): entry is KnowledgeEntry => entry !== undefined && explains(entry));
}

const EVIDENCE =
  /^(?:(?:and|but|so|ok(?:ay)?)\s+)?(?:why\s+do\s+(?:you|u)\s+(?:say|think)\s+(?:that|so)|how\s+do\s+(?:you|u)\s+know(?:\s+(?:that|this))?|what\s+makes\s+(?:you|u)\s+say\s+(?:that|so)|says\s+who|who\s+says\s+(?:so|that)|according\s+to\s+whom?|(?:what'?s|what\s+is)\s+(?:the|your)\s+source(?:\s+(?:for|of|on)\s+(?:that|this))?|(?:where\s+(?:does|did)\s+(?:that|this)(?:\s+(?:figure|number|info))?\s+come\s+from)|source\s*\?|is\s+that\s+(?:true|right|so))\s*[?.!]*$/i;

/** "why do you say that?", "how do you know?": a request for what the last answer rests on. */
export function asksForEvidence(text: string): boolean {
  return EVIDENCE.test(text.trim());
}
