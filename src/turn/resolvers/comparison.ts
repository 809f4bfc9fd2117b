import { listEntryFor } from '../../conversation/ranked-lists.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import { contextEntries } from '../context-guard.js';
import type { Resolver, Turn } from '../resolver.js';

const COMPARES =
  /\b(?:more|fewer|less|bigger|larger|smaller|higher|lower)\b(?:\s+[a-z.'’-]+){0,3}\s+than\b|\bcompared?\s+(?:to|with)\b|\bwhich\s+(?:one\s+|of\s+(?:them|the\s+two|those|these)\s+)?(?:has|hosts|is|got|had)\s+(?:the\s+)?(?:more|most|fewer|fewest|less|least|bigger|biggest|larger|largest)\b/i;

/** Comparatives that can only be about a count, whatever the message names. */
const COUNTS = /\b(?:more|fewer|less|most|fewest|least)\b/i;

/**
 * "is that more than qatar?" after Bahrain's troops, "which one has more" after Kuwait's and
 * Bahrain's: a comparison between members of a ranking the knowledge declares (`rank`) is
 * answered by the entry that gives the ranking with its figures, so the reply states only what
 * the source says. Only as a follow-up: the last answer must be a member, which is what makes
 * "more" mean the ranked quantity ("is Kuwait bigger than Qatar?" asked afresh is about land).
 */
export const answerComparison: Resolver = (turn, tools) => {
  if (!COMPARES.test(turn.text)) return undefined;
  const context = contextEntries(turn).filter((entry) => entry.rank !== undefined);
  const [first] = context;
  if (first === undefined) return undefined;
  const named = bySubject(namedMembers(turn, first));
  // "is Kuwait bigger than Qatar?" names both sides itself: bigger in what is its own question.
  if (named.length >= 2 && !COUNTS.test(turn.text)) return undefined;
  const members = named.length >= 2 ? named : bySubject([...context, ...named]);
  if (members.length < 2) return undefined;
  const list = listEntryFor(turn.kb.entries, members);
  return list ? { reply: tools.answer(list, 1), question: turn.text } : undefined;
};

/** The members of `member`'s ranking whose subject the message names ("… than Qatar"). */
function namedMembers({ kb, text }: Turn, member: KnowledgeEntry): KnowledgeEntry[] {
  const list = member.rank?.list;
  return [...kb.entries.values()].filter((entry) => {
    if (entry.rank?.list !== list || entry.subject === undefined) return false;
    const name = entry.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\b${name}\\b`, 'i').test(text);
  });
}

/** One entry per subject: a ranking may hold two entries for its head ("the most", "Kuwait"). */
function bySubject(entries: readonly KnowledgeEntry[]): KnowledgeEntry[] {
  const seen = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    const key = entry.subject ?? entry.id;
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()];
}
